import { formatPath, parsePath, splitAssignment } from '../src/path';

describe('parsePath', () => {
  test.each([
    {
      name: 'plain dotted',
      input: 'imprun-server.image.tag',
      expected: ['imprun-server', 'image', 'tag'],
    },
    {
      name: 'leading dot (yq)',
      input: '.imprun-server.image.tag',
      expected: ['imprun-server', 'image', 'tag'],
    },
    {
      name: 'double-quoted key with dots',
      input: 'podLabels."app.kubernetes.io/name"',
      expected: ['podLabels', 'app.kubernetes.io/name'],
    },
    {
      name: 'bracketed quoted key',
      input: 'podLabels["app.kubernetes.io/name"]',
      expected: ['podLabels', 'app.kubernetes.io/name'],
    },
    {
      name: 'single-quoted key, doubled quote inside',
      input: "a.'it''s'",
      expected: ['a', "it's"],
    },
    { name: 'escaped double quote inside', input: 'a."say \\"hi\\""', expected: ['a', 'say "hi"'] },
    { name: 'list index', input: 'containers[1].image', expected: ['containers', 1, 'image'] },
    { name: 'negative index', input: 'args[-1]', expected: ['args', -1] },
    {
      name: 'index after a dot (yq)',
      input: '.containers.[0].name',
      expected: ['containers', 0, 'name'],
    },
    { name: 'nested indices', input: 'm[0][2]', expected: ['m', 0, 2] },
    { name: 'root list', input: '[3].x', expected: [3, 'x'] },
    { name: 'spaces around', input: '  a.b  ', expected: ['a', 'b'] },
    { name: 'key with underscore and digits', input: 'svc_1.v2', expected: ['svc_1', 'v2'] },
    { name: 'quoted key at the start', input: '"a.b".c', expected: ['a.b', 'c'] },
  ])('$name: $input', ({ input, expected }) => expect(parsePath(input)).toEqual(expected));

  test.each([
    { name: 'empty', input: '', error: 'empty path at character 1' },
    { name: 'only a dot', input: '.', error: 'empty path' },
    { name: 'double dot', input: 'a..b', error: 'empty key at character 3' },
    { name: 'trailing dot', input: 'a.b.', error: 'path ends with a dot' },
    { name: 'unclosed quote', input: 'a."b.c', error: 'unclosed " at character 3' },
    { name: 'unclosed bracket', input: 'a[0', error: "unclosed '[' at character 2" },
    {
      name: 'word inside brackets',
      input: 'a[x]',
      error: "expected a list index or a quoted key inside [], got 'x'",
    },
    { name: 'junk after quoted key', input: '"a"b', error: "expected '.' or '[' before 'b'" },
    { name: 'stray closing bracket', input: 'a]b', error: "unexpected ']'" },
  ])('rejects $name', ({ input, error }) => expect(() => parsePath(input)).toThrow(error));
});

describe('formatPath reads back to the same segments', () => {
  test.each([
    { segments: ['imprun-server', 'image', 'tag'], expected: 'imprun-server.image.tag' },
    {
      segments: ['podLabels', 'app.kubernetes.io/name'],
      expected: 'podLabels."app.kubernetes.io/name"',
    },
    { segments: ['containers', 1, 'image'], expected: 'containers[1].image' },
    { segments: ['a b', "it's"], expected: '"a b"."it\'s"' },
    { segments: [0, 'x'], expected: '[0].x' },
  ])('$expected', ({ segments, expected }) => {
    expect(formatPath(segments)).toBe(expected);
    expect(parsePath(expected)).toEqual(segments);
  });
});

describe('splitAssignment', () => {
  test.each([
    { name: 'first = splits', input: 'a.b=x=y', expected: { path: 'a.b', value: 'x=y' } },
    { name: 'spaces trimmed', input: ' a.b = 1.2.3 ', expected: { path: 'a.b', value: '1.2.3' } },
    {
      name: '= inside a quoted key',
      input: '"k=v".x=1',
      expected: { path: '"k=v".x', value: '1' },
    },
    { name: '= inside brackets', input: 'a["k=v"]=1', expected: { path: 'a["k=v"]', value: '1' } },
    { name: 'empty value', input: 'a=', expected: { path: 'a', value: '' } },
    { name: 'no =', input: 'a.b', expected: undefined },
  ])('$name', ({ input, expected }) => expect(splitAssignment(input)).toEqual(expected));
});
