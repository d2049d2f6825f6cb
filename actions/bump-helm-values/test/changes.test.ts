import { normalizeFileKey, parseChangeLines, parseChangesJson } from '../src/changes';

describe('parseChangeLines', () => {
  test('paths, values, comments and blank lines', () => {
    const out = parseChangeLines(
      '# tags\n.imprun-server.image.tag = 1.2.3\n\nimprun-console.image.tag="1.10"\nlabels."a.b/c"=\n',
      'auto',
    );
    expect(out.map((c) => [c.pathText, c.wanted])).toEqual([
      ['imprun-server.image.tag', { kind: 'text', text: '1.2.3', quoted: false }],
      ['imprun-console.image.tag', { kind: 'text', text: '1.10', quoted: true }],
      ['labels."a.b/c"', { kind: 'text', text: '', quoted: false }],
    ]);
  });

  test.each([
    {
      name: 'no assignment',
      input: 'a.b',
      type: 'auto' as const,
      error: "line 1 is not path=value: 'a.b'",
    },
    {
      name: 'empty path',
      input: '=1',
      type: 'auto' as const,
      error: "line 1 is not path=value: '=1'",
    },
    {
      name: 'bad path',
      input: 'x=1\na[x]=2',
      type: 'auto' as const,
      error:
        "line 2: path 'a[x]' is not valid: expected a list index or a quoted key inside [], got 'x'",
    },
    {
      name: 'only comments',
      input: '# nothing\n',
      type: 'auto' as const,
      error: 'no path=value line found',
    },
    {
      name: 'duplicate path, spelled differently',
      input: 'a.b=1\n.a["b"]=2',
      type: 'auto' as const,
      error: "changes: path 'a.b' is given twice",
    },
    {
      name: 'not a number',
      input: 'a=1.2.3',
      type: 'number' as const,
      error: "line 1: '1.2.3' is not a number (value-type is number)",
    },
    {
      name: 'infinity, which Helm cannot read',
      input: 'a=.inf',
      type: 'number' as const,
      error:
        "line 1: '.inf' is not a number (value-type is number): Helm cannot read .inf (JSON has no infinity or NaN)",
    },
    {
      name: 'a number beyond float64',
      input: 'a=1e400',
      type: 'number' as const,
      error:
        "line 1: '1e400' is not a number (value-type is number): 1e400 is out of the range of a float64 (Helm would read it as a string)",
    },
    {
      name: 'not a boolean',
      input: 'a=sure',
      type: 'boolean' as const,
      error: "line 1: 'sure' is not a boolean like true or false (value-type is boolean)",
    },
    {
      name: 'quoted value with value-type number',
      input: 'a="1"',
      type: 'number' as const,
      error: 'line 1: a quoted value is a string, but value-type is number',
    },
  ])('rejects $name', ({ input, type, error }) =>
    expect(() => parseChangeLines(input, type)).toThrow(error),
  );
});

describe('parseChangesJson', () => {
  test('a flat object applies to every file, JSON types kept', () => {
    const out = parseChangesJson('{"a.b": "1.10", "n": 3, "f": false, "z": null}');
    expect(out.kind).toBe('all');
    if (out.kind !== 'all') return;
    expect(out.changes.map((c) => [c.pathText, c.wanted])).toEqual([
      ['a.b', { kind: 'json', value: '1.10' }],
      ['n', { kind: 'json', value: 3 }],
      ['f', { kind: 'json', value: false }],
      ['z', { kind: 'json', value: null }],
    ]);
  });

  test('the previous-values shape is per file', () => {
    const out = parseChangesJson(
      '{"./envs/prod/values.yaml": {"imprun-server.image.tag": "1.2.2"}, "b.yaml": {"x": 1}}',
    );
    expect(out.kind).toBe('per-file');
    if (out.kind !== 'per-file') return;
    expect([...out.files.keys()]).toEqual(['envs/prod/values.yaml', 'b.yaml']);
    expect(out.files.get('b.yaml')!.map((c) => c.pathText)).toEqual(['x']);
  });

  test.each([
    { name: 'not JSON', input: 'a=1', error: /^not valid JSON: / },
    { name: 'an array', input: '[1]', error: 'expected a JSON object' },
    { name: 'empty object', input: '{}', error: 'the object is empty' },
    {
      name: 'mixed shapes',
      input: '{"a": 1, "f.yaml": {"b": 2}}',
      error: 'mix of per-file objects and plain values',
    },
    {
      name: 'list value',
      input: '{"a": [1]}',
      error: "changes-json: the value of 'a' must be a string, number, boolean or null",
    },
    {
      name: 'nested object under a file',
      input: '{"f.yaml": {"a": {"b": 1}}}',
      error: "file 'f.yaml': the value of 'a' must be a string",
    },
    { name: 'bad path', input: '{"a..b": 1}', error: "changes-json: path 'a..b' is not valid" },
  ])('rejects $name', ({ input, error }) => expect(() => parseChangesJson(input)).toThrow(error));
});

test.each([
  ['values.yaml', 'values.yaml'],
  ['./values.yaml', 'values.yaml'],
  ['envs\\prod\\values.yaml', 'envs/prod/values.yaml'],
])('normalizeFileKey(%s) = %s', (input, expected) =>
  expect(normalizeFileKey(input)).toBe(expected),
);
