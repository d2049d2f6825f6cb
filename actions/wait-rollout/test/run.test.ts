// main() in-process, for what a bundle run cannot reach: the in-cluster service-account path
// (its directory is injected) — still over real HTTPS to the simulated cluster.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Runner } from '@cicd-actions/core';
import {
  startCluster,
  deployment,
  rolloutComplete,
  type SimCluster,
} from '../../../test/k8s-sim/index';
import { main } from '../src/run';
import { parseFileCommands } from '../../../test/harness/run-action';

let cluster: SimCluster;
let dir: string;
beforeEach(async () => {
  cluster = await startCluster({ behaviour: { stepMs: 10 } });
  dir = mkdtempSync(path.join(tmpdir(), 'sa-'));
});
afterEach(async () => {
  await cluster.close();
  rmSync(dir, { recursive: true, force: true });
});

function memoryRunner(env: Record<string, string>) {
  const files: Record<string, string> = {};
  let stdout = '';
  const runner = new Runner({
    env: { GITHUB_OUTPUT: 'out', GITHUB_STEP_SUMMARY: 'sum', ...env },
    write: (t) => void (stdout += t),
    appendFile: (p, t) => void (files[p] = (files[p] ?? '') + t),
  });
  return { runner, outputs: () => parseFileCommands(files.out ?? ''), stdout: () => stdout };
}

test('with no kubeconfig anywhere, the in-cluster service account is used (token masked)', async () => {
  cluster.apply(deployment({ name: 'api', namespace: 'runners' }));
  await cluster.waitFor('deployment', 'api', rolloutComplete, { namespace: 'runners' });
  const sa = cluster.writeServiceAccount(path.join(dir, 'serviceaccount'), {
    namespace: 'runners',
  });
  const env = {
    INPUT_RESOURCES: 'deployment/api',
    INPUT_NAMESPACE: 'runners',
    INPUT_TIMEOUT: '10s',
    HOME: dir,
    ...sa.env,
  };
  const { runner, outputs, stdout } = memoryRunner(env);
  await main(runner, { env, serviceAccountDir: sa.dir });
  expect(outputs().ready).toBe('true');
  expect(stdout()).toContain('(context in-cluster from in-cluster service account)');
  expect(stdout()).toContain(`::add-mask::${cluster.token}`);
});

test('a context asked for while only the service account exists is an input error, before any request', async () => {
  const sa = cluster.writeServiceAccount(path.join(dir, 'serviceaccount'));
  const env = { INPUT_RESOURCES: 'deployment/api', INPUT_CONTEXT: 'prod', HOME: dir, ...sa.env };
  const { runner } = memoryRunner(env);
  await expect(main(runner, { env, serviceAccountDir: sa.dir })).rejects.toThrow(
    "Input 'context': context 'prod' was asked for, but the only credentials found are the in-cluster service account",
  );
  expect(cluster.requests).toEqual([]);
});
