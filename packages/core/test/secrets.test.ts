import { Runner } from '../src/runner';
import { isSecretName, maskUrl, redactThenCut } from '../src/secrets';

describe('isSecretName', () => {
  test.each([
    ['GITHUB_TOKEN', true],
    ['AWS_SECRET_ACCESS_KEY', true],
    ['AWS_SESSION_TOKEN', true],
    ['AWS_ACCESS_KEY_ID', true],
    ['DB_PASSWORD', true],
    ['x-api-key', true],
    ['x-functions-key', true],
    ['Ocp-Apim-Subscription-Key', true],
    ['AZURE_CLIENT_SECRET', true],
    ['GOOGLE_APPLICATION_CREDENTIALS', true],
    ['private_key', true],
    ['authorization', true],
    ['Proxy-Authorization', true],
    ['AUTH', true],
    ['AWS_PROFILE', false],
    ['AWS_REGION', false],
    ['AWS_DEFAULT_REGION', false],
    ['GIT_AUTHOR_NAME', false],
    ['KUBECONFIG', false],
    ['CLUSTER_NAME', false],
    ['HOME', false],
    ['keyboard', false],
  ])('%s → %s', (name, expected) => expect(isSecretName(name)).toBe(expected));
});

describe('redactThenCut', () => {
  const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789ABCD';
  const redact = (t: string) => t.split(token).join('***');

  test('a secret that straddles the cut is redacted, not half shown', () => {
    const body = `${'x'.repeat(180)}${token} more`;
    const out = redactThenCut(body, redact, 200);
    expect(out).not.toContain(token.slice(0, 10));
    expect(out).toBe(`${'x'.repeat(180)}*** more`);
  });

  test('a long text is cut with an ellipsis after redaction', () => {
    expect(redactThenCut(`${token}${'y'.repeat(300)}`, redact, 10)).toBe('***yyyyyyy…');
  });
});

describe('maskUrl', () => {
  function masksOf(url: string): string[] {
    let stdout = '';
    const runner = new Runner({
      env: {},
      write: (t) => void (stdout += t),
      appendFile: () => undefined,
    });
    maskUrl(runner, url);
    return stdout
      .split('\n')
      .filter((l) => l.startsWith('::add-mask::'))
      .map((l) => l.slice('::add-mask::'.length));
  }

  test('user:password@ masks the password and the pair, never the user name alone', () => {
    const masks = masksOf('https://user:s3cr3t-pass@hooks.example.com/services/T0/B0/xyz');
    expect(masks).toContain('s3cr3t-pass');
    expect(masks).toContain('user:s3cr3t-pass');
    expect(masks).not.toContain('user');
  });

  test('a user name with no password is the credential itself (a token as user name)', () => {
    expect(masksOf('https://ghp_tokenvalue123@example.com/x')).toContain('ghp_tokenvalue123');
  });
});
