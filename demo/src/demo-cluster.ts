// The cluster side of the demo: the simulated API server (test/k8s-sim) with the release's
// Deployment and its Helm history, what `helm upgrade` does to both, and the helm stand-in
// (test/helm) that helm-rollback runs — read-only helm commands go to the real Helm binary,
// which reads the simulator's release Secrets; the rollback itself is performed here the way
// Helm performs it (new revision from the target's record, Deployment re-applied).
import { parseAllDocuments } from 'yaml';
import { deployment, startCluster, rolloutComplete, type KubeObject, type SimCluster } from '../../test/k8s-sim/index';
import { helmReleaseSecret, releaseFromSecret, releaseHistory, deploymentManifest, type HelmRelease } from '../../test/k8s-sim/helm-releases';
import { startHelmStandIn, type ProgramResult, type RollbackCall } from '../../test/helm/helm-standin';
import type { StepRun } from './job';

export interface DemoClusterOptions {
  release: string;
  namespace: string;
  deployment: string;
  imageRepository: string;
  /** Versions released before the job, oldest first; the last one is live. */
  history: string[];
  /** Images whose pods crash-loop. */
  brokenImages: string[];
  replicas?: number;
}

export interface ClusterState {
  deployment: { name: string; image: string; replicas: number; readyReplicas: number; generation: number };
  helmHistory: { revision: number; status: string; description: string; image: string }[];
}

export interface DemoCluster {
  kubeconfigBase64: string;
  /** helm binary for helm-rollback's `helm` input (the stand-in). */
  helm: string;
  deploymentImage(): Promise<string>;
  /** `helm upgrade <release> … --set image.tag=<version>` without --wait: the rollout is wait-rollout's job. */
  upgrade(version: string): Promise<StepRun>;
  state(): Promise<ClusterState>;
  /** Every helm command line the stand-in ran. */
  helmInvocations(): string[][];
  close(): Promise<void>;
}

const CHART = 'shop';
const CHART_VERSION = '0.3.0';

function imageOf(manifest: string): string {
  for (const doc of parseAllDocuments(manifest)) {
    const obj = doc.toJS() as KubeObject | null;
    if (obj?.kind === 'Deployment') return obj.spec.template.spec.containers[0].image as string;
  }
  return '';
}

