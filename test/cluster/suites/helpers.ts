// Shared by the cluster suites: run a bundled action against the test cluster, and read its
// results the way a workflow would.
import { type ActionRun, cleanupRun, runBundle } from '../../harness/run-action';
import { kubeconfig } from '../env';

const runs: ActionRun[] = [];

/** Runs dist/<action>/index.js with the admin kubeconfig unless `inputs.kubeconfig` is given. */
export async function runAction(
  action: string,
  inputs: Record<string, string>,
  opts: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<ActionRun> {
  const r = await runBundle(action, {
    inputs: { kubeconfig: kubeconfig(), ...inputs },
    env: opts.env,
    timeoutMs: opts.timeoutMs ?? 120_000,
  });
  runs.push(r);
  return r;
}

/** Removes the temp dirs of every run so far (call from afterAll). */
export function cleanupRuns(): void {
  for (const r of runs.splice(0)) cleanupRun(r);
}

export interface RolloutResult {
  kind: string;
  name: string;
  namespace: string;
  done: boolean;
  outcome: 'ready' | 'failed' | 'timed-out';
  message: string;
  reason?: string;
  replicas?: Record<string, number>;
  revision?: string;
}

export const rolloutResults = (r: ActionRun): RolloutResult[] =>
  JSON.parse(r.outputs.resources ?? '[]') as RolloutResult[];

/** The last non-empty line kubectl printed on stdout (its final status message). */
export const lastLine = (text: string): string =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .at(-1) ?? '';
