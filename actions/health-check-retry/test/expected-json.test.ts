import {
  evaluateJsonPath,
  jsonValueMatches,
  parseJsonChecks,
  parseJsonPath,
} from '../src/expected-json';

describe('parseJsonPath', () => {
  test.each([
    { path: 'status', expected: ['status'] },
    { path: 'checks[0].ok', expected: ['checks', 0, 'ok'] },
    { path: 'a.b.c', expected: ['a', 'b', 'c'] },
    { path: '[2]', expected: [2] },
    { path: '[0][1]', expected: [0, 1] },
    { path: 'components["db.primary"].status', expected: ['components', 'db.primary', 'status'] },
    { path: '["with \\"quote\\""]', expected: ['with "quote"'] },
    { path: 'db status', expected: ['db status'] },
  ])('$path', ({ path, expected }) => expect(parseJsonPath(path)).toEqual(expected));

  test.each(['', 'a..b', 'a.', 'checks[x]', 'checks[0', 'checks[-1]', 'a[0]b', '["unterminated]'])(
    'rejects %j',
    (path) => expect(parseJsonPath(path)).toBeUndefined(),
  );
});

describe('evaluateJsonPath', () => {
  const doc = {
    status: 'UP',
    checks: [
      { name: 'db', ok: true },
      { name: 'cache', ok: false },
    ],
    nested: { 'a.b': { n: 0 } },
    nothing: null,
  };
  test.each([
    { path: 'status', found: true, value: 'UP' },
    { path: 'checks[1].ok', found: true, value: false },
    { path: 'nested["a.b"].n', found: true, value: 0 },
    { path: 'nothing', found: true, value: null },
    { path: 'checks[2]', found: false },
    { path: 'status.length', found: false },
    { path: 'checks.name', found: false },
    { path: 'status[0]', found: false },
    { path: 'missing', found: false },
    { path: 'toString', found: false },
  ])('$path', ({ path, found, value }) => {
    const result = evaluateJsonPath(doc, parseJsonPath(path)!);
    expect(result.found).toBe(found);
    if (found) expect(result).toEqual({ found: true, value });
  });
});

describe('jsonValueMatches', () => {
  test.each([
    { name: 'bare string', actual: 'UP', expected: 'UP', matches: true },
    { name: 'quoted string', actual: 'UP', expected: '"UP"', matches: true },
    { name: 'string differs in case', actual: 'up', expected: 'UP', matches: false },
    // Types compare strictly (issue 16): quote to match a string that looks like another type.
    { name: 'string "true" vs true', actual: 'true', expected: 'true', matches: false },
    { name: 'string "true" vs quoted', actual: 'true', expected: '"true"', matches: true },
    { name: 'string "3" vs 3', actual: '3', expected: '3', matches: false },
    { name: 'string "null" vs null', actual: 'null', expected: 'null', matches: false },
    { name: 'number vs quoted', actual: 3, expected: '"3"', matches: false },
    { name: 'a version string', actual: '1.2.3', expected: '1.2.3', matches: true },
    { name: 'boolean', actual: true, expected: 'true', matches: true },
    { name: 'boolean mismatch', actual: false, expected: 'true', matches: false },
    { name: 'number', actual: 3, expected: '3', matches: true },
    { name: 'number written 3.0', actual: 3, expected: '3.0', matches: true },
    { name: 'number vs empty', actual: 0, expected: '', matches: false },
    { name: 'null', actual: null, expected: 'null', matches: true },
    { name: 'null vs string', actual: null, expected: 'UP', matches: false },
    {
      name: 'object in other key order',
      actual: { a: 1, b: [1, 2] },
      expected: '{"b":[1,2],"a":1}',
      matches: true,
    },
    { name: 'array differs', actual: [1, 2], expected: '[2,1]', matches: false },
    { name: 'object vs non-JSON', actual: { a: 1 }, expected: 'a=1', matches: false },
  ])('$name', ({ actual, expected, matches }) =>
    expect(jsonValueMatches(actual, expected)).toBe(matches),
  );
});

describe('parseJsonChecks', () => {
  test('lines of path=value; the value may contain =; comments and blanks skipped', () => {
    expect(parseJsonChecks('status=UP\n\n# the db\nchecks[0].ok = true\nquery=a=b')).toEqual([
      { path: 'status', segments: ['status'], expected: 'UP' },
      { path: 'checks[0].ok', segments: ['checks', 0, 'ok'], expected: 'true' },
      { path: 'query', segments: ['query'], expected: 'a=b' },
    ]);
  });

  test.each([
    { name: 'no =', text: 'status=UP\nstatus UP', line: 2 },
    { name: 'bad path', text: 'checks[x]=1', line: 1 },
    { name: 'empty path', text: '=UP', line: 1 },
  ])('rejects $name with its line number', ({ text, line }) =>
    expect(parseJsonChecks(text)).toMatchObject({ line }),
  );
});
