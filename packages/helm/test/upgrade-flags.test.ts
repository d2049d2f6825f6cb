import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { upgradeArgs, type UpgradeOptions } from '../src/upgrade-flags';
import { HELM_MAJORS, helmBinary, type HelmMajor } from '../../../test/helm/binaries';

const base: UpgradeOptions = {
  release: 'web',
  namespace: 'prod',
  chart: { kind: 'path', path: '/work/charts/web' },
  createNamespace: false,
  valuesFiles: [],
  set: [],
  setString: [],
  timeoutMs: 300_000,
  dryRun: false,
};

describe('upgradeArgs', () => {
  test.each([
    {
      name: 'a chart in the workspace, nothing else',
      major: 3,
      options: {},
      expected: [
        'upgrade',
        '--install',
        'web',
        '/work/charts/web',
        '--namespace',
        'prod',
        '--timeout',
        '300s',
      ],
    },
    {
      name: 'a chart by name with --repo, a version and create-namespace',
      major: 4,
      options: {
        chart: { kind: 'repo', repo: 'https://charts.example', name: 'nginx' },
        chartVersion: '^1.4',
        createNamespace: true,
      },
      expected: [
        'upgrade',
        '--install',
        'web',
        'nginx',
        '--repo',
        'https://charts.example',
        '--namespace',
        'prod',
        '--create-namespace',
        '--version',
        '^1.4',
        '--timeout',
        '300s',
      ],
    },
    {
      name: 'values files in order, then --set, then --set-string',
      major: 3,
      options: {
        valuesFiles: ['/w/a.yaml', '/w/b.yaml'],
        set: ['replicas=2'],
        setString: ['image.tag=1e3'],
      },
      expected: [
        'upgrade',
        '--install',
        'web',
        '/work/charts/web',
        '--namespace',
        'prod',
        '--values',
        '/w/a.yaml',
        '--values',
        '/w/b.yaml',
        '--set',
        'replicas=2',
        '--set-string',
        'image.tag=1e3',
        '--timeout',
        '300s',
      ],
    },
    { name: 'Helm 3 dry run is a switch', major: 3, options: { dryRun: true }, last: '--dry-run' },
    {
      name: 'Helm 4 dry run takes the client mode',
      major: 4,
      options: { dryRun: true },
      last: '--dry-run=client',
    },
  ] as Array<{
    name: string;
    major: number;
    options: Partial<UpgradeOptions>;
    expected?: string[];
    last?: string;
  }>)('$name', ({ major, options, expected, last }) => {
    const args = upgradeArgs(major, { ...base, ...options });
    if (expected) expect(args).toEqual(expected);
    if (last) expect(args[args.length - 1]).toBe(last);
    // Never Helm's own waiting or rollback: the action does both.
    expect(args.join(' ')).not.toMatch(/--wait|--atomic|--rollback-on-failure/);
  });
});

// Every flag the action can pass, run through the real binary of each major against a kubeconfig
// whose server is a closed port: Helm contacts the cluster only after it accepted every flag.
describe('the real binaries accept every upgrade flag the action passes', () => {
  let dir: string;
  let kubeconfig: string;
  let chart: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'helm-upgrade-flags-'));
    kubeconfig = path.join(dir, 'kubeconfig');
    writeFileSync(
      kubeconfig,
      'apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "https://127.0.0.1:1", insecure-skip-tls-verify: true}}]\nusers: [{name: u, user: {token: t}}]\ncontexts: [{name: prod-eu, context: {cluster: c, user: u}}]\ncurrent-context: prod-eu\n',
      { mode: 0o600 },
    );
    chart = path.join(dir, 'chart');
    mkdirSync(path.join(chart, 'templates'), { recursive: true });
    writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: web\nversion: 1.0.0\n');
    writeFileSync(path.join(dir, 'values.yaml'), 'a: 1\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const everything = (): Partial<UpgradeOptions> => ({
    chart: { kind: 'path', path: chart },
    createNamespace: true,
    valuesFiles: [path.join(dir, 'values.yaml')],
    set: ['replicas=2'],
    setString: ['image.tag=1e3'],
    kubeContext: 'prod-eu',
  });
  const cases: Array<{ major: HelmMajor; name: string; dryRun: boolean }> = HELM_MAJORS.flatMap(
    (major) => [
      { major, name: 'every flag', dryRun: false },
      { major, name: 'every flag and the dry run', dryRun: true },
    ],
  );

  test.each(cases)('Helm $major: $name', ({ major, dryRun }) => {
    const args = upgradeArgs(major, { ...base, ...everything(), dryRun });
    const run = spawnSync(helmBinary(major).path, args, {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: dir, KUBECONFIG: kubeconfig },
      timeout: 20_000,
    });
    expect(run.stderr).not.toMatch(
      /unknown flag|invalid argument|flag needs an argument|invalid dry-run|unknown shorthand/i,
    );
    // Even a dry run of upgrade --install asks the cluster whether the release exists.
    expect(run.stderr).toMatch(/kubernetes cluster unreachable.*127\.0\.0\.1:1/i);
    expect(run.status).toBe(1);
  });
});
