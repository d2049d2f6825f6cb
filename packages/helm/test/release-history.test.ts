import { ActionError } from '@cicd-actions/core';
import {
  badRevisions,
  parseHistory,
  rollbackNeed,
  selectRollbackTarget,
  type HistoryEntry,
} from '../src/release-history';

/** A history from `revision:status` pairs. */
function history(spec: string): HistoryEntry[] {
  return spec.split(' ').map((pair) => {
    const [rev, status] = pair.split(':');
    return {
      revision: Number(rev),
      updated: '',
      status,
      chart: `web-1.${rev}.0`,
      app_version: `1.${rev}.0`,
      description: '',
    };
  });
}

describe('selectRollbackTarget without an explicit revision', () => {
  test.each([
    {
      name: 'last revision failed: the one before',
      input: '1:superseded 2:deployed 3:failed',
      expected: { current: 3, target: 2 },
    },
    {
      name: 'two failed in a row: skips both',
      input: '1:superseded 2:superseded 3:failed 4:failed',
      expected: { current: 4, target: 2 },
    },
    {
      name: 'current deployed but unhealthy: the previous good one',
      input: '1:superseded 2:superseded 3:deployed',
      expected: { current: 3, target: 2 },
    },
    {
      name: 'stuck pending-upgrade',
      input: '1:superseded 2:deployed 3:pending-upgrade',
      expected: { current: 3, target: 2 },
    },
    {
      name: 'a failed earlier rollback is skipped too',
      input: '1:superseded 2:failed 3:superseded 4:failed 5:failed',
      expected: { current: 5, target: 3 },
    },
    {
      name: 'history pruned by --history-max starts late',
      input: '7:superseded 8:superseded 9:failed',
      expected: { current: 9, target: 8 },
    },
    {
      name: 'unsorted input is sorted first',
      input: '3:failed 1:superseded 2:deployed',
      expected: { current: 3, target: 2 },
    },
  ])('$name', ({ input, expected }) => {
    const plan = selectRollbackTarget(history(input), 'web');
    expect({ current: plan.current.revision, target: plan.target.revision }).toEqual(expected);
  });

  test.each([
    { name: 'only one revision', input: '1:deployed' },
    { name: 'everything before failed', input: '1:failed 2:failed' },
    {
      name: 'only pending and uninstalled before',
      input: '1:uninstalled 2:pending-install 3:failed',
    },
  ])('no earlier good revision: $name', ({ input }) => {
    expect(() => selectRollbackTarget(history(input), 'web')).toThrow(ActionError);
    expect(() => selectRollbackTarget(history(input), 'web')).toThrow(
      /^No earlier good revision of 'web'/,
    );
  });

  test.each([
    { input: '1:pending-install', hint: true },
    { input: '1:failed', hint: true },
    { input: '1:deployed', hint: false },
    { input: '1:failed 2:failed', hint: false },
  ])(
    'a release never installed successfully ($input) gets the uninstall hint: $hint',
    ({ input, hint }) => {
      const message = (() => {
        try {
          selectRollbackTarget(history(input), 'web');
          return '';
        } catch (err) {
          return (err as Error).message;
        }
      })();
      expect(message).toMatch(/^No earlier good revision/);
      expect(
        message.endsWith("it was never installed successfully — 'helm uninstall web' clears it"),
      ).toBe(hint);
    },
  );

  test('an empty history is a release that does not exist', () => {
    expect(() => selectRollbackTarget([], 'web')).toThrow(/Release 'web' not found/);
  });

  test('the reason names the skipped revisions', () => {
    expect(
      selectRollbackTarget(history('1:superseded 2:deployed 3:failed 4:failed'), 'web').reason,
    ).toBe('newest good revision before 4; skipped 3 (failed)');
  });

  test.each(['pending-upgrade', 'pending-install', 'pending-rollback'])(
    'a release stuck in %s gets a note that rollback is the way out',
    (status) => {
      const plan = selectRollbackTarget(history(`1:deployed 2:${status}`), 'web');
      expect(plan.notes.join('\n')).toMatch(
        new RegExp(`stuck in ${status} at revision 2.*rolling back is the standard way out`),
      );
    },
  );

  test('a failed current revision gets no pending note', () => {
    expect(selectRollbackTarget(history('1:deployed 2:failed'), 'web').notes).toEqual([]);
  });
});

describe('selectRollbackTarget with an explicit revision', () => {
  const h = history('1:superseded 2:superseded 3:failed 4:deployed 5:failed');
  test.each([
    { name: 'an older good revision', explicit: 2, target: 2 },
    { name: 'the newest good one', explicit: 4, target: 4 },
  ])('$name', ({ explicit, target }) =>
    expect(selectRollbackTarget(h, 'web', explicit).target.revision).toBe(target),
  );

  test.each([
    {
      name: 'the current revision',
      explicit: 5,
      error: /^Revision 5 is the current revision of 'web'/,
    },
    {
      name: 'a revision newer than the current',
      explicit: 9,
      error: /^Revision 9 is newer than the current revision 5/,
    },
    {
      name: 'a revision that was pruned',
      explicit: 0,
      error: /^Revision 0 of 'web' is not in its history \(kept: 1, 2, 3, 4, 5\)/,
    },
  ])('refuses $name', ({ explicit, error }) =>
    expect(() => selectRollbackTarget(h, 'web', explicit)).toThrow(error),
  );

  test('a failed revision may be chosen explicitly, with a note', () => {
    const plan = selectRollbackTarget(h, 'web', 3);
    expect(plan.target.revision).toBe(3);
    expect(plan.notes).toEqual(['Revision 3 was requested explicitly although it is failed.']);
  });
});

