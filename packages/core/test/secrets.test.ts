import { Runner } from '../src/runner';
import { isSecretName, maskUrl, redactThenCut, scrubCredentials } from '../src/secrets';

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

describe('scrubCredentials: credentials recognisable by shape, registered or not', () => {
  test('Bearer and Basic values in headers, JSON and prose are blanked', () => {
    expect(scrubCredentials('authorization: Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln')).toBe(
      'authorization: Bearer ***',
    );
    expect(scrubCredentials('{"authorization":"Basic ZGVwbG95ZXI6cGFzczEyMw=="}')).toBe(
      '{"authorization":"Basic ***"}',
    );
    expect(scrubCredentials('Proxy-Authorization: basic dXNlcjpwYXNzMTIz')).toBe(
      'Proxy-Authorization: basic ***',
    );
  });

  test('GitHub and Slack token formats are blanked wherever they appear', () => {
    expect(scrubCredentials('push with ghs_16C7e42F292c6912E7710c838347Ae178B4a failed')).toBe(
      'push with *** failed',
    );
    expect(scrubCredentials('token github_pat_11ABCDEFG0123456789_abcdefghijkl')).toBe('token ***');
    expect(scrubCredentials('invalid_auth for xoxb-1234567890-abcdefghij')).toBe(
      'invalid_auth for ***',
    );
  });

  test('prose and short words are left alone', () => {
    const prose =
      'Basic Authentication is off; a Bearer token is required (Bearer realm="k8s"); basic ok';
    expect(scrubCredentials(prose)).toBe(prose);
  });
});

describe('Runner: what it prints is scrubbed of credential shapes', () => {
  test('info, warning and error lines, and redact(), blank an unregistered Bearer token', () => {
    let stdout = '';
    const runner = new Runner({ env: {}, write: (t) => void (stdout += t), appendFile: () => {} });
    const token = 'execPluginIssued0123456789abcdef';
    runner.info(`GET /api: 403 authorization=Bearer ${token}`);
    runner.warning(`retrying: Bearer ${token}`);
    runner.error(`helm: "authorization":"Bearer ${token}"`);
    expect(stdout).not.toContain(token);
    expect(stdout.match(/Bearer \*\*\*/g)).toHaveLength(3);
    expect(runner.redact(`x Bearer ${token}`)).toBe('x Bearer ***');
  });
});
