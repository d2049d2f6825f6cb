// The images each revision ran, read from its stored manifest (`helm get manifest --revision`):
// what a person needs to tell revisions apart when the chart version never changes.
import type { HelmCli } from './helm-cli';
import type { HistoryEntry } from './release-history';
import type { RevisionImages } from './history-table';
import { imagesFromManifest } from './manifest-workloads';

/** How many of the newest revisions get their images read (one helm call each, four at a time). */
export const IMAGE_REVISIONS = 10;

/** Best effort: a revision whose manifest cannot be read within `timeoutMs` has no images shown. */
export async function revisionImages(
  cli: HelmCli,
  release: string,
  history: readonly HistoryEntry[],
  timeoutMs: number,
  known: RevisionImages = {},
): Promise<RevisionImages> {
  const out: RevisionImages = { ...known };
  const wanted = history
    .slice(-IMAGE_REVISIONS)
    .map((e) => e.revision)
    .filter((r) => out[r] === undefined);
  const started = Date.now();
  const next = async (): Promise<void> => {
    const revision = wanted.shift();
    if (revision === undefined) return;
    const left = timeoutMs - (Date.now() - started);
    if (left < 500) return;
    try {
      out[revision] = imagesFromManifest(await cli.manifest(release, revision, left));
    } catch {
      // Shown without images: the history is still worth reading.
    }
    return next();
  };
  await Promise.all([next(), next(), next(), next()]);
  return out;
}
