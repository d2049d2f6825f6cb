import {
  applicationStatus,
  fluxStatus,
  jobStatus,
  parseResourceKind,
  revisionMatches,
  rolloutCrStatus,
} from '../src/resource-status';
import { discoverResource } from '../src/watch-resources';
import { FakeKube } from './fake-kube';

const SHA = '9f8e7d6c5b4a39281706f5e4d3c2b1a098f7e6d5';
const OLD = '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d';
const meta = { name: 'x', generation: 1 };

describe('parseResourceKind', () => {
  test.each([
    ['application', 'Application'],
    ['applications.argoproj.io', 'Application'],
    ['applications.v1alpha1.argoproj.io', 'Application'],
    ['rollout', 'Rollout'],
    ['hr', 'HelmRelease'],
    ['kustomizations.kustomize.toolkit.fluxcd.io', 'Kustomization'],
    ['jobs.batch', 'Job'],
    ['applications.apps', undefined],
    ['deployment', undefined],
  ])('%s → %s', (text, kind) => expect(parseResourceKind(text)).toBe(kind));
});

test('revisionMatches: SHA, prefix, Flux forms', () => {
  expect(revisionMatches(SHA, SHA.slice(0, 7))).toBe(true);
  expect(revisionMatches(`main@sha1:${SHA}`, SHA.slice(0, 9))).toBe(true);
  expect(revisionMatches(`main/${SHA}`, SHA)).toBe(true);
  expect(revisionMatches(OLD, SHA.slice(0, 7))).toBe(false);
  expect(revisionMatches(undefined, SHA)).toBe(false);
});

test('revisionMatches: a chart version carrying the commit (Git chart, reconcileStrategy Revision)', () => {
  // source-controller appends the first 12 characters of the commit to the chart version.
  expect(revisionMatches(`1.4.2+${SHA.slice(0, 12)}`, SHA)).toBe(true);
  expect(revisionMatches(`1.4.2+${SHA.slice(0, 12)}`, SHA.slice(0, 7))).toBe(true);
  expect(revisionMatches(`1.4.2+${OLD.slice(0, 12)}`, SHA)).toBe(false);
  // A plain chart version carries no commit: its digits are not a SHA.
  expect(revisionMatches('1.4.2', SHA)).toBe(false);
  expect(revisionMatches(`2.0.${SHA.slice(0, 7)}`, SHA)).toBe(false);
});

describe('Argo CD Application', () => {
  const app = (status: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    metadata: meta,
    status,
    ...extra,
  });
  test('Synced and Healthy at another revision is not done', () => {
    const j = applicationStatus(
      app({ sync: { status: 'Synced', revision: OLD }, health: { status: 'Healthy' } }),
      { revision: SHA },
    );
    expect(j).toMatchObject({
      done: false,
      message: expect.stringMatching(/^Argo CD is at 1a2b3c4, waiting for 9f8e7d6/),
    });
  });
  test('multi-source: each source’s SHA shortened in the message, the revisions kept whole', () => {
    const j = applicationStatus(
      app({
        sync: { status: 'Synced', revisions: ['0.14.2', OLD] },
        health: { status: 'Healthy' },
      }),
      { revision: SHA },
    );
    expect(j).toMatchObject({
      done: false,
      message: expect.stringMatching(/^Argo CD is at 0\.14\.2, 1a2b3c4, waiting for 9f8e7d6 /),
      revision: `0.14.2, ${OLD}`,
    });
  });
  test('an operation still requested (top-level operation) is not done', () => {
    const j = applicationStatus(
      app(
        { sync: { status: 'Synced', revision: SHA }, health: { status: 'Healthy' } },
        { operation: { sync: {} } },
      ),
      { revision: SHA },
    );
    expect(j.done).toBe(false);
  });
  test('a failed operation for an older revision does not fail this wait', () => {
    const j = applicationStatus(
      app({
        sync: { status: 'OutOfSync', revision: OLD },
        health: { status: 'Healthy' },
        operationState: { phase: 'Failed', syncResult: { revision: OLD }, message: 'old failure' },
      }),
      { revision: SHA },
    );
    expect(j.failed).toBeUndefined();
  });
  test('Error phase of our operation fails with SyncError', () => {
    const j = applicationStatus(
      app({
        sync: { status: 'OutOfSync', revision: OLD },
        operationState: {
          phase: 'Error',
          operation: { sync: { revision: SHA } },
          message: 'rpc error',
        },
      }),
      { revision: SHA },
    );
    expect(j).toMatchObject({ failed: true, reason: 'SyncError' });
  });
});

