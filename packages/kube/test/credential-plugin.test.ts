// The exec credential plugin protocol, with small node scripts standing in for aws/gcloud/kubelogin.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runExecPlugin, CredentialPluginError } from '../src/credential-plugin';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'exec-plugin-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function plugin(name: string, body: string): string {
  const file = path.join(dir, `${name}.mjs`);
  writeFileSync(file, body);
  return file;
}
const V1 = 'client.authentication.k8s.io/v1';
const credential = (status: object, apiVersion = V1) =>
  `process.stdout.write(JSON.stringify(${JSON.stringify({ apiVersion, kind: 'ExecCredential', status })}));`;
const node = process.execPath;

test('a token is returned as a bearer Authorization and reported as a secret', async () => {
  const secrets: string[] = [];
  const creds = await runExecPlugin(
    {
      apiVersion: V1,
      command: node,
      args: [plugin('token', credential({ token: 'k8s-aws-v1.abc' }))],
    },
    { env: {}, onSecret: (s) => secrets.push(s) },
  );
  expect(creds).toEqual({ authorization: 'Bearer k8s-aws-v1.abc' });
  expect(secrets).toEqual(['k8s-aws-v1.abc']);
});

test('a client certificate and key are returned as PEM buffers; the key is a secret', async () => {
  const secrets: string[] = [];
  const creds = await runExecPlugin(
    {
      apiVersion: V1,
      command: node,
      args: [
        plugin('cert', credential({ clientCertificateData: 'CERT PEM', clientKeyData: 'KEY PEM' })),
      ],
    },
    { env: {}, onSecret: (s) => secrets.push(s) },
  );
  expect(creds.clientCert?.toString()).toBe('CERT PEM');
  expect(creds.clientKey?.toString()).toBe('KEY PEM');
  expect(secrets).toEqual(['KEY PEM']);
});

test("the plugin gets its env entries, the caller's environment and KUBERNETES_EXEC_INFO (with the cluster when asked)", async () => {
  const echo = plugin(
    'echo',
    `const info = JSON.parse(process.env.KUBERNETES_EXEC_INFO); process.stdout.write(JSON.stringify({ apiVersion: info.apiVersion, kind: 'ExecCredential', status: { token: [process.env.AWS_PROFILE, process.env.FROM_CALLER, info.kind, info.spec.interactive, info.spec.cluster.server].join('|') } }));`,
  );
  const creds = await runExecPlugin(
    {
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      command: node,
      args: [echo],
      env: [{ name: 'AWS_PROFILE', value: 'prod' }],
      provideClusterInfo: true,
    },
    {
      env: { FROM_CALLER: 'yes', PATH: process.env.PATH },
      cluster: { server: 'https://eks.example' },
    },
  );
  expect(creds.authorization).toBe('Bearer prod|yes|ExecCredential|false|https://eks.example');
});

test.each([
  {
    name: 'a command that does not exist',
    exec: { command: path.join('/nonexistent', 'aws') },
    message: "the exec credential plugin '/nonexistent/aws' was not found on PATH",
  },
  {
    name: 'a failing plugin: exit code and its last stderr line',
    body: "console.error('warming up'); console.error('error: no SSO session'); process.exit(3);",
    message: /failed \(exit code 3\): error: no SSO session$/,
  },
  {
    name: 'output that is not JSON',
    body: "process.stdout.write('hello');",
    message: /printed something that is not an ExecCredential \(JSON\)$/,
  },
  {
    name: 'an answer in another apiVersion',
    body: credential({ token: 't' }, 'client.authentication.k8s.io/v1beta1'),
    message:
      /answered client.authentication.k8s.io\/v1beta1, but the kubeconfig asked for client.authentication.k8s.io\/v1$/,
  },
  {
    name: 'a status without credentials',
    body: credential({}),
    message: /returned neither a token nor a client certificate and key$/,
  },
])('$name is a one-line CredentialPluginError', async ({ name, exec, body, message }) => {
  const config = exec ?? {
    apiVersion: V1,
    command: node,
    args: [plugin(name.replace(/\W+/g, '-'), body!)],
  };
  const err = await runExecPlugin(config, { env: { PATH: process.env.PATH } }).catch(
    (e: Error) => e,
  );
  expect(err).toBeInstanceOf(CredentialPluginError);
  if (typeof message === 'string') expect((err as Error).message).toBe(message);
  else expect((err as Error).message).toMatch(message);
});

test('a plugin that hangs is stopped at the timeout', async () => {
  const started = Date.now();
  const err = await runExecPlugin(
    { apiVersion: V1, command: node, args: [plugin('hang', 'setTimeout(() => {}, 60000);')] },
    { env: {}, timeoutMs: 300 },
  ).catch((e: Error) => e);
  expect((err as Error).message).toMatch(/did not finish within 300 ms$/);
  expect(Date.now() - started).toBeLessThan(5000);
});

test('cancellation stops a plugin run at once (core runProcess forwards SIGTERM)', async () => {
  const controller = new AbortController();
  const started = Date.now();
  const pending = runExecPlugin(
    { apiVersion: V1, command: node, args: [plugin('slow', 'setTimeout(() => {}, 60000);')] },
    { env: {}, timeoutMs: 30_000, signal: controller.signal },
  ).catch((e: Error) => e);
  setTimeout(() => controller.abort(), 200);
  const err = await pending;
  expect(err).toBeInstanceOf(CredentialPluginError);
  expect((err as Error).message).toMatch(/was cancelled$/);
  expect(Date.now() - started).toBeLessThan(5000);
});

test('an expirationTimestamp is returned as expiresAt', async () => {
  const creds = await runExecPlugin(
    {
      apiVersion: V1,
      command: node,
      args: [
        plugin('expiring', credential({ token: 't', expirationTimestamp: '2030-01-02T03:04:05Z' })),
      ],
    },
    { env: {} },
  );
  expect(creds).toEqual({ authorization: 'Bearer t', expiresAt: Date.UTC(2030, 0, 2, 3, 4, 5) });
});
