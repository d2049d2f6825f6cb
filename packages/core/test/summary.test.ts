import { cell, code, details, heading, table } from '../src/index';

describe('cell', () => {
  test.each([
    { name: 'plain', input: 'ok', expected: 'ok' },
    { name: 'number', input: 503, expected: '503' },
    { name: 'undefined', input: undefined, expected: '' },
    { name: 'null', input: null, expected: '' },
    { name: 'pipe', input: 'a|b', expected: 'a\\|b' },
    { name: 'newlines', input: 'a\nb\r\nc', expected: 'a<br>b<br>c' },
    { name: 'backslash before pipe', input: 'a\\|b', expected: 'a\\\\\\|b' },
  ])('$name', ({ input, expected }) => expect(cell(input)).toBe(expected));
});

describe('table', () => {
  test('header, separator and rows; user text cannot break the layout', () => {
    expect(
      table(
        ['#', 'Status', 'Result'],
        [
          [1, 503, 'status 503 | retry'],
          [2, undefined, 'line\nbreak'],
        ],
      ),
    ).toBe(
      '| # | Status | Result |\n| --- | --- | --- |\n| 1 | 503 | status 503 \\| retry |\n| 2 |  | line<br>break |\n',
    );
  });

  test('short rows are padded, extra cells dropped', () => {
    expect(table(['a', 'b'], [[1], [1, 2, 3]])).toBe(
      '| a | b |\n| --- | --- |\n| 1 |  |\n| 1 | 2 |\n',
    );
  });

  test('no rows: just the header', () => {
    expect(table(['a'], [])).toBe('| a |\n| --- |\n');
  });
});

describe('heading, details, code', () => {
  test.each([
    { name: 'heading default level', got: () => heading('Health'), expected: '### Health\n' },
    { name: 'heading level 4', got: () => heading('URL', 4), expected: '#### URL\n' },
    {
      name: 'details',
      got: () => details('Log | tail', 'body'),
      expected: '<details><summary>Log \\| tail</summary>\n\nbody\n</details>\n',
    },
    { name: 'code', got: () => code('npm test'), expected: '`npm test`' },
    { name: 'code with a backtick', got: () => code('a`b'), expected: '``a`b``' },
    { name: 'code on one line', got: () => code('a\nb'), expected: '`a b`' },
  ])('$name', ({ got, expected }) => expect(got()).toBe(expected));
});