describe('Argo Rollouts Rollout', () => {
  test('an unobserved generation waits; Healthy observed is done; Degraded fails', () => {
    expect(
      rolloutCrStatus({
        metadata: { ...meta, generation: 2 },
        status: { observedGeneration: '1', phase: 'Healthy' },
      }).done,
    ).toBe(false);
    expect(
      rolloutCrStatus({ metadata: meta, status: { observedGeneration: '1', phase: 'Healthy' } })
        .done,
    ).toBe(true);
    expect(
      rolloutCrStatus({
        metadata: meta,
        status: { observedGeneration: '1', phase: 'Degraded', message: 'ProgressDeadlineExceeded' },
      }),
    ).toMatchObject({ failed: true, reason: 'Degraded' });
  });
  test('a pause that is not a canary step is never accepted', () => {
    const paused = {
      metadata: meta,
      status: {
        observedGeneration: '1',
        phase: 'Paused',
        pauseConditions: [{ reason: 'BlueGreenPause' }],
      },
    };
    expect(rolloutCrStatus(paused, { acceptPaused: true }).done).toBe(false);
  });
});

describe('Flux', () => {
  test('Ready=True at an older applied revision waits for ours', () => {
    const j = fluxStatus(
      'Kustomization',
      {
        metadata: meta,
        status: {
          observedGeneration: 1,
          lastAppliedRevision: `main@sha1:${OLD}`,
          conditions: [{ type: 'Ready', status: 'True' }],
        },
      },
      { revision: SHA },
    );
    expect(j).toMatchObject({
      done: false,
      message: expect.stringContaining('waiting for 9f8e7d6'),
    });
  });
  test('Stalled=True at our attempted revision fails', () => {
    const j = fluxStatus(
      'HelmRelease',
      {
        metadata: meta,
        status: {
          observedGeneration: 1,
          lastAttemptedRevision: SHA,
          conditions: [
            { type: 'Ready', status: 'False', reason: 'UpgradeFailed' },
            {
              type: 'Stalled',
              status: 'True',
              reason: 'RetriesExceeded',
              message: 'Failed to upgrade after 3 attempts',
            },
          ],
        },
      },
      { revision: SHA },
    );
    expect(j).toMatchObject({ failed: true, reason: 'RetriesExceeded' });
  });
  test('a v2 HelmRelease (no lastAppliedRevision): the deployed release in status.history is the applied one', () => {
    const release = (history: Array<Record<string, unknown>>) =>
      fluxStatus(
        'HelmRelease',
        {
          metadata: meta,
          status: {
            observedGeneration: 1,
            lastAttemptedRevision: `1.4.2+${SHA.slice(0, 12)}`,
            history,
            conditions: [{ type: 'Ready', status: 'True', reason: 'UpgradeSucceeded' }],
          },
        },
        { revision: SHA },
      );
    expect(
      release([
        { chartVersion: `1.4.2+${SHA.slice(0, 12)}`, status: 'deployed', version: 3 },
        { chartVersion: `1.4.1+${OLD.slice(0, 12)}`, status: 'superseded', version: 2 },
      ]),
    ).toMatchObject({ done: true, revision: `1.4.2+${SHA.slice(0, 12)}` });
    // The newest snapshot failed: what runs is the older deployed one, not at our revision.
    expect(
      release([
        { chartVersion: `1.4.2+${SHA.slice(0, 12)}`, status: 'failed', version: 3 },
        { chartVersion: `1.4.1+${OLD.slice(0, 12)}`, status: 'deployed', version: 2 },
      ]),
    ).toMatchObject({ done: false, revision: `1.4.1+${OLD.slice(0, 12)}` });
  });
  test('Ready=False Progressing is not terminal', () => {
    const j = fluxStatus('HelmRelease', {
      metadata: meta,
      status: {
        observedGeneration: 1,
        conditions: [{ type: 'Ready', status: 'False', reason: 'Progressing' }],
      },
    });
    expect(j.failed).toBeUndefined();
  });
});

test('Job: Complete is done, Failed fails with its reason', () => {
  expect(
    jobStatus({
      metadata: meta,
      status: { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] },
    }).done,
  ).toBe(true);
  expect(
    jobStatus({
      metadata: meta,
      status: { conditions: [{ type: 'Failed', status: 'True', reason: 'DeadlineExceeded' }] },
    }),
  ).toMatchObject({ failed: true, reason: 'DeadlineExceeded' });
});

test('discovery: a group the server does not serve names the product to install', async () => {
  const kube = new FakeKube();
  await expect(discoverResource(kube, 'Application')).rejects.toMatchObject({
    reason: 'NotServed',
    message:
      'the server does not serve applications.argoproj.io (API group argoproj.io not found): is Argo CD installed?',
  });
});
