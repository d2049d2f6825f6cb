// A stand-in for Argo CD's auto-sync, for the GitOps example: it watches the GitOps remote's main
// branch and, for each new commit, applies the chart with its values file at that commit
// (helm upgrade --install, as an Argo CD Application of a Helm chart renders and applies it).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gitEnv } from './gitops-repo';
import type { HelmRun } from './demo-cluster';

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

  const sync = async (commit: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'argo-cd-standin-'));
    try {
      const archive = path.join(dir, 'chart.tar');
      await git(['archive', '--output', archive, commit, o.chartDir]);
      await exec('tar', ['-xf', archive, '-C', dir]);
      const chart = path.join(dir, o.chartDir);
      const args = ['upgrade', '--install', o.release, chart, '-n', o.namespace];
      const run = await o.runHelm([...args, '--values', path.join(dir, o.valuesFile)], dir);
      syncs.push({ commit, ok: run.code === 0, output: run.output });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const timer = setInterval(() => {
    if (busy || closed) return;
    busy = (async () => {
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
    },
  };
}