describe('parseHistory', () => {
  test('reads helm history -o json and sorts by revision', () => {
    const json =
      '[{"revision":2,"updated":"2026-01-05T10:02:00Z","status":"failed","chart":"web-1.2.0","app_version":"1.2.0","description":"Upgrade \\"web\\" failed"},' +
      '{"revision":1,"updated":"2026-01-05T10:01:00Z","status":"superseded","chart":"web-1.1.0","app_version":"1.1.0","description":"Install complete"}]\n';
    expect(parseHistory(json)).toEqual([
      {
        revision: 1,
        updated: '2026-01-05T10:01:00Z',
        status: 'superseded',
        chart: 'web-1.1.0',
        app_version: '1.1.0',
        description: 'Install complete',
      },
      {
        revision: 2,
        updated: '2026-01-05T10:02:00Z',
        status: 'failed',
        chart: 'web-1.2.0',
        app_version: '1.2.0',
        description: 'Upgrade "web" failed',
      },
    ]);
  });

  test.each([
    { name: 'not JSON', input: 'Error: nope', error: /not JSON/ },
    { name: 'not an array', input: '{"revision":1}', error: /JSON array/ },
    {
      name: 'a row without a revision',
      input: '[{"status":"deployed"}]',
      error: /entry 1 has no valid revision/,
    },
  ])('refuses $name', ({ input, error }) => expect(() => parseHistory(input)).toThrow(error));
});

/** A history from `revision:status[:description]` items separated by `,`. */
function described(spec: string): HistoryEntry[] {
  return spec.split(',').map((item) => {
    const [rev, status, description = ''] = item.trim().split(':');
    return {
      revision: Number(rev),
      updated: '',
      status,
      chart: 'web-1.0.0',
      app_version: `1.${rev}.0`,
      description,
    };
  });
}

describe('never back to a bad revision', () => {
  test.each([
    {
      name: 're-run after a rollback: the crash-looping revision it moved away from is skipped',
      input:
        '1:superseded:Install complete, 2:superseded:Upgrade complete, 3:deployed:Rollback to 1',
      target: 1,
      bad: { 2: 'rolled back from by 3' },
    },
    {
      name: 'a failed revision and the one rolled away from before it',
      input: '1:superseded, 2:superseded, 3:superseded:Rollback to 1, 4:superseded, 5:failed',
      target: 4,
      bad: { 2: 'rolled back from by 3', 5: 'failed' },
    },
    {
      name: 'a rollback that restored a bad revision is bad too',
      input:
        '1:superseded, 2:superseded, 3:superseded:Rollback to 1, 4:superseded:Rollback to 2, 5:deployed',
      // 3 rolled away from 2; 4 restored 2 (bad), and 4 rolled away from 3.
      target: 1,
      bad: {
        2: 'rolled back from by 3',
        3: 'rolled back from by 4',
        4: 'a copy of 2, which is bad',
      },
    },
  ])('$name', ({ input, target, bad }) => {
    const h = described(input);
    expect(Object.fromEntries(badRevisions(h))).toEqual(bad);
    expect(selectRollbackTarget(h, 'web').target.revision).toBe(target);
  });

  test('the reason says why a revision was skipped', () => {
    const plan = selectRollbackTarget(
      described('1:superseded, 2:superseded, 3:superseded:Rollback to 1, 4:failed'),
      'web',
    );
    expect(plan.target.revision).toBe(3);
    expect(
      selectRollbackTarget(described('1:superseded, 2:superseded, 3:deployed:Rollback to 1'), 'web')
        .reason,
    ).toBe('newest good revision before 3; skipped 2 (rolled back from by 3)');
  });

  test('nothing good left: the error lists why each revision is out', () => {
    expect(() =>
      selectRollbackTarget(described('1:failed, 2:superseded, 3:deployed:Rollback to 1'), 'web'),
    ).toThrow(
      "No earlier good revision of 'web' to roll back to: no revision before 3 is deployed or superseded without a later rollback away from it (history: 1 failed (failed), 2 superseded (rolled back from by 3), 3 deployed (a copy of 1, which is bad))",
    );
  });
});

describe('rollbackNeed (failed-revision)', () => {
  const h = described('1:superseded, 2:superseded, 3:deployed');
  test('the deploy’s revision is current: needed', () => {
    expect(rollbackNeed(h, 'web', 3)).toEqual({ needed: true, current: h[2] });
  });
  test.each([
    {
      name: 'the upgrade never created the revision',
      failed: 4,
      reason:
        /^revision 4 does not exist: the upgrade never created it; the release is at revision 3 \(deployed\)$/,
    },
    {
      name: 'the deploy created none (empty input)',
      failed: undefined,
      reason: /^the deploy created no revision \(failed-revision is empty\)/,
    },
    {
      name: 'someone deployed since',
      failed: 2,
      reason:
        /^revision 2 is no longer current: someone deployed since; the release is at revision 3/,
    },
  ])('$name: not needed', ({ failed, reason }) => {
    const need = rollbackNeed(h, 'web', failed);
    expect(need.needed).toBe(false);
    expect(!need.needed && need.reason).toMatch(reason);
  });
  test('re-run: already rolled back by a later revision', () => {
    const need = rollbackNeed(
      described('1:superseded, 2:superseded, 3:deployed:Rollback to 1'),
      'web',
      2,
    );
    expect(!need.needed && need.reason).toMatch(
      /^revision 2 was already rolled back by revision 3 \("Rollback to 1"\)/,
    );
  });
});
