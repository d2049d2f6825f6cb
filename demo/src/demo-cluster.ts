// The cluster side of the demo: the simulated API server (test/k8s-sim) and the helm stand-in
// (test/helm), which logs every helm command line and hands it to the real Helm 3 binary. Real
// Helm writes the simulator's release Secrets and creates/patches the Deployment: the release's
// earlier revisions (helm upgrade --install of each past version), the deploy step's
// `helm upgrade` and the `helm rollback` inside helm-rollback are all the real thing.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  startCluster,
  rolloutComplete,
  type KubeObject,
  type SimCluster,
} from '../../test/k8s-sim/index';
import { releaseFromSecret, type HelmRelease } from '../../test/k8s-sim/helm-releases';
import { startHelmStandIn } from '../../test/helm/helm-standin';
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
  /** The release's chart: file path (relative to the chart) → content. */
  chart: Record<string, string>;
  /** The values file each earlier version was deployed with. */
  valuesFor(version: string): string;
}

export interface ClusterState {
  deployment: {
    name: string;
    image: string;
    replicas: number;
    readyReplicas: number;
    generation: number;
  };
  helmHistory: { revision: number; status: string; description: string; image: string }[];
}

export interface DemoCluster {
  kubeconfigBase64: string;
  /** helm binary for helm-rollback's `helm` input (the stand-in). */
  helm: string;
  deploymentImage(): Promise<string>;
  /** Runs helm (the stand-in, i.e. the real Helm 3) in `cwd` against the simulated cluster, as a `run:` step would. */
  runHelm(args: string[], cwd: string): Promise<StepRun>;
  state(): Promise<ClusterState>;
  /** Every helm command line the stand-in ran. */
  helmInvocations(): string[][];
  close(): Promise<void>;
}

function imageOf(manifest: string): string {
  for (const doc of parseAllDocuments(manifest)) {
    const obj = doc.toJS() as KubeObject | null;
    if (obj?.kind === 'Deployment') return obj.spec.template.spec.containers[0].image as string;
  }
  return '';
}

export async function startDemoCluster(o: DemoClusterOptions): Promise<DemoCluster> {
  const sim: SimCluster = await startCluster({
    namespaces: [o.namespace],
    behaviour: { stepMs: 40 },
  });
  const cleanups: (() => Promise<void> | void)[] = [() => sim.close()];
  try {
    for (const image of o.brokenImages)
      sim.controller?.behave({
        image: new RegExp(`${image.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
        behaviour: { pods: 'crash-loop' },
      });

    const standIn = await startHelmStandIn(3);
    cleanups.push(() => standIn.close());
    // helm's own files (kubeconfig, cache, config) live in a private directory, as on a runner.
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
    const runHelm = (args: string[], cwd: string): Promise<StepRun> =>
      new Promise((resolve) => {
        execFile(
          standIn.helm,
          args,
          { cwd, env: helmEnv, timeout: 60_000, maxBuffer: 4 << 20 },
          (err, stdout, stderr) => {
            const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
            const errorLine =
              code === 0
                ? ''
                : `::error::helm ${args[0]} failed: ${(stderr.trim().split('\n').at(-1) ?? '').trim()}\n`;
            resolve({
              exitCode: code,
              stdout: `${stdout}${stderr}${errorLine}`,
              outputs: {},
              summary: '',
            });
          },
        );
      });

    // The release's past, made the way it was made: helm upgrade --install of each earlier version,
    // each rollout played to the end by the controller.
    const chartDir = path.join(helmHome, 'chart');
    for (const [file, text] of Object.entries(o.chart)) {
      mkdirSync(path.dirname(path.join(chartDir, file)), { recursive: true });
      writeFileSync(path.join(chartDir, file), text);
    }
    for (const version of o.history) {
      const valuesFile = path.join(helmHome, `values-${version}.yaml`);
      writeFileSync(valuesFile, o.valuesFor(version));
      const run = await runHelm(
        [
          'upgrade',
          '--install',
          o.release,
          chartDir,
          '--namespace',
          o.namespace,
          '--values',
          valuesFile,
        ],
        helmHome,
      );
      if (run.exitCode !== 0)
        throw new Error(`demo set-up: helm upgrade --install of ${version} failed:\n${run.stdout}`);
      await sim.waitFor(
        'deployment',
        o.deployment,
        (d) =>
          rolloutComplete(d) &&
          d.spec.template.spec.containers[0].image === `${o.imageRepository}:${version}`,
        { namespace: o.namespace, timeoutMs: 15_000 },
      );
    }
    standIn.reset();

    const releases = (): HelmRelease[] =>
      sim
        .list('secrets', { namespace: o.namespace, labelSelector: `owner=helm,name=${o.release}` })
        .map((s) => releaseFromSecret(s as { data?: Record<string, string> }))
        .sort((a, b) => a.version - b.version);

    return {
      kubeconfigBase64: Buffer.from(sim.kubeconfig()).toString('base64'),
      helm: standIn.helm,
      async deploymentImage() {
        const d = sim.get('deployment', o.deployment, o.namespace);
        return (d?.spec.template.spec.containers[0].image as string) ?? '';
      },
      runHelm,
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
          helmHistory: releases().map((r) => ({
            revision: r.version,
            status: r.info.status,
            description: r.info.description,
            image: imageOf(r.manifest),
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
