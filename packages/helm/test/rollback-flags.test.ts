import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '@cicd-actions/core';
import { goDuration, rollbackArgs, type RollbackOptions } from '../src/rollback-flags';
import { HELM_MAJORS, helmBinary, type HelmMajor } from '../../../test/helm/binaries';

const base: RollbackOptions = {
  release: 'web',
  namespace: 'prod',
  revision: 3,
  wait: false,
  waitForJobs: false,
  timeoutMs: 300_000,
  cleanupOnFail: false,
  dryRun: false,
  force: false,
  recreatePods: false,
  noHooks: false,
};
const head = ['rollback', 'web', '3', '--namespace', 'prod'];

describe('rollbackArgs', () => {
  test.each([
    { name: 'Helm 3 minimal', major: 3, options: {}, expected: [...head, '--timeout', '300s'] },
    { name: 'Helm 4 minimal', major: 4, options: {}, expected: [...head, '--timeout', '300s'] },
    {
      name: 'Helm 3 wait is a switch',
      major: 3,
      options: { wait: 'watcher' },
      expected: [...head, '--wait', '--timeout', '300s'],
    },
    {
      name: 'Helm 4 wait takes the strategy',
      major: 4,
      options: { wait: 'watcher' },
      expected: [...head, '--wait=watcher', '--timeout', '300s'],
    },
    {
      name: 'Helm 4 legacy wait strategy',
      major: 4,
      options: { wait: 'legacy' },
      expected: [...head, '--wait=legacy', '--timeout', '300s'],
    },
    {
      name: 'Helm 3 hookOnly means no --wait',
      major: 3,
      options: { wait: 'hookOnly' },
      expected: [...head, '--timeout', '300s'],
    },
    {
      name: 'Helm 3 dry run is a switch',
      major: 3,
      options: { dryRun: true },
      expected: [...head, '--timeout', '300s', '--dry-run'],
    },
    {
      name: 'Helm 4 dry run takes the client mode',
      major: 4,
      options: { dryRun: true },
      expected: [...head, '--timeout', '300s', '--dry-run=client'],
    },
    {
      name: 'Helm 3 force',
      major: 3,
      options: { force: true },
      expected: [...head, '--timeout', '300s', '--force'],
    },
    {
      name: 'Helm 4 force is --force-replace',
      major: 4,
      options: { force: true },
      expected: [...head, '--timeout', '300s', '--force-replace'],
    },
    {
      name: 'Helm 3 recreate-pods',
      major: 3,
      options: { recreatePods: true },
      expected: [...head, '--timeout', '300s', '--recreate-pods'],
    },
    {
      name: 'Helm 3 everything',
      major: 3,
      options: {
        wait: 'watcher',
        waitForJobs: true,
        cleanupOnFail: true,
        noHooks: true,
        kubeContext: 'prod-eu',
        timeoutMs: 90_500,
      },
      expected: [
        ...head,
        '--kube-context',
        'prod-eu',
        '--wait',
        '--wait-for-jobs',
        '--timeout',
        '91s',
        '--cleanup-on-fail',
        '--no-hooks',
      ],
    },
    {
      name: 'Helm 4 everything',
      major: 4,
      options: {
        wait: 'watcher',
        waitForJobs: true,
        cleanupOnFail: true,
        noHooks: true,
        force: true,
        dryRun: true,
        kubeContext: 'prod-eu',
      },
      expected: [
        ...head,
        '--kube-context',
        'prod-eu',
        '--wait=watcher',
        '--wait-for-jobs',
        '--timeout',
        '300s',
        '--cleanup-on-fail',
        '--no-hooks',
        '--force-replace',
        '--dry-run=client',
      ],
    },
  ] as Array<{
    name: string;
    major: number;
    options: Partial<RollbackOptions>;
    expected: string[];
  }>)('$name', ({ major, options, expected }) => {
    expect(rollbackArgs(major, { ...base, ...options })).toEqual(expected);
  });

  test('Helm 4 refuses recreate-pods with an input error, since the flag is gone', () => {
    expect(() => rollbackArgs(4, { ...base, recreatePods: true })).toThrow(InputError);
    expect(() => rollbackArgs(4, { ...base, recreatePods: true })).toThrow(/recreate-pods.*Helm 4/);
  });

  test.each([0, -1, 1.5, NaN])('never passes revision %p (0 is Helm\'s "previous")', (revision) => {
    expect(() => rollbackArgs(3, { ...base, revision })).toThrow(/explicit revision/);
  });

  test.each([
    { ms: 300_000, expected: '300s' },
    { ms: 1_500, expected: '2s' },
    { ms: 0, expected: '1s' },
  ])('goDuration($ms) = $expected', ({ ms, expected }) => expect(goDuration(ms)).toBe(expected));
});

// Every flag combination the action can produce, run through the real binary of each major. The
// kubeconfig points at a closed port, so Helm gets as far as contacting the cluster only when it
// accepted every flag and value; a rejected flag fails earlier with its own message.
describe('the real binaries accept every flag the action passes', () => {
  let dir: string;
  let kubeconfig: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'helm-flags-'));
    kubeconfig = path.join(dir, 'kubeconfig');
    writeFileSync(
      kubeconfig,
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters: [{name: c, cluster: {server: "https://127.0.0.1:1", insecure-skip-tls-verify: true}}]',
        'users: [{name: u, user: {token: t}}]',
        'contexts: [{name: prod-eu, context: {cluster: c, user: u}}]',
        'current-context: prod-eu',
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const everything: Partial<RollbackOptions> = {
    waitForJobs: true,
    cleanupOnFail: true,
    noHooks: true,
    force: true,
    kubeContext: 'prod-eu',
  };
  const cases: Array<{ major: HelmMajor; name: string; options: Partial<RollbackOptions> }> = [];
  for (const major of HELM_MAJORS) {
    cases.push({ major, name: 'no options', options: {} });
    for (const wait of ['watcher', 'legacy', 'hookOnly'] as const)
      cases.push({
        major,
        name: `wait ${wait} and every switch`,
        options: { ...everything, wait },
      });
    cases.push({
      major,
      name: 'dry run and every switch',
      options: { ...everything, wait: 'watcher', dryRun: true },
    });
    if (major === 3) cases.push({ major, name: 'recreate-pods', options: { recreatePods: true } });
  }

  test.each(cases)('Helm $major: $name', ({ major, options }) => {
    const args = rollbackArgs(major, { ...base, ...options });
    const run = spawnSync(helmBinary(major).path, args, {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: dir, KUBECONFIG: kubeconfig },
      timeout: 20_000,
    });
    expect(run.stderr).not.toMatch(
      /unknown flag|invalid argument|flag needs an argument|invalid dry-run|unknown shorthand/i,
    );
    expect(run.stderr).toMatch(/kubernetes cluster unreachable.*127\.0\.0\.1:1/i);
    expect(run.status).toBe(1);
  });

  test.each(HELM_MAJORS.map((major) => ({ major })))(
    'Helm $major: the check would notice a flag it does not know',
    ({ major }) => {
      const args = [
        ...rollbackArgs(major, base),
        major === 3 ? '--force-replace' : '--recreate-pods',
      ];
      const run = spawnSync(helmBinary(major).path, args, {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: dir, KUBECONFIG: kubeconfig },
        timeout: 20_000,
      });
      expect(run.stderr).toMatch(/unknown flag/);
    },
  );
});
