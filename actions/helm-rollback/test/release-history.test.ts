import { ActionError } from '@cicd-actions/core';
import { parseHistory, selectRollbackTarget, type HistoryEntry } from '../src/release-history';

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
    expect(plan.notes).toEqual([
      'Revision 3 was requested explicitly although its status is failed.',
    ]);
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
