import type { HistoryEntry } from '@cicd-actions/helm/release-history';
import { humanTime } from '@cicd-actions/helm/history-table';
import { historyLines, historyTable, rollbackSummary } from '../src/report';

const entry = (revision: number, status: string, description = ''): HistoryEntry => ({
  revision,
  status,
  chart: `web-0.${revision}.0`,
  app_version: `1.${revision}`,
  updated: `2026-01-0${revision}T10:00:00Z`,
  description,
});
const before = [
  entry(1, 'superseded', 'Install complete'),
  entry(2, 'deployed', 'Upgrade complete'),
  entry(3, 'failed', 'Upgrade "web" failed: a | b'),
];
const after = [
  ...before.slice(0, 1),
  { ...before[1], status: 'superseded' },
  before[2],
  entry(4, 'deployed', 'Rollback to 2'),
];

describe('history tables', () => {
  test('the Markdown table marks revisions and escapes pipes in descriptions', () => {
    expect(historyTable(before, { 3: 'current', 2: 'target' })).toBe(
      [
        '| Revision | Status | Chart | App version | Updated | Description |',
        '| --- | --- | --- | --- | --- | --- |',
        '| 1 | superseded | web-0.1.0 | 1.1 | 2026-01-01 10:00:00 UTC | Install complete |',
        '| 2 ← target | deployed | web-0.2.0 | 1.2 | 2026-01-02 10:00:00 UTC | Upgrade complete |',
        '| 3 ← current | failed | web-0.3.0 | 1.3 | 2026-01-03 10:00:00 UTC | Upgrade "web" failed: a \\| b |',
        '',
      ].join('\n'),
    );
  });

  test('the log lines are aligned in columns', () => {
    expect(historyLines(before.slice(0, 2), { 2: 'target' })).toEqual([
      'REVISION    STATUS      CHART      APP VERSION  UPDATED                  DESCRIPTION',
      '1           superseded  web-0.1.0  1.1          2026-01-01 10:00:00 UTC  Install complete',
      '2 ← target  deployed    web-0.2.0  1.2          2026-01-02 10:00:00 UTC  Upgrade complete',
    ]);
  });

  test('images get a column when known, and a revision a rollback moved away from is marked', () => {
    const rolled = [
      entry(1, 'superseded', 'Install complete'),
      entry(2, 'superseded', 'Upgrade complete'),
      entry(3, 'deployed', 'Rollback to 1'),
    ];
    const lines = historyTable(
      rolled,
      { 3: 'current' },
      { 1: ['reg/web:1'], 2: ['reg/web:2', 'reg/side:1'] },
    );
    expect(lines.split('\n').slice(0, 5)).toEqual([
      '| Revision | Status | Chart | App version | Images | Updated | Description |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      '| 1 | superseded | web-0.1.0 | 1.1 | reg/web:1 | 2026-01-01 10:00:00 UTC | Install complete |',
      '| 2 ← ⛔ rolled back from by 3 | superseded | web-0.2.0 | 1.2 | reg/web:2, reg/side:1 | 2026-01-02 10:00:00 UTC | Upgrade complete |',
      '| 3 ← current | deployed | web-0.3.0 | 1.3 |  | 2026-01-03 10:00:00 UTC | Rollback to 1 |',
    ]);
  });

  test("Helm's nanosecond timestamps are shown to the second, in UTC", () => {
    expect(humanTime('2026-12-02T00:51:21.123456789Z')).toBe('2026-12-02 00:51:21 UTC');
    expect(humanTime('2026-12-02T02:51:21.5+02:00')).toBe('2026-12-02 00:51:21 UTC');
    expect(humanTime('not a time')).toBe('not a time');
    expect(humanTime('')).toBe('');
  });
});

describe('rollbackSummary', () => {
  test.each([
    {
      name: 'verified: both histories, the new revision as a copy of the target, the workloads',
      report: {
        status: 'verified' as const,
        after,
        newRevision: 4,
        workloads: [
          {
            workload: 'Deployment/web',
            namespace: 'prod',
            ready: true,
            replicas: '2/2 ready',
            revision: '5',
            message: 'ready in 3s',
          },
        ],
      },
      contains: [
        '### ✅ Helm rollback of web (namespace prod): verified',
        '#### History before',
        '| 3 ← current | failed |',
        '#### History after',
        '| 4 ← new (copy of 2) | deployed |',
        '| Deployment/web | prod | ✅ yes | 2/2 ready | 5 | ready in 3s |',
      ],
      lacks: ['dry run'],
    },
    {
      name: 'dry run: only the history before, and it says nothing changed',
      report: { status: 'skipped' as const, dryRun: true },
      contains: [
        '### ⏭️ Helm rollback of web (namespace prod): skipped',
        'dry run, nothing was changed',
        '| 2 ← target | deployed |',
      ],
      lacks: ['History after', 'Verified workloads'],
    },
    {
      name: 'no workloads in the manifest',
      report: { status: 'rolled-back' as const, after, newRevision: 4, workloads: [] },
      contains: ['has no Deployments, StatefulSets or DaemonSets to wait for'],
      lacks: ['| Workload |'],
    },
  ])('$name', ({ report, contains, lacks }) => {
    const md = rollbackSummary({
      release: 'web',
      namespace: 'prod',
      helmVersion: 'v4.1.4',
      headline: 'h',
      before,
      from: 3,
      to: 2,
      dryRun: false,
      ...report,
    });
    for (const text of contains) expect(md).toContain(text);
    for (const text of lacks) expect(md).not.toContain(text);
  });
});
