// Expected images: wait until a workload's pod template carries the images a CD tool is about to
// apply (`container=image`, or a bare image matched by its repository), before judging its
// rollout — otherwise the old, fully rolled-out template passes for the new release.
import { preview } from '@cicd-actions/core/preview';
import type { Workload } from './rollout-status';

export interface ExpectedImage {
  /** The container it must be in; absent: any container whose image has the same repository. */
  container?: string;
  image: string;
}

const CONTAINER_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
// No whitespace, no scheme; a reference as `docker pull` takes it.
const IMAGE = /^[A-Za-z0-9][A-Za-z0-9._\-/:@]*$/;

/** `ghcr.io/acme/api:1.2.3@sha256:…` → `ghcr.io/acme/api` (the tag and digest dropped). */
export function imageRepository(image: string): string {
  const noDigest = image.split('@')[0];
  const colon = noDigest.lastIndexOf(':');
  return colon > noDigest.lastIndexOf('/') ? noDigest.slice(0, colon) : noDigest;
}

export type ParsedExpectedImage =
  { ok: true; value: ExpectedImage } | { ok: false; reason: string };

/** One line of the `images` input. */
export function parseExpectedImage(text: string): ParsedExpectedImage {
  const item = text.trim();
  const eq = item.indexOf('=');
  const container = eq >= 0 ? item.slice(0, eq).trim() : undefined;
  const image = (eq >= 0 ? item.slice(eq + 1) : item).trim();
  if (container !== undefined && !CONTAINER_NAME.test(container))
    return {
      ok: false,
      reason: `${preview(item)}: ${preview(container)} is not a container name (lowercase letters, digits and '-')`,
    };
  // An image reference is at most 255 characters of name plus a tag or digest (OCI distribution).
  if (!image || image.length > 512 || !IMAGE.test(image) || /:\/\/|:$|@$/.test(image))
    return {
      ok: false,
      reason: `${preview(item)} is not an image reference (e.g. ghcr.io/acme/api:1.2.3, or app=ghcr.io/acme/api:1.2.3)`,
    };
  return { ok: true, value: container ? { container, image } : { image } };
}

function containers(obj: Workload): Array<{ name: string; image?: string }> {
  const spec = obj.spec?.template?.spec;
  return [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
}

/**
 * What the pod template still lacks: one line per expected image it does not carry yet, saying
 * what it has instead; empty when it carries them all.
 */
export function missingImages(obj: Workload, expected: readonly ExpectedImage[]): string[] {
  const have = containers(obj);
  const missing: string[] = [];
  for (const e of expected) {
    if (e.container) {
      const c = have.find((x) => x.name === e.container);
      if (c?.image !== e.image)
        missing.push(
          `${e.container}=${e.image} (${c ? `it has ${c.image ?? 'no image'}` : 'no such container yet'})`,
        );
      continue;
    }
    const repo = imageRepository(e.image);
    const same = have.filter((x) => x.image && imageRepository(x.image) === repo);
    if (!same.length || same.some((x) => x.image !== e.image))
      missing.push(
        `${e.image} (${same.length ? `it has ${[...new Set(same.map((x) => x.image))].join(', ')}` : `no container runs ${repo} yet`})`,
      );
  }
  return missing;
}