export async function startDemoCluster(o: DemoClusterOptions): Promise<DemoCluster> {
  const replicas = o.replicas ?? 3;
  const sim: SimCluster = await startCluster({ namespaces: [o.namespace], behaviour: { stepMs: 40 } });
  const cleanups: (() => Promise<void> | void)[] = [() => sim.close()];
  try {
    for (const image of o.brokenImages) sim.controller?.behave({ image: new RegExp(`${image.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), behaviour: { pods: 'crash-loop' } });

    const manifestFor = (image: string) => deploymentManifest(o.deployment, { image, replicas, namespace: o.namespace, chart: CHART });
    const image = (version: string) => `${o.imageRepository}:${version}`;
    const start = Date.now() - o.history.length * 86_400_000;
    const records = releaseHistory(
      o.release,
      o.namespace,
      o.history.map((version, i) => ({
        revision: i + 1,
        status: i === o.history.length - 1 ? 'deployed' : 'superseded',
        chartVersion: CHART_VERSION,
        appVersion: version,
        config: { 'shop-api': { image: { tag: version } } },
        manifest: manifestFor(image(version)),
        updated: new Date(start + i * 86_400_000).toISOString(),
      })),
      CHART,
    );
    for (const rel of records) sim.apply(helmReleaseSecret(rel) as unknown as KubeObject);

    const liveImage = image(o.history[o.history.length - 1]);
    sim.apply(deployment({ name: o.deployment, namespace: o.namespace, replicas, labels: { 'app.kubernetes.io/name': o.deployment }, containers: [{ name: o.deployment, image: liveImage }] }));
    await sim.waitFor('deployment', o.deployment, rolloutComplete, { namespace: o.namespace, timeoutMs: 10_000 });

    const releases = (): HelmRelease[] =>
      sim
        .list('secrets', { namespace: o.namespace, labelSelector: `owner=helm,name=${o.release}` })
        .map((s) => releaseFromSecret(s as { data?: Record<string, string> }))
        .sort((a, b) => a.version - b.version);

    /** Writes a new revision the way Helm's storage does: the previous deployed one becomes superseded. */
    const recordRevision = (base: HelmRelease, manifest: string, config: Record<string, unknown>, appVersion: string, description: string): HelmRelease => {
      const all = releases();
      const now = new Date().toISOString();
      for (const rel of all.filter((r) => r.info.status === 'deployed')) {
        sim.apply(helmReleaseSecret({ ...rel, info: { ...rel.info, status: 'superseded' } }) as unknown as KubeObject);
      }
      const next: HelmRelease = {
        ...base,
        version: (all.at(-1)?.version ?? 0) + 1,
        info: { ...base.info, last_deployed: now, status: 'deployed', description },
        chart: { ...base.chart, metadata: { ...base.chart.metadata, appVersion } },
        config,
        manifest,
      };
      sim.apply(helmReleaseSecret(next) as unknown as KubeObject);
      return next;
    };

    const applyManifest = (manifest: string) => sim.setImage('deployment', o.deployment, imageOf(manifest), { namespace: o.namespace });

    const onRollback = async (call: RollbackCall): Promise<ProgramResult> => {
      const all = releases();
      if (call.release !== o.release || call.namespace !== o.namespace) return { code: 1, stdout: '', stderr: `Error: release: not found\n` };
      const target = all.find((r) => r.version === call.revision);
      if (!target) return { code: 1, stdout: '', stderr: `Error: release has no ${call.revision} version\n` };
      recordRevision(target, target.manifest, target.config, target.chart.metadata.appVersion ?? '', `Rollback to ${target.version}`);
      applyManifest(target.manifest);
      if (call.flags.wait !== undefined && call.flags.wait !== 'false') {
        await sim.waitFor('deployment', o.deployment, rolloutComplete, { namespace: o.namespace, timeoutMs: 30_000 });
      }
      return { code: 0, stdout: 'Rollback was a success! Happy Helming!\n', stderr: '' };
    };
    const standIn = await startHelmStandIn(3, onRollback);
    cleanups.push(() => standIn.close());

    return {
      kubeconfigBase64: Buffer.from(sim.kubeconfig()).toString('base64'),
      helm: standIn.helm,
      async deploymentImage() {
        const d = sim.get('deployment', o.deployment, o.namespace);
        return (d?.spec.template.spec.containers[0].image as string) ?? '';
      },
      async upgrade(version) {
        const current = releases().at(-1)!;
        const manifest = manifestFor(image(version));
        const rel = recordRevision(current, manifest, { 'shop-api': { image: { tag: version } } }, version, 'Upgrade complete');
        applyManifest(manifest);
        const stdout = [
          // Not the real binary: an upgrade needs Kubernetes' apply semantics, which the simulator does not have.
          `(demo) helm upgrade played on the simulated cluster: release Secret for revision ${rel.version} written, Deployment image set to ${image(version)}`,
          `Release "${o.release}" has been upgraded. Happy Helming!`,
          `NAME: ${o.release}`,
          `LAST DEPLOYED: ${new Date(rel.info.last_deployed).toUTCString()}`,
          `NAMESPACE: ${o.namespace}`,
          'STATUS: deployed',
          `REVISION: ${rel.version}`,
          '',
        ].join('\n');
        return { exitCode: 0, stdout, outputs: { revision: String(rel.version) }, summary: '' };
      },
      async state() {
        const d = sim.get('deployment', o.deployment, o.namespace)!;
        return {
          deployment: {
            name: o.deployment,
            image: d.spec.template.spec.containers[0].image as string,
            replicas: d.spec.replicas as number,
            readyReplicas: (d.status?.readyReplicas as number) ?? 0,
            generation: d.metadata.generation ?? 0,
          },
          helmHistory: releases().map((r) => ({ revision: r.version, status: r.info.status, description: r.info.description, image: imageOf(r.manifest) })),
        };
      },
      helmInvocations: () => standIn.invocations(),
      async close() {
        for (const c of cleanups.reverse()) await c();
      },
    };
  } catch (err) {
    for (const c of cleanups.reverse()) await c();
    throw err;
  }
}
