import {
  decodeKubeconfigContent,
  loadKubeConnection,
  KubeconfigError,
  mergeKubeconfigs,
  parseKubeconfig,
} from '../src/kubeconfig';

const CA_PEM = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n';
const KEY_PEM = '-----BEGIN PRIVATE KEY-----\nMIIEkeydata\n-----END PRIVATE KEY-----\n';
const b64 = (s: string) => Buffer.from(s).toString('base64');

const KUBECONFIG = `apiVersion: v1
kind: Config
current-context: prod
clusters:
- name: prod-cluster
  cluster:
    server: https://k8s.example.test:6443
    certificate-authority-data: ${b64(CA_PEM)}
- name: dev-cluster
  cluster:
    server: https://dev.example.test
    insecure-skip-tls-verify: true
users:
- name: deployer
  user:
    token: tok-0123456789abcdef
- name: cert-user
  user:
    client-certificate-data: ${b64('CERT')}
    client-key-data: ${b64(KEY_PEM)}
contexts:
- name: prod
  context: { cluster: prod-cluster, user: deployer, namespace: shop }
- name: dev
  context: { cluster: dev-cluster, user: cert-user }
`;

function files(map: Record<string, string>) {
  return (file: string) => {
    if (file in map) return map[file];
    throw Object.assign(new Error(`ENOENT ${file}`), { code: 'ENOENT' });
  };
}

describe('decodeKubeconfigContent', () => {
  test.each([
    { name: 'raw YAML', input: KUBECONFIG },
    { name: 'base64', input: b64(KUBECONFIG) },
    { name: 'base64 wrapped at 76 columns', input: b64(KUBECONFIG).replace(/(.{76})/g, '$1\n') },
    { name: 'JSON', input: JSON.stringify({ apiVersion: 'v1', clusters: [] }) },
  ])('accepts $name', ({ input }) => {
    expect(decodeKubeconfigContent(input)).toMatch(/clusters/);
  });

  test.each([
    { name: 'random text', input: 'hello world, not a config' },
    { name: 'base64 of something else', input: b64('just some bytes that are not yaml') },
    { name: 'binary base64', input: Buffer.from([0xff, 0xfe, 0x00, 0x80]).toString('base64') },
  ])('rejects $name without echoing it', ({ input }) => {
    expect(() => decodeKubeconfigContent(input)).toThrow(KubeconfigError);
    try {
      decodeKubeconfigContent(input);
    } catch (err) {
      expect((err as Error).message).not.toContain(input);
    }
  });
});

