// Helm release records as Helm 3 and 4 store them with their default storage driver: one Secret
// per revision. Written from Helm's pkg/storage/driver (secrets.go, util.go) and pkg/release:
//   name    sh.helm.release.v1.<release>.v<revision>
//   type    helm.sh/release.v1
//   labels  owner=helm, name=<release>, status=<status>, version=<revision> (+ createdAt/modifiedAt)
//   data    release = base64(gzip(JSON of the release)); the Secret's data map base64-encodes it
//           once more on the wire, so the JSON value is base64(base64(gzip(json))).
import { gunzipSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import { parseAllDocuments } from 'yaml';
import type { SimCluster } from './cluster';
import { rolloutComplete } from './rollout';
import type { KubeObject } from './selectors';

export const HELM_SECRET_TYPE = 'helm.sh/release.v1';

export type HelmReleaseStatus =
  | 'unknown'
  | 'deployed'
  | 'uninstalled'
  | 'superseded'
  | 'failed'
  | 'uninstalling'
  | 'pending-install'
  | 'pending-upgrade'
  | 'pending-rollback';

/** The release object Helm serialises (the fields `helm history`, `status` and `get` read). */
export interface HelmRelease {
  name: string;
  namespace: string;
  version: number;
  info: {
    first_deployed: string;
    last_deployed: string;
    deleted: string;
    description: string;
    status: HelmReleaseStatus;
    notes?: string;
  };
  chart: {
    metadata: {
      apiVersion: string;
      name: string;
      version: string;
      appVersion?: string;
      description?: string;
      type?: string;
    };
    templates: unknown[];
    values: Record<string, unknown>;
    files: unknown[];
  };
  config: Record<string, unknown>;
  manifest: string;
  hooks?: unknown[];
}

export interface HelmSecret {
  apiVersion: 'v1';
  kind: 'Secret';
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  type: typeof HELM_SECRET_TYPE;
  data: { release: string };
}

/** What a test says about one revision; everything else gets a plausible default. */
export interface RevisionSpec {
  revision: number;
  status: HelmReleaseStatus;
  chartVersion?: string;
  appVersion?: string;
  description?: string;
  /** The rendered manifest (what `helm get manifest` prints). */
  manifest?: string;
  config?: Record<string, unknown>;
  /** ISO time of the revision; default: one minute per revision after a fixed start. */
  updated?: string;
}

export function helmSecretName(release: string, revision: number): string {
  return `sh.helm.release.v1.${release}.v${revision}`;
}

/** The storage form of a release (base64 of gzip of JSON), as Helm's encodeRelease writes it. */
export function encodeRelease(rel: HelmRelease): string {
  return gzipSync(Buffer.from(JSON.stringify(rel)), {
    level: zlibConstants.Z_BEST_COMPRESSION,
  }).toString('base64');
}

/** The inverse of encodeRelease; like Helm, also accepts records stored before compression. */
export function decodeRelease(stored: string): HelmRelease {
  const bytes = Buffer.from(stored, 'base64');
  const isGzip = bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;
  return JSON.parse((isGzip ? gunzipSync(bytes) : bytes).toString('utf8')) as HelmRelease;
}

/** The Secret Helm's driver creates for a release revision. */
export function helmReleaseSecret(
  rel: HelmRelease,
  createdAt = Math.floor(Date.parse(rel.info.last_deployed) / 1000),
): HelmSecret {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: helmSecretName(rel.name, rel.version),
      namespace: rel.namespace,
      labels: {
        createdAt: String(createdAt),
        name: rel.name,
        owner: 'helm',
        status: rel.info.status,
        version: String(rel.version),
      },
    },
    type: HELM_SECRET_TYPE,
    // The Secret's data values are bytes, which Kubernetes carries as base64 in JSON.
    data: { release: Buffer.from(encodeRelease(rel)).toString('base64') },
  };
}

/** The release stored in one of Helm's Secrets (as read back from the API). */
export function releaseFromSecret(secret: { data?: Record<string, string> }): HelmRelease {
  const wire = secret.data?.release;
  if (!wire) throw new Error('not a Helm release Secret: no data.release');
  return decodeRelease(Buffer.from(wire, 'base64').toString('utf8'));
}

const START = Date.parse('2026-01-05T10:00:00Z');

