import {
  parseWorkloadRef,
  parseWorkloadKind,
  isDns1123Label,
  workloadCollectionPath,
} from '../src/workload-ref';

describe('parseWorkloadKind', () => {
  test.each([
    { input: 'deployment', expected: 'Deployment' },
    { input: 'deployments', expected: 'Deployment' },
    { input: 'deploy', expected: 'Deployment' },
    { input: 'Deployment', expected: 'Deployment' },
    { input: 'deployments.apps', expected: 'Deployment' },
    { input: 'deployment.v1.apps', expected: 'Deployment' },
    { input: 'statefulset', expected: 'StatefulSet' },
    { input: 'sts', expected: 'StatefulSet' },
    { input: 'statefulsets.apps', expected: 'StatefulSet' },
    { input: 'daemonset', expected: 'DaemonSet' },
    { input: 'ds', expected: 'DaemonSet' },
    { input: 'daemonsets', expected: 'DaemonSet' },
    { input: 'foo', expected: undefined },
    { input: 'pod', expected: undefined },
    { input: 'deployments.extensions', expected: undefined },
    { input: 'deployments.v2.apps', expected: undefined },
    { input: 'constructor', expected: undefined },
  ])('$input → $expected', ({ input, expected }) =>
    expect(parseWorkloadKind(input)).toBe(expected),
  );
});

describe('parseWorkloadRef', () => {
  test.each([
    {
      input: 'deployment/api',
      expected: { ok: true, ref: { kind: 'Deployment', name: 'api', namespace: 'prod' } },
    },
    {
      input: ' deploy/api ',
      expected: { ok: true, ref: { kind: 'Deployment', name: 'api', namespace: 'prod' } },
    },
    {
      input: 'sts/db',
      expected: { ok: true, ref: { kind: 'StatefulSet', name: 'db', namespace: 'prod' } },
    },
    {
      input: 'ds/node.agent',
      expected: { ok: true, ref: { kind: 'DaemonSet', name: 'node.agent', namespace: 'prod' } },
    },
    {
      input: 'deployments.apps/web',
      expected: { ok: true, ref: { kind: 'Deployment', name: 'web', namespace: 'prod' } },
    },
  ])('$input is accepted', ({ input, expected }) =>
    expect(parseWorkloadRef(input, 'prod')).toEqual(expected),
  );

  test.each([
    { input: 'foo/bar', reason: /unknown kind 'foo'/ },
    { input: 'api', reason: /is not kind\/name/ },
    { input: 'deployment/', reason: /is not kind\/name/ },
    { input: '/api', reason: /is not kind\/name/ },
    { input: 'deployment/a/b', reason: /is not kind\/name/ },
    { input: 'deployment/API', reason: /'API' is not a valid object name/ },
    { input: 'deployment/-api', reason: /is not a valid object name/ },
  ])('$input is rejected', ({ input, reason }) => {
    const result = parseWorkloadRef(input, 'default');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('isDns1123Label', () => {
  test.each([
    { input: 'default', expected: true },
    { input: 'team-a-prod', expected: true },
    { input: '0ns', expected: true },
    { input: 'a'.repeat(63), expected: true },
    { input: 'a'.repeat(64), expected: false },
    { input: 'Prod', expected: false },
    { input: 'my_ns', expected: false },
    { input: 'ns.sub', expected: false },
    { input: '-ns', expected: false },
    { input: 'ns-', expected: false },
    { input: '', expected: false },
  ])('$input → $expected', ({ input, expected }) => expect(isDns1123Label(input)).toBe(expected));
});

test('collection paths are the apps/v1 plural', () => {
  expect(workloadCollectionPath('StatefulSet', 'db')).toBe(
    '/apis/apps/v1/namespaces/db/statefulsets',
  );
});
