// The `helm upgrade --install` command line for one Helm major (`helm upgrade --help` of 3.17.3
// and 4.1.4). Never helm's own --wait or --atomic: the deploy waits with packages/kube (fail-fast
// on crash loops, reasons) and rolls back with helm-rollback's choice of a good revision.
import { goDuration } from './rollback-flags';

export type ChartSource =
  /** A chart directory or packaged .tgz inside the workspace (an absolute path). */
  | { kind: 'path'; path: string }
  /** A chart name in a repository given by URL (`--repo`). */
  | { kind: 'repo'; repo: string; name: string }
  /** `name/chart` from a repository added earlier with `helm repo add`. */
  | { kind: 'added-repo'; ref: string }
  /** `oci://registry/path/chart`. */
  | { kind: 'oci'; ref: string };

export interface UpgradeOptions {
  release: string;
  namespace: string;
  chart: ChartSource;
  chartVersion?: string;
  createNamespace: boolean;
  /** Absolute paths, in order (later files win, as with repeated --values). */
  valuesFiles: string[];
  /** `key=value`, one key each. */
  set: string[];
  setString: string[];
  timeoutMs: number;
  dryRun: boolean;
  kubeContext?: string;
}

/** The chart argument(s) as helm takes them. */
export function chartArgs(chart: ChartSource): string[] {
  switch (chart.kind) {
    case 'path':
      return [chart.path];
    case 'repo':
      return [chart.name, '--repo', chart.repo];
    case 'added-repo':
    case 'oci':
      return [chart.ref];
  }
}

/** The argument array for `helm upgrade --install` on Helm `major` (3 or 4). */
export function upgradeArgs(major: number, o: UpgradeOptions): string[] {
  const helm4 = major >= 4;
  const [chart, ...chartFlags] = chartArgs(o.chart);
  const args = ['upgrade', '--install', o.release, chart, ...chartFlags];
  args.push('--namespace', o.namespace);
  if (o.kubeContext) args.push('--kube-context', o.kubeContext);
  if (o.createNamespace) args.push('--create-namespace');
  if (o.chartVersion) args.push('--version', o.chartVersion);
  for (const file of o.valuesFiles) args.push('--values', file);
  for (const pair of o.set) args.push('--set', pair);
  for (const pair of o.setString) args.push('--set-string', pair);
  // Helm's --timeout bounds each Kubernetes operation (hooks); the action's deadline bounds the whole.
  args.push('--timeout', goDuration(o.timeoutMs));
  // Helm 4's bare --dry-run is deprecated; `client` is what Helm 3's bare --dry-run means.
  if (o.dryRun) args.push(helm4 ? '--dry-run=client' : '--dry-run');
  return args;
}
