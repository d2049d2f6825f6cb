// The cluster side of the demo: the simulated API server (test/k8s-sim) and the helm stand-in
// (test/helm), which logs every helm command line and hands it to the real Helm 3 binary. Real
// Helm writes the simulator's release Secrets and creates/patches the Deployments: the release's
// earlier revisions (helm upgrade --install of each past version), the workflow's own helm
// calls and the `helm rollback` inside helm-rollback are all the real thing.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  startCluster,
  rolloutComplete,
  type Faults,
  type KubeObject,
  type PodOutcome,
  type SimCluster,
} from '../../test/k8s-sim/index';
import { releaseFromSecret, type HelmRelease } from '../../test/k8s-sim/helm-releases';
import { startHelmStandIn } from '../../test/helm/helm-standin';

export interface ImageBehaviour {
  /** The full image reference, e.g. ghcr.io/acme/shop-api:1.5.1 (the examples' IMAGE). */
  image: string;
  pods?: PodOutcome;
  /** Time between two controller steps (a slow rollout). */
  stepMs?: number;
}

export interface DemoClusterOptions {
  release: string;
  namespace: string;
  /** The release's Deployments (the chart's workloads). */
  deployments: string[];
  /** Versions released before the job, oldest first; the last one is live. */
  history: string[];
  /** How pods of particular images behave (crash loops, slow rollouts). */
  behaviours: ImageBehaviour[];
  /** The release's chart: file path (relative to the chart) → content. */
  chart: Record<string, string>;
  /** The values file each earlier version was deployed with. */
  valuesFor(version: string): string;
}

export interface WorkloadState {
  name: string;
  image: string;
  replicas: number;
  readyReplicas: number;
}

export interface ClusterState {
  deployments: WorkloadState[];
  helmHistory: { revision: number; status: string; description: string; images: string[] }[];
}

export interface HelmRun {
  code: number;
  output: string;
}

export interface DemoCluster {
  kubeconfig: string;
  kubeconfigBase64: string;
  /** The directory that holds the helm stand-in (what setup-helm puts on PATH here). */
  helmBinDir: string;
  faults: Faults;
  /** The simulated API server itself (for the Argo CD stand-in's Application). */
  sim: SimCluster;
  image(deployment: string): string;
  /** helm (the stand-in, i.e. the real Helm 3) with a private HOME and the cluster's kubeconfig. */
  runHelm(args: string[], cwd: string): Promise<HelmRun>;
  state(): ClusterState;
  /** Every helm command line the stand-in ran since the job started. */
  helmInvocations(): string[][];
  close(): Promise<void>;
}

function imagesOf(manifest: string): string[] {
  return parseAllDocuments(manifest)
    .map((doc) => doc.toJS() as KubeObject | null)
    .filter((o): o is KubeObject => o?.kind === 'Deployment')
    .map((o) => `${o.metadata.name}=${o.spec.template.spec.containers[0].image}`);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function startDemoCluster(o: DemoClusterOptions): Promise<DemoCluster> {
  const sim: SimCluster = await startCluster({
    // argocd: where the GitOps example's Argo CD (a stand-in) keeps its Application.
    namespaces: [o.namespace, 'argocd'],
    behaviour: { stepMs: 40 },
  });
  const cleanups: (() => Promise<void> | void)[] = [() => sim.close()];
  try {
    for (const b of o.behaviours)
      sim.controller?.behave({
        image: new RegExp(`${escapeRegExp(b.image)}$`),
        behaviour: {
          ...(b.pods ? { pods: b.pods } : {}),
          ...(b.stepMs ? { stepMs: b.stepMs } : {}),
        },
      });

    const standIn = await startHelmStandIn(3);
    cleanups.push(() => standIn.close());
    const helmHome = mkdtempSync(path.join(tmpdir(), 'demo-helm-home-'));
    cleanups.push(() => rmSync(helmHome, { recursive: true, force: true }));
    const kubeconfigFile = path.join(helmHome, 'kubeconfig');
    writeFileSync(kubeconfigFile, sim.kubeconfig(), { mode: 0o600 });
    const helmEnv = {
      PATH: process.env.PATH ?? '',
      HOME: helmHome,
      KUBECONFIG: kubeconfigFile,
      HELM_CACHE_HOME: path.join(helmHome, 'cache'),
      HELM_CONFIG_HOME: path.join(helmHome, 'config'),
      HELM_DATA_HOME: path.join(helmHome, 'data'),
    };
    const runHelm = (args: string[], cwd: string): Promise<HelmRun> =>
      new Promise((resolve) => {
        execFile(
          standIn.helm,
          args,
          { cwd, env: helmEnv, timeout: 60_000, maxBuffer: 4 << 20 },
          (err, stdout, stderr) =>
            resolve({
              code: err ? (typeof err.code === 'number' ? err.code : 1) : 0,
              output: `${stdout}${stderr}`,
            }),
        );
      });

    // The release's past, made the way it was made: helm upgrade --install of each earlier
    // version, each rollout played to the end by the controller.
    const chartDir = path.join(helmHome, 'chart');
    for (const [file, text] of Object.entries(o.chart)) {
      mkdirSync(path.dirname(path.join(chartDir, file)), { recursive: true });
      writeFileSync(path.join(chartDir, file), text);
    }
    for (const version of o.history) {
      const valuesFile = path.join(helmHome, `values-${version}.yaml`);
      writeFileSync(valuesFile, o.valuesFor(version));
      const args = ['upgrade', '--install', o.release, chartDir, '-n', o.namespace];
      const run = await runHelm([...args, '--values', valuesFile], helmHome);
      if (run.code !== 0)
        throw new Error(`demo set-up: helm upgrade --install of ${version} failed:\n${run.output}`);
      for (const name of o.deployments)
        await sim.waitFor('deployment', name, (d) => rolloutComplete(d), {
          namespace: o.namespace,
          timeoutMs: 15_000,
        });
    }
    standIn.reset();

    const releases = (): HelmRelease[] =>
      sim
        .list('secrets', { namespace: o.namespace, labelSelector: `owner=helm,name=${o.release}` })
        .map((s) => releaseFromSecret(s as { data?: Record<string, string> }))
        .sort((a, b) => a.version - b.version);
    const image = (name: string) =>
      (sim.get('deployment', name, o.namespace)?.spec.template.spec.containers[0]
        .image as string) ?? '';

    return {
      kubeconfig: sim.kubeconfig(),
      kubeconfigBase64: Buffer.from(sim.kubeconfig()).toString('base64'),
      helmBinDir: standIn.binDir,
      faults: sim.faults,
      sim,
      image,
      runHelm,
      state() {
        return {
          deployments: o.deployments.map((name) => {
            const d = sim.get('deployment', name, o.namespace)!;
            return {
              name,
              image: image(name),
              replicas: d.spec.replicas as number,
              readyReplicas: (d.status?.readyReplicas as number) ?? 0,
            };
          }),
          helmHistory: releases().map((r) => ({
            revision: r.version,
            status: r.info.status,
            description: r.info.description,
            images: imagesOf(r.manifest),
          })),
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
