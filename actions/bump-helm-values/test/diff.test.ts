import { unifiedDiff } from '../src/diff';

const lines = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `line ${i + from}`);

describe('unifiedDiff', () => {
  test('equal texts give an empty diff', () => {
    expect(unifiedDiff('a\n', 'a\n', 'f.yaml')).toBe('');
  });

  test('one changed line with three lines of context', () => {
    const before = lines(10).join('\n') + '\n';
    const after = before.replace('line 5\n', 'line five\n');
    expect(unifiedDiff(before, after, 'v.yaml')).toBe(
      [
        '--- a/v.yaml',
        '+++ b/v.yaml',
        '@@ -2,7 +2,7 @@',
        'line 2',
        'line 3',
        'line 4',
        '-line 5',
        '+line five',
        'line 6',
        'line 7',
        'line 8',
        '',
      ]
        .map((l) => (l.startsWith('line') ? ` ${l}` : l))
        .join('\n'),
    );
  });

  test('changes far apart make two hunks, close ones one', () => {
    const before = lines(30).join('\n') + '\n';
    const far = before.replace('line 2\n', 'X\n').replace('line 25\n', 'Y\n');
    expect(unifiedDiff(before, far, 'f').match(/^@@ .* @@$/gm)).toEqual([
      '@@ -1,5 +1,5 @@',
      '@@ -22,7 +22,7 @@',
    ]);
    const near = before.replace('line 10\n', 'X\n').replace('line 15\n', 'Y\n');
    expect(unifiedDiff(before, near, 'f').match(/^@@ .* @@$/gm)).toEqual(['@@ -7,12 +7,12 @@']);
  });

  test('inserted lines', () => {
    expect(unifiedDiff('a:\n  b: 1\nc: 2\n', 'a:\n  b: 1\n  d: x\nc: 2\n', 'f')).toBe(
      '--- a/f\n+++ b/f\n@@ -1,3 +1,4 @@\n a:\n   b: 1\n+  d: x\n c: 2\n',
    );
  });

  test('a missing final newline is marked, carriage returns are not shown', () => {
    expect(unifiedDiff('a: 1\r\nb: 2', 'a: 1\r\nb: 3', 'f')).toBe(
      '--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a: 1\n-b: 2\n\\ No newline at end of file\n+b: 3\n\\ No newline at end of file\n',
    );
  });
});