/** A Deployment manifest of the kind a chart renders, for release records and the cluster. */
export function deploymentManifest(
  name: string,
  opts: { image: string; replicas?: number; namespace?: string; chart?: string },
): string {
  const labels = `app.kubernetes.io/name: ${name}`;
  return [
    '---',
    `# Source: ${opts.chart ?? name}/templates/deployment.yaml`,
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    ...(opts.namespace ? [`  namespace: ${opts.namespace}`] : []),
    '  labels:',
    `    ${labels}`,
    'spec:',
    `  replicas: ${opts.replicas ?? 2}`,
    '  selector:',
    '    matchLabels:',
    `      ${labels}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        ${labels}`,
    '    spec:',
    '      containers:',
    `        - name: ${name}`,
    `          image: ${opts.image}`,
    '',
  ].join('\n');
}

/** Full release records for a history, oldest first, as Helm would have written them. */
export function releaseHistory(
  release: string,
  namespace: string,
  revisions: RevisionSpec[],
  chartName = release,
): HelmRelease[] {
  const first = revisions[0];
  const firstDeployed =
    first?.updated ?? new Date(START + (first?.revision ?? 1) * 60_000).toISOString();
  return revisions.map((r) => {
    const chartVersion = r.chartVersion ?? `1.${r.revision}.0`;
    const appVersion = r.appVersion ?? `1.${r.revision}.0`;
    return {
      name: release,
      namespace,
      version: r.revision,
      info: {
        first_deployed: firstDeployed,
        last_deployed: r.updated ?? new Date(START + r.revision * 60_000).toISOString(),
        deleted: '',
        description: r.description ?? defaultDescription(release, r),
        status: r.status,
      },
      chart: {
        metadata: {
          apiVersion: 'v2',
          name: chartName,
          version: chartVersion,
          appVersion,
          type: 'application',
        },
        templates: [],
        values: { image: { tag: appVersion } },
        files: [],
      },
      config: r.config ?? { image: { tag: appVersion } },
      manifest:
        r.manifest ??
        deploymentManifest(release, {
          image: `registry.example/${release}:${appVersion}`,
          chart: chartName,
        }),
    };
  });
}

// The descriptions Helm writes for each outcome (pkg/action install.go, upgrade.go).
function defaultDescription(release: string, r: RevisionSpec): string {
  if (r.revision === 1)
    return r.status === 'failed'
      ? `Release "${release}" failed: context deadline exceeded`
      : 'Install complete';
  switch (r.status) {
    case 'failed':
      return `Upgrade "${release}" failed: context deadline exceeded`;
    case 'pending-upgrade':
      return 'Preparing upgrade';
    case 'pending-install':
      return 'Initial install underway';
    case 'pending-rollback':
      return 'Rollback in progress';
    default:
      return 'Upgrade complete';
  }
}

// ---- On the simulated cluster, through its public API (SimCluster) ----

type ClusterApi = Pick<SimCluster, 'apply' | 'list' | 'get'>;

/** Stores a history of release records as Helm's Secrets; returns the records. */
export function storeReleaseHistory(
  cluster: ClusterApi,
  release: string,
  namespace: string,
  revisions: RevisionSpec[],
  chartName?: string,
): HelmRelease[] {
  const records = releaseHistory(release, namespace, revisions, chartName);
  for (const rec of records) cluster.apply(helmReleaseSecret(rec) as unknown as KubeObject);
  return records;
}

/** Writes (creates or replaces) one release record, with the labels Helm's driver sets. */
export function storeRelease(cluster: ClusterApi, rec: HelmRelease): void {
  const secret = helmReleaseSecret(rec);
  if (cluster.get('Secret', secret.metadata.name, rec.namespace)) {
    // An update carries modifiedAt instead of createdAt, as Helm's Secrets.Update writes it.
    const { createdAt: _created, ...labels } = secret.metadata.labels;
    secret.metadata.labels = { ...labels, modifiedAt: String(Math.floor(Date.now() / 1000)) };
  }
  cluster.apply(secret as unknown as KubeObject);
}

/** The release's records as Helm reads them (label query owner=helm,name=<release>), oldest first. */
export function readReleases(
  cluster: ClusterApi,
  release: string,
  namespace: string,
): HelmRelease[] {
  return cluster
    .list('Secret', { namespace, labelSelector: `owner=helm,name=${release}` })
    .map((s) => releaseFromSecret(s as { data?: Record<string, string> }))
    .sort((a, b) => a.version - b.version);
}

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/**
 * Applies the workloads of a rendered manifest to the cluster with the ownership metadata Helm
 * adds, so that a changed pod template starts a rollout in the scripted controller.
 */
