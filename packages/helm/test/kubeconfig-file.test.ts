import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Runner } from '@cicd-actions/core/runner';
import { decodeKubeconfigInput } from '../src/kubeconfig-file';

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
