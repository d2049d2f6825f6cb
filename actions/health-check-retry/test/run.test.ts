import {
  ActionError,
  InputError,
  Runner,
  type HttpRequest,
  type HttpResponse,
} from '@cicd-actions/core';
import { parseFileCommands } from '../../../test/harness/run-action';
import { readInputs } from '../src/inputs';
import { report } from '../src/report';
import { run, type HealthCheckDeps } from '../src/run';
import { CA_PEM } from './loopback-server';
import { FakeClock } from '../../../test/harness/fake-clock';

function memoryRunner(inputs: Record<string, string>) {
  const env: Record<string, string> = { GITHUB_OUTPUT: 'out', GITHUB_STEP_SUMMARY: 'sum' };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const files: Record<string, string> = {};
  let stdout = '';
  const runner = new Runner({
    env,
    write: (t) => void (stdout += t),
    appendFile: (p, t) => void (files[p] = (files[p] ?? '') + t),
  });
  return {
    runner,
    stdout: () => stdout,
    outputs: () => parseFileCommands(files.out ?? ''),
    summary: () => files.sum ?? '',
  };
}

/** Answers by host: a status per host, recorded with the clock time. */
function fakeDeps(clock: FakeClock, statusByHost: Record<string, number>) {
  const requests: Array<{ req: HttpRequest; at: number }> = [];
  let rootsLoaded = 0;
  const deps: Omit<HealthCheckDeps, 'log' | 'warn'> = {
    clock,
    random: () => 0.5,
    request: async (req: HttpRequest): Promise<HttpResponse> => {
      // No time passes in a request: the URLs share the clock, so latencies would mix.
      requests.push({ req, at: clock.now() });
      const status = statusByHost[new URL(String(req.url)).host] ?? 500;
      return {
        status,
        statusText: '',
        headers: {},
        body: Buffer.alloc(0),
        truncated: false,
        url: String(req.url),
        redirects: 0,
        timeMs: 0,
      };
    },
    rootCertificates: async () => {
      rootsLoaded++;
      return ['ROOT-A', 'ROOT-B'];
    },
  };
  return { deps, requests, rootsLoaded: () => rootsLoaded };
}

/** What index.ts wires: inputs → run → report, here with fake I/O. */
async function main(runner: Runner, deps: Omit<HealthCheckDeps, 'log' | 'warn'>): Promise<void> {
  const startedAt = deps.clock.now();
  const cfg = readInputs(runner);
  const outcome = await run(
    cfg,
    {
      ...deps,
      log: (line) => runner.info(runner.redact(line)),
      warn: (line) => runner.warning(runner.redact(line)),
    },
    startedAt,
  );
  report(runner, cfg, outcome);
}

describe('main', () => {
  test('two URLs, one unhealthy: outputs and summary are written, then the step fails', async () => {
    const clock = new FakeClock();
    const { runner, stdout, outputs, summary } = memoryRunner({
      url: 'https://up.test/h\nhttps://down.test/h',
      'max-attempts': '3',
      'retry-delay': '1s',
      jitter: 'false',
    });
    const { deps, requests } = fakeDeps(clock, { 'up.test': 200, 'down.test': 503 });
    await expect(main(runner, deps)).rejects.toThrow(
      new ActionError(
        '1 of 2 URLs not healthy: https://down.test/h: all 3 attempts failed; last: status 503, expected 200-399',
      ),
    );
    expect(requests.map((r) => new URL(String(r.req.url)).host)).toEqual([
      'up.test',
      'down.test',
      'down.test',
      'down.test',
    ]);
    expect(outputs()).toMatchObject({
      healthy: 'false',
      attempts: '4',
      status: '503',
      'elapsed-ms': '3000',
    });
    expect(JSON.parse(outputs().results)).toEqual([
      {
        url: 'https://up.test/h',
        healthy: true,
        attempts: 1,
        status: 200,
        error: null,
        latencies: [0],
      },
      {
        url: 'https://down.test/h',
        healthy: false,
        attempts: 3,
        status: 503,
        error: 'status 503, expected 200-399',
        latencies: [0, 0, 0],
      },
    ]);
    expect(summary()).toContain('### ❌ Health check failed in 3.0s');
    expect(stdout()).toContain('[https://down.test/h] attempt 2/3 failed (503); next in 2.0s,');
    expect(stdout()).toContain(
      '::group::❌ https://down.test/h: not healthy: all 3 attempts failed\n#1 at +0ms: 503 in 0ms, status 503, expected 200-399\n',
    );
  });

  test('initial-delay waits first and reports progress on a long wait', async () => {
    const clock = new FakeClock();
    const { runner, stdout, outputs } = memoryRunner({
      url: 'https://up.test/h',
      'initial-delay': '65s',
      timeout: '5m',
    });
    const { deps, requests } = fakeDeps(clock, { 'up.test': 200 });
    const start = clock.now();
    await main(runner, deps);
    expect(requests[0].at - start).toBe(65_000);
    expect(stdout()).toContain(
      'Waiting 1m5s (initial-delay) before the first attempt, 5m0s left\n',
    );
    expect(stdout()).toContain('still waiting: first attempt in 35.0s, 4m30s left\n');
    expect(stdout()).toContain('still waiting: first attempt in 5.0s, 4m0s left\n');
    expect(outputs()).toMatchObject({ healthy: 'true', attempts: '1', status: '200' });
  });

  test.each<{ name: string; inputs: Record<string, string>; loads: number; ca: unknown }>([
    { name: 'no ca-cert: the public roots are left alone', inputs: {}, loads: 0, ca: undefined },
    {
      name: 'ca-cert is added to the public roots',
      inputs: { 'ca-cert': CA_PEM },
      loads: 1,
      ca: expect.stringMatching(/^ROOT-A\nROOT-B\n-----BEGIN CERTIFICATE-----/),
    },
  ])('$name', async ({ inputs, loads, ca }) => {
    const clock = new FakeClock();
    const { runner } = memoryRunner({ url: 'https://up.test/h', ...inputs });
    const { deps, requests, rootsLoaded } = fakeDeps(clock, { 'up.test': 200 });
    await main(runner, deps);
    expect(rootsLoaded()).toBe(loads);
    expect(requests[0].req.ca).toEqual(ca);
  });

  test('bad input: nothing requested, nothing written', async () => {
    const clock = new FakeClock();
    const { runner, outputs, summary } = memoryRunner({
      url: 'https://up.test/h',
      'expected-status': '600',
    });
    const { deps, requests } = fakeDeps(clock, {});
    await expect(main(runner, deps)).rejects.toBeInstanceOf(InputError);
    expect(requests).toEqual([]);
    expect(outputs()).toEqual({});
    expect(summary()).toBe('');
  });
});
