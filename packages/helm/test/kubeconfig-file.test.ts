import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Runner } from '@cicd-actions/core/runner';
import { decodeKubeconfigInput, helmEnvironment } from '../src/kubeconfig-file';

function memoryRunner() {
  let stdout = '';
  const runner = new Runner({
    env: {},
    write: (t) => void (stdout += t),
    appendFile: () => undefined,
  });
  return { runner, stdout: () => stdout };
}

const kubeconfig = (user: Record<string, string>) =>
  [
    'apiVersion: v1',
    'kind: Config',
    'clusters: [{ name: c, cluster: { server: "https://127.0.0.1:6443" } }]',
    `users: [{ name: u, user: ${JSON.stringify(user)} }]`,
    'contexts: [{ name: c, context: { cluster: c, user: u } }]',
    'current-context: c',
  ].join('\n');

describe('decodeKubeconfigInput', () => {
  test("a user's tokenFile token is masked, since helm reads it and may quote it in an error", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'token-file-'));
    const file = path.join(dir, 'token');
    writeFileSync(file, 'file-token-0123456789abcdef\n');
    const { runner, stdout } = memoryRunner();
    await decodeKubeconfigInput(runner, kubeconfig({ tokenFile: file }), undefined);
    expect(stdout().split('\n')).toContain('::add-mask::file-token-0123456789abcdef');
    expect(runner.redact('Status: file-token-0123456789abcdef')).not.toContain('file-token');
  });

  test('an unreadable tokenFile is left for helm to report, not an input error', async () => {
    const { runner, stdout } = memoryRunner();
    const text = await decodeKubeconfigInput(
      runner,
      kubeconfig({ tokenFile: '/nonexistent/token' }),
      undefined,
    );
    expect(text).toContain('/nonexistent/token');
    expect(stdout()).not.toContain('/nonexistent/token');
  });
});

describe('helmEnvironment', () => {
  test("helm gets the job's environment without INPUT_*, and KUBECONFIG naming a private copy", () => {
    const temp = mkdtempSync(path.join(tmpdir(), 'runner-temp-'));
    const runner = new Runner({
      env: { RUNNER_TEMP: temp, PATH: '/usr/bin', INPUT_KUBECONFIG: 'secret', KUBECONFIG: '/job' },
      write: () => undefined,
      appendFile: () => undefined,
    });
    const cleanups: (() => void)[] = [];
    const { env, remove } = helmEnvironment(runner, 'kind: Config\n', 'helm-test', (fn) =>
      cleanups.push(fn),
    );
    expect(env.PATH).toBe('/usr/bin');
    expect(env.INPUT_KUBECONFIG).toBeUndefined();
    expect(env.KUBECONFIG!.startsWith(temp)).toBe(true);
    expect(readFileSync(env.KUBECONFIG!, 'utf8')).toBe('kind: Config\n');
    expect(statSync(env.KUBECONFIG!).mode & 0o777).toBe(0o600);
    expect(cleanups).toHaveLength(1); // so a cancelled job removes it too
    remove();
    expect(existsSync(env.KUBECONFIG!)).toBe(false);
  });

  test("without a kubeconfig input, the job's KUBECONFIG stays and nothing is written", () => {
    const runner = new Runner({
      env: { KUBECONFIG: '/job/config', INPUT_RELEASE: 'web' },
      write: () => undefined,
      appendFile: () => undefined,
    });
    const { env } = helmEnvironment(runner, undefined, 'helm-test');
    expect(env).toEqual({ KUBECONFIG: '/job/config' });
  });
});
