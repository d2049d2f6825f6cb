// What `helm version` says, as a number we can choose flags by.

export interface HelmVersion {
  major: number;
  minor: number;
  patch: number;
  /** As Helm prints it, e.g. `v3.17.3`. */
  text: string;
}

// Helm 3 and 4 print `version.BuildInfo{Version:"v3.17.3", GitCommit:...}` (Helm 4 adds
// KubeClientVersion); `--short` prints `v3.17.3+ge4da497`; Helm 2 printed `SemVer:"v2.17.0"`.
const BUILD_INFO = /\b(?:Version|SemVer):"v?(\d+)\.(\d+)\.(\d+)([^"]*)"/;
const SHORT = /^v?(\d+)\.(\d+)\.(\d+)([-+][^\s]*)?$/;

/** Parses the output of `helm version` (either form); undefined when it is not Helm's. */
export function parseHelmVersion(output: string): HelmVersion | undefined {
  const text = output.trim();
  const m = BUILD_INFO.exec(text) ?? SHORT.exec(text.split(/\r?\n/)[0]?.trim() ?? '');
  if (!m) return undefined;
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const prerelease = (m[4] ?? '').split('+')[0];
  return { major, minor, patch, text: `v${major}.${minor}.${patch}${prerelease}` };
}
