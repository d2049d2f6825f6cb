// A stand-in for Argo CD's auto-sync, for the GitOps example: it watches the GitOps remote's main
// branch and, for each new commit, applies the chart with its values file at that commit
// (helm upgrade --install, as an Argo CD Application of a Helm chart renders and applies it).
// It keeps the Application object's status as Argo CD's controller writes it — sync status and
// revision, the sync operation, health from the Deployments, the images — so that a workflow
// can wait on `application/<name>` at the commit it pushed.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gitEnv } from './gitops-repo';
import type { HelmRun } from './demo-cluster';
import { RESOURCE_TYPES, rolloutComplete, type SimCluster } from '../../test/k8s-sim/index';

/** Where Argo CD keeps its Applications (and where `argocd app wait` and wait-rollout look). */
export const ARGOCD_NAMESPACE = 'argocd';

/** Argo CD's Application kind, served by the simulator for as long as the stand-in runs. */
const APPLICATION = {
  group: 'argoproj.io',
  version: 'v1alpha1',
  kind: 'Application',
  plural: 'applications',
  singular: 'application',
  namespaced: true,
  shortNames: ['app', 'apps'],
  tracksGeneration: true,
  subresources: ['status'],
};

const exec = promisify(execFile);

export interface SyncRecord {
  commit: string;
  ok: boolean;
  output: string;
}

export interface ArgoCdStandIn {
  syncs: SyncRecord[];
  close(): Promise<void>;
}

export interface ArgoCdOptions {
  sim: SimCluster;
  /** The Application's name (in Argo CD's namespace, argocd) and the Deployments it owns. */
  application: string;
  deployments: string[];
  remote: string;
  chartDir: string;
  valuesFile: string;
  release: string;
  namespace: string;
  runHelm(args: string[], cwd: string): Promise<HelmRun>;
  pollMs?: number;
}

export async function startArgoCdStandIn(o: ArgoCdOptions): Promise<ArgoCdStandIn> {
  const git = async (args: string[], cwd = o.remote) =>
    (await exec('git', args, { cwd, env: gitEnv() })).stdout.trim();
  const syncs: SyncRecord[] = [];
  let synced = await git(['rev-parse', 'main']);
  let busy: Promise<void> | undefined;
  let closed = false;
  if (!RESOURCE_TYPES.includes(APPLICATION)) RESOURCE_TYPES.push(APPLICATION);
  const app = applicationWriter(o, synced);

  const sync = async (commit: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'argo-cd-standin-'));
    app.started(commit);
    try {
      const archive = path.join(dir, 'chart.tar');
      await git(['archive', '--output', archive, commit, o.chartDir]);
      await exec('tar', ['-xf', archive, '-C', dir]);
      const chart = path.join(dir, o.chartDir);
      const args = ['upgrade', '--install', o.release, chart, '-n', o.namespace];
      const run = await o.runHelm([...args, '--values', path.join(dir, o.valuesFile)], dir);
      syncs.push({ commit, ok: run.code === 0, output: run.output });
      app.finished(commit, run.code === 0, run.output);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const timer = setInterval(() => {
    if (busy || closed) return;
    busy = (async () => {
      app.reconcile();
      const head = await git(['rev-parse', 'main']);
      if (head !== synced) {
        synced = head;
        await sync(head);
      }
    })()
      .catch((err) => {
        syncs.push({ commit: synced, ok: false, output: String(err) });
      })
      .finally(() => (busy = undefined));
  }, o.pollMs ?? 200);
  return {
    syncs,
    async close() {
      closed = true;
      clearInterval(timer);
      await busy;
      const at = RESOURCE_TYPES.indexOf(APPLICATION);
      if (at >= 0) RESOURCE_TYPES.splice(at, 1);
    },
  };
}

/** Writes the Application and its status the way Argo CD's application controller does. */
function applicationWriter(o: ArgoCdOptions, initial: string) {
  const now = () => new Date().toISOString();
  let sync = { status: 'Synced', revision: initial };
  let operationState: Record<string, unknown> = {
    operation: { sync: { revision: initial } },
    phase: 'Succeeded',
    message: 'successfully synced (all tasks run)',
    startedAt: now(),
    finishedAt: now(),
    syncResult: { revision: initial, resources: [] },
  };
  o.sim.apply({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: o.application, namespace: ARGOCD_NAMESPACE },
    spec: {
      project: 'default',
      source: {
        repoURL: 'https://github.com/acme/infra',
        path: o.chartDir,
        targetRevision: 'main',
      },
      destination: { server: 'https://kubernetes.default.svc', namespace: o.namespace },
      syncPolicy: { automated: { prune: true, selfHeal: true } },
    },
  });
  const health = () => {
    const resources = o.deployments.map((name) => {
      const d = o.sim.get('deployment', name, o.namespace);
      const progressing = (d?.status?.conditions ?? []).find(
        (c: { type?: string }) => c.type === 'Progressing',
      ) as { status?: string; message?: string } | undefined;
      const status = !d
        ? 'Missing'
        : progressing?.status === 'False'
          ? 'Degraded'
          : rolloutComplete(d)
            ? 'Healthy'
            : 'Progressing';
      return {
        group: 'apps',
        version: 'v1',
        kind: 'Deployment',
        namespace: o.namespace,
        name,
        status: 'Synced',
        health: { status, ...(status === 'Degraded' ? { message: progressing?.message } : {}) },
        image: d?.spec.template.spec.containers[0].image as string | undefined,
      };
    });
    const order = ['Missing', 'Degraded', 'Progressing', 'Healthy'];
    const worst = order.find((h) => resources.some((r) => r.health.status === h)) ?? 'Healthy';
    return { resources, worst };
  };
  const write = () => {
    const { resources, worst } = health();
    o.sim.setStatus(
      'application',
      o.application,
      {
        sync,
        health: { status: worst },
        operationState,
        reconciledAt: now(),
        resources: resources.map(({ image: _image, ...r }) => r),
        summary: { images: [...new Set(resources.map((r) => r.image).filter(Boolean))] },
      },
      ARGOCD_NAMESPACE,
    );
  };
  write();
  return {
    started(commit: string) {
      sync = { status: 'OutOfSync', revision: commit };
      operationState = {
        operation: { sync: { revision: commit } },
        phase: 'Running',
        message: 'one or more tasks are running',
        startedAt: now(),
      };
      write();
    },
    finished(commit: string, ok: boolean, output: string) {
      if (ok) sync = { status: 'Synced', revision: commit };
      operationState = {
        ...operationState,
        phase: ok ? 'Succeeded' : 'Failed',
        message: ok ? 'successfully synced (all tasks run)' : output.trim().split('\n').at(-1),
        finishedAt: now(),
        syncResult: { revision: commit, resources: [] },
      };
      write();
    },
    reconcile: write,
  };
}