export function applyManifestWorkloads(
  cluster: ClusterApi,
  manifest: string,
  release: string,
  namespace: string,
): KubeObject[] {
  const applied: KubeObject[] = [];
  for (const doc of parseAllDocuments(manifest)) {
    const obj = doc.toJS() as KubeObject | null;
    if (!obj || !WORKLOADS.has(obj.kind ?? '')) continue;
    obj.metadata = { ...obj.metadata, namespace: obj.metadata.namespace ?? namespace };
    obj.metadata.labels = {
      ...(obj.metadata.labels ?? {}),
      'app.kubernetes.io/managed-by': 'Helm',
    };
    obj.metadata.annotations = {
      ...(obj.metadata.annotations ?? {}),
      'meta.helm.sh/release-name': release,
      'meta.helm.sh/release-namespace': namespace,
    };
    applied.push(cluster.apply(obj));
  }
  return applied;
}

export interface RollbackOutcome {
  code: number;
  stdout: string;
  stderr: string;
  /** The record the rollback wrote, when it got that far. */
  created?: HelmRelease;
}

/**
 * `helm rollback <release> <revision>` as Helm 3.17/4.1 perform it (pkg/action/rollback.go):
 * the current record is the newest; the target must exist; a new record current+1 copies the
 * target's chart, values, manifest and notes with status pending-rollback and description
 * "Rollback to N"; the manifest is applied; with `waitMs` (--wait) the workloads must finish
 * rolling out in that time or the new record is marked failed; then every record that was
 * `deployed` becomes `superseded` and the new one `deployed`. Revision 0 (or none) means
 * current-1, as in Helm. `fail` makes the apply step fail the way Helm records it (exit 1).
 */
export async function rollbackRelease(
  cluster: ClusterApi & Pick<SimCluster, 'waitFor'>,
  release: string,
  namespace: string,
  revision: number | undefined,
  opts: { fail?: string; waitMs?: number; now?: Date } = {},
): Promise<RollbackOutcome> {
  const records = readReleases(cluster, release, namespace);
  const current = records[records.length - 1];
  if (!current) return { code: 1, stdout: '', stderr: 'Error: release: not found\n' };
  const wanted = revision === undefined || revision === 0 ? current.version - 1 : revision;
  const target = records.find((r) => r.version === wanted);
  if (!target) return { code: 1, stdout: '', stderr: `Error: release has no ${wanted} version\n` };
  const now = (opts.now ?? new Date()).toISOString();
  const created: HelmRelease = {
    name: release,
    namespace: current.namespace,
    version: current.version + 1,
    info: {
      first_deployed: current.info.first_deployed,
      last_deployed: now,
      deleted: '',
      description: `Rollback to ${wanted}`,
      status: 'pending-rollback',
      notes: target.info.notes,
    },
    chart: target.chart,
    config: target.config,
    manifest: target.manifest,
    ...(target.hooks ? { hooks: target.hooks } : {}),
  };
  storeRelease(cluster, created);
  const failed = (message: string, error: string, supersedeCurrent: boolean): RollbackOutcome => {
    // A failed apply also marks the current release superseded; a failed wait leaves it as it was.
    if (supersedeCurrent)
      storeRelease(cluster, { ...current, info: { ...current.info, status: 'superseded' } });
    const rec: HelmRelease = {
      ...created,
      info: { ...created.info, status: 'failed', description: message },
    };
    storeRelease(cluster, rec);
    return { code: 1, stdout: '', stderr: `Error: ${error}\n`, created: rec };
  };
  if (opts.fail) return failed(`Rollback "${release}" failed: ${opts.fail}`, opts.fail, true);
  const applied = applyManifestWorkloads(cluster, target.manifest, release, namespace);
  if (opts.waitMs !== undefined) {
    try {
      await Promise.all(
        applied.map((o) =>
          cluster.waitFor(o.kind ?? '', o.metadata.name, rolloutComplete, {
            namespace: o.metadata.namespace,
            timeoutMs: opts.waitMs,
          }),
        ),
      );
    } catch {
      return failed(
        `Release "${release}" failed: context deadline exceeded`,
        `release ${release} failed: context deadline exceeded`,
        false,
      );
    }
  }
  for (const rec of records)
    if (rec.info.status === 'deployed')
      storeRelease(cluster, { ...rec, info: { ...rec.info, status: 'superseded' } });
  const deployed: HelmRelease = { ...created, info: { ...created.info, status: 'deployed' } };
  storeRelease(cluster, deployed);
  return {
    code: 0,
    stdout: 'Rollback was a success! Happy Helming!\n',
    stderr: '',
    created: deployed,
  };
}