describe('loadKubeConnection', () => {
  const none = files({});

  test('input content: current-context, CA data, bearer token; every secret reported before use', async () => {
    const secrets: string[] = [];
    const conn = await loadKubeConnection({
      content: b64(KUBECONFIG),
      env: {},
      readFile: none,
      onSecret: (s) => secrets.push(s),
    });
    expect(conn).toMatchObject({
      source: "input 'kubeconfig'",
      context: 'prod',
      namespace: 'shop',
      server: 'https://k8s.example.test:6443',
      token: 'tok-0123456789abcdef',
      insecureSkipTlsVerify: false,
    });
    expect(conn.ca?.toString()).toBe(CA_PEM);
    expect(secrets).toEqual(
      expect.arrayContaining([b64(KUBECONFIG), 'tok-0123456789abcdef', b64(KEY_PEM), KEY_PEM]),
    );
    // Not the decoded text: masking its lines would blank `cluster:` and the like everywhere.
    expect(secrets).not.toContain(KUBECONFIG);
  });

  test('a named context with a client certificate and insecure-skip-tls-verify', async () => {
    const conn = await loadKubeConnection({
      content: KUBECONFIG,
      context: 'dev',
      env: {},
      readFile: none,
    });
    expect(conn).toMatchObject({
      context: 'dev',
      server: 'https://dev.example.test',
      insecureSkipTlsVerify: true,
    });
    expect(conn.clientCert?.toString()).toBe('CERT');
    expect(conn.clientKey?.toString()).toBe(KEY_PEM);
    expect(conn.token).toBeUndefined();
  });

  test('a context that is not in the kubeconfig is an error about the context input, listing the ones there are', async () => {
    const err = await loadKubeConnection({
      content: KUBECONFIG,
      context: 'staging',
      env: {},
      readFile: none,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(KubeconfigError);
    expect(err.about).toBe('context');
    expect(err.message).toBe("context 'staging' is not in input 'kubeconfig' (it has: prod, dev)");
  });

  test('invalid YAML is reported by line, never by content', async () => {
    const bad = 'apiVersion: v1\nclusters:\n  - name: x\n   bad: [secret-token-value\n';
    const err = await loadKubeConnection({ content: bad, env: {}, readFile: none }).catch((e) => e);
    expect(err).toBeInstanceOf(KubeconfigError);
    expect(err.message).toMatch(/^is not valid YAML/);
    expect(err.message).not.toContain('secret-token-value');
  });

  test('$KUBECONFIG files are merged (first definition wins) and relative paths resolved against each file', async () => {
    const a =
      'apiVersion: v1\ncurrent-context: a\ncontexts:\n- name: a\n  context: {cluster: c, user: u}\nclusters:\n- name: c\n  cluster: {server: "https://a.test", certificate-authority: certs/ca.pem}\n';
    const b =
      'apiVersion: v1\ncurrent-context: b\nusers:\n- name: u\n  user: {tokenFile: token}\nclusters:\n- name: c\n  cluster: {server: "https://b.test"}\n';
    const conn = await loadKubeConnection({
      env: { KUBECONFIG: '/cfg/a.yaml:/missing.yaml:/other/b.yaml' },
      readFile: files({ '/cfg/a.yaml': a, '/other/b.yaml': b, '/cfg/certs/ca.pem': CA_PEM }),
    });
    expect(conn).toMatchObject({
      source: '$KUBECONFIG',
      context: 'a',
      server: 'https://a.test',
      tokenFile: '/other/token',
    });
    expect(conn.ca?.toString()).toBe(CA_PEM);
  });

  test('~/.kube/config is used when KUBECONFIG is unset', async () => {
    const conn = await loadKubeConnection({
      env: { HOME: '/home/runner' },
      readFile: files({ '/home/runner/.kube/config': KUBECONFIG }),
    });
    expect(conn).toMatchObject({ source: '~/.kube/config', context: 'prod' });
  });

  test('the in-cluster service account is the last resort', async () => {
    const secrets: string[] = [];
    const conn = await loadKubeConnection({
      env: {
        HOME: '/home/runner',
        KUBERNETES_SERVICE_HOST: 'fd00::1',
        KUBERNETES_SERVICE_PORT: '443',
      },
      serviceAccountDir: '/sa',
      readFile: files({
        '/sa/token': 'sa-token-value\n',
        '/sa/ca.crt': CA_PEM,
        '/sa/namespace': 'runners',
      }),
      onSecret: (s) => secrets.push(s),
    });
    expect(conn).toMatchObject({
      source: 'in-cluster service account',
      server: 'https://[fd00::1]:443',
      tokenFile: '/sa/token',
      namespace: 'runners',
    });
    expect(secrets).toContain('sa-token-value');
  });

  test('nothing configured is a clear error, not a silent localhost:8080', async () => {
    const err = await loadKubeConnection({ env: { HOME: '/home/runner' }, readFile: none }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(KubeconfigError);
    expect(err.message).toMatch(
      /^no cluster configured: the 'kubeconfig' input is empty, KUBECONFIG is not set/,
    );
  });

  test('KUBECONFIG naming only missing files is an error', async () => {
    await expect(
      loadKubeConnection({ env: { KUBECONFIG: '/nope' }, readFile: none }),
    ).rejects.toThrow('KUBECONFIG is set but none of its files exists (/nope)');
  });

  test.each([
    {
      name: 'no current-context',
      yaml: 'clusters: []\ncontexts: []\n',
      message: "input 'kubeconfig' has no current-context; set the 'context' input (it has: none)",
    },
    {
      name: 'context names an undefined cluster',
      yaml: 'current-context: x\ncontexts:\n- name: x\n  context: {cluster: gone}\n',
      message: "context 'x' in input 'kubeconfig' refers to cluster 'gone', which is not defined",
    },
    {
      name: 'server is not a URL',
      yaml: 'current-context: x\ncontexts:\n- name: x\n  context: {cluster: c}\nclusters:\n- name: c\n  cluster: {server: "not a url"}\n',
      message: "cluster 'c' in input 'kubeconfig' has a server that is not an http(s) URL",
    },
  ])('$name', async ({ yaml, message }) => {
    await expect(
      loadKubeConnection({ content: `apiVersion: v1\n${yaml}`, env: {}, readFile: none }),
    ).rejects.toThrow(message);
  });

  test('an exec user is handed to the credential plugin as a one-context kubeconfig', async () => {
    const yaml =
      'apiVersion: v1\ncurrent-context: eks\ncontexts:\n- name: eks\n  context: {cluster: c, user: aws}\nclusters:\n- name: c\n  cluster: {server: "https://eks.test"}\nusers:\n- name: aws\n  user:\n    exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: aws, args: [eks, get-token]}\n';
    const conn = await loadKubeConnection({ content: yaml, env: {}, readFile: none });
    expect(conn.plugin?.type).toBe('exec');
    const inner = JSON.parse(conn.plugin!.kubeconfig);
    expect(inner['current-context']).toBe('eks');
    expect(inner.users[0].user.exec.command).toBe('aws');
    expect(conn.exec).toMatchObject({ command: 'aws', args: ['eks', 'get-token'] });
  });

  test('an exec command with a relative path is relative to the kubeconfig file, a bare name stays for PATH', async () => {
    const yaml = (command: string) =>
      `apiVersion: v1\ncurrent-context: c\ncontexts:\n- name: c\n  context: {cluster: c, user: u}\nclusters:\n- name: c\n  cluster: {server: "https://x.test"}\nusers:\n- name: u\n  user:\n    exec: {command: ${command}}\n`;
    const relative = await loadKubeConnection({
      env: { KUBECONFIG: '/etc/kube/config' },
      readFile: files({ '/etc/kube/config': yaml('./bin/get-token') }),
    });
    expect(relative.exec?.command).toBe('/etc/kube/bin/get-token');
    const bare = await loadKubeConnection({
      env: { KUBECONFIG: '/etc/kube/config' },
      readFile: files({ '/etc/kube/config': yaml('kubelogin') }),
    });
    expect(bare.exec?.command).toBe('kubelogin');
  });
});

test('mergeKubeconfigs keeps the first current-context', async () => {
  const a = await parseKubeconfig('contexts:\n- name: one\n  context: {}\n');
  const b = await parseKubeconfig(
    'current-context: two\ncontexts:\n- name: one\n  context: {cluster: other}\n- name: two\n  context: {}\n',
  );
  const merged = mergeKubeconfigs([a, b]);
  expect(merged.currentContext).toBe('two');
  expect(merged.contexts.map((c) => [c.name, c.context.cluster])).toEqual([
    ['one', undefined],
    ['two', undefined],
  ]);
});
