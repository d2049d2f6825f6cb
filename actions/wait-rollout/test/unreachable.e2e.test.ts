// A wait on a cluster that cannot be reached ends at the timeout and says why: the last
// connection error is in the ::error::, the message output and the summary.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { runBundle, cleanupRun, type ActionRun } from '../../../test/harness/run-action';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const runs: ActionRun[] = [];
afterAll(() => runs.splice(0).forEach(cleanupRun));

const kubeconfig = (server: string) =>
  [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: c',
    '  cluster:',
    `    server: ${server}`,
    'users:',
    '- name: u',
    '  user:',
    '    token: tok-unreachable-0123456789',
    'contexts:',
    '- name: ctx',
    '  context: {cluster: c, user: u}',
    'current-context: ctx',
  ].join('\n');

async function run(server: string, env: Record<string, string> = {}): Promise<ActionRun> {
  const r = await runBundle('wait-rollout', {
    inputs: { resources: 'deployment/api', kubeconfig: b64(kubeconfig(server)), timeout: '5s' },
    env,
    timeoutMs: 30_000,
  });
  runs.push(r);
  return r;
}

test('a closed port: the connection refused is the reason given', async () => {
  // Port 1 on loopback: nothing listens there.
  const r = await run('https://127.0.0.1:1');
  expect(r.code).toBe(1);
  expect(r.errors).toHaveLength(1);
  expect(r.errors[0]).toMatch(/timed out after 5s/);
  expect(r.errors[0]).toMatch(/last error: .*127\.0\.0\.1:1.*(connection refused|ECONNREFUSED)/);
  expect(r.outputs.message).toMatch(
    /last error: .*127\.0\.0\.1:1.*(connection refused|ECONNREFUSED)/,
  );
  expect(r.summary).toMatch(/last error: .*127\.0\.0\.1:1.*(connection refused|ECONNREFUSED)/);
});

test('a proxy that refuses the tunnel: its answer is the reason given', async () => {
  let connects = 0;
  const sockets = new Set<Socket>();
  const proxy = http.createServer((_req, res) => void res.writeHead(502).end());
  proxy.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('error', () => {});
  });
  proxy.on('connect', (_req, socket: Socket) => {
    connects++;
    socket.on('error', () => {});
    socket.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const port = (proxy.address() as AddressInfo).port;
  try {
    const r = await run('https://kube.example.invalid:6443', {
      HTTPS_PROXY: `http://127.0.0.1:${port}`,
      NO_PROXY: '',
    });
    expect(connects).toBeGreaterThan(0);
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/timed out after 5s/);
    expect(r.errors[0]).toMatch(/last error: .*502/);
    expect(r.outputs.message).toMatch(/last error: .*502/);
    expect(r.summary).toMatch(/502/);
  } finally {
    sockets.forEach((s) => s.destroy());
    await new Promise((resolve) => proxy.close(resolve));
  }
});

test('a server URL with user:password@ is shown by its host only, in every place and encoding', async () => {
  const user = 'kubeuser-a7';
  const password = 'pa55-W0rd/x+y';
  const r = await runBundle('wait-rollout', {
    inputs: {
      resources: 'deployment/api',
      kubeconfig: b64(kubeconfig(`https://${user}:${encodeURIComponent(password)}@127.0.0.1:1`)),
      timeout: '2s',
    },
    env: { RUNNER_DEBUG: '1' },
    timeoutMs: 30_000,
  });
  runs.push(r);
  expect(r.code).toBe(1);
  const log = r.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  const everything = [log, r.stderr, r.summary, JSON.stringify(r.outputs)].join('\n');
  expect(everything).toContain('127.0.0.1:1');
  for (const secret of [user, password, `${user}:${password}`]) {
    for (const form of [
      secret,
      encodeURIComponent(secret),
      Buffer.from(secret).toString('base64'),
      JSON.stringify(secret).slice(1, -1),
    ])
      expect(everything).not.toContain(form);
  }
});

test('connected through a server URL with user:password@: the log names the host, never the userinfo', async () => {
  const { startCluster, deployment, rolloutComplete } = await import('../../../test/k8s-sim/index');
  const cluster = await startCluster({ behaviour: { stepMs: 5 } });
  try {
    cluster.apply(deployment({ name: 'api', replicas: 1 }));
    await cluster.waitFor('deployment', 'api', rolloutComplete);
    const user = 'kubeuser-b9';
    const password = 'Pa55w0rd-q7';
    const config = cluster
      .kubeconfig()
      .replace(/server: https:\/\//, `server: https://${user}:${password}@`);
    expect(config).toContain(`${user}:${password}@`);
    const r = await runBundle('wait-rollout', {
      inputs: { resources: 'deployment/api', kubeconfig: b64(config), timeout: '20s' },
      env: { RUNNER_DEBUG: '1' },
      timeoutMs: 30_000,
    });
    runs.push(r);
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    const log = r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    const everything = [log, r.stderr, r.summary, JSON.stringify(r.outputs)].join('\n');
    expect(everything).toMatch(/127\.0\.0\.1:\d+/);
    for (const secret of [user, password, `${user}:${password}`])
      for (const form of [
        secret,
        Buffer.from(secret).toString('base64'),
        encodeURIComponent(secret),
      ])
        expect(everything).not.toContain(form);
  } finally {
    await cluster.close();
  }
});
