import { editYaml, YamlEditError, type ChangeSpec } from '../src/edit';
import { parseChangeLines } from '../src/changes';

const changes = (text: string): ChangeSpec[] => parseChangeLines(text, 'auto');
const auto = { valueType: 'auto' as const, createMissing: false };

function problems(source: string, lines: string, opts = auto): string[] {
  try {
    editYaml(source, changes(lines), opts);
  } catch (err) {
    if (err instanceof YamlEditError)
      return err.problems.map((p) => `${p.line ?? '-'}:${p.col ?? '-'} ${p.message}`);
    throw err;
  }
  throw new Error('expected the edit to be refused');
}

describe('refusals, with line:column', () => {
  test.each([
    {
      name: 'malformed YAML (reported where the parser notices)',
      source: 'a: "x\n',
      lines: 'a=1',
      expected: /^2:1 not valid YAML: Missing closing "quote/,
    },
    {
      name: 'duplicate key is malformed',
      source: 'a: 1\na: 2\n',
      lines: 'a=3',
      expected: /^2:1 not valid YAML: Map keys must be unique/,
    },
    {
      name: 'missing key',
      source: 'a:\n  b: 1\n',
      lines: 'a.c=2',
      expected: /^2:3 'a\.c': key 'c' is missing under 'a' \(set create-missing: true to add it\)/,
    },
    {
      name: 'path into a scalar',
      source: 'a: x\n',
      lines: 'a.b=1',
      expected: /^1:4 'a\.b': 'a' is the string 'x', a scalar — the path cannot go into it/,
    },
    {
      name: 'index on a mapping',
      source: 'a:\n  b: 1\n',
      lines: 'a[0]=1',
      expected: /^2:3 'a\[0\]': 'a' is a mapping, not a list/,
    },
    {
      name: 'key on a list',
      source: 'a: [1, 2]\n',
      lines: 'a.b=1',
      expected: /^1:4 'a\.b': 'a' is a list; use an index like \[0\]/,
    },
    {
      name: 'index out of range',
      source: 'a: [1, 2]\n',
      lines: 'a[2]=1',
      expected: /^1:4 'a\[2\]': 'a' is a list of 2 item\(s\), there is no \[2\]/,
    },
    {
      name: 'target is a mapping',
      source: 'a:\n  b: 1\n',
      lines: 'a=1',
      expected: /^2:3 'a' is a mapping, not a scalar value/,
    },
    {
      name: 'target is a block scalar',
      source: 'a: |\n  x\n',
      lines: 'a=1',
      expected: /^1:4 'a' is a block scalar/,
    },
    {
      name: 'target is an alias',
      source: 'x: &v 1\ny: *v\n',
      lines: 'y=2',
      expected:
        /^2:4 'y' is the alias \*v at line 2, column 4 \(anchor &v at line 1, column 4\); refusing to flatten it/,
    },
    {
      name: 'path through an alias',
      source: 'base: &b\n  tag: 1\nprod: *b\n',
      lines: 'prod.tag=2',
      expected:
        /^3:7 'prod\.tag' goes through the alias \*b at line 3, column 7 \(anchor &b at line 1, column 7\)/,
    },
    {
      name: 'anchored scalar used by two aliases',
      source: 'x: &v 1\ny: *v\nz: [*v]\n',
      lines: 'x=2',
      expected:
        /^1:7 'x' is inside anchor &v at line 1, column 4, also used by \*v at line 2, column 4, \*v at line 3, column 5; editing it would change those too/,
    },
    {
      name: 'value inside a mapping merged elsewhere',
      source: 'base: &b\n  tag: 1\nprod:\n  <<: *b\n',
      lines: 'base.tag=2',
      expected:
        /^2:8 'base\.tag' is inside anchor &b at line 1, column 7, also used by \*b at line 4, column 7/,
    },
    {
      name: 'different values in two documents',
      source: 'a: 1\n---\na: 2\n',
      lines: 'a=3',
      expected:
        /^3:4 'a' has different values in different documents \(document 1: 1, document 2: 2\)/,
    },
    {
      name: 'empty document',
      source: '# nothing\n',
      lines: 'a=1',
      expected: /^-:- the file has no YAML document/,
    },
    {
      name: 'number type on a non-number (from value-type)',
      source: 'a: 1\n',
      lines: 'a=x',
      expected: null,
    },
  ])('$name', ({ source, lines, expected }) => {
    if (expected === null) {
      expect(() =>
        editYaml(source, changes(lines), { valueType: 'number', createMissing: false }),
      ).toThrow("'a': 'x' cannot be written as a number: Helm reads 'x' as a string, not a number");
      return;
    }
    const list = problems(source, lines);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatch(expected);
  });

  test('a key that only comes through a merge key is reported as such', () => {
    expect(problems('base: &b\n  tag: 1\nprod:\n  <<: *b\n', 'prod.tag=2')).toEqual([
      "4:3 'prod.tag': key 'tag' is missing under 'prod'; it comes from the merge key << at line 4, column 3 (set create-missing: true to add it as an override after the merge key)",
    ]);
  });

  test('with create-missing, a key that came through a merge key is added as an override', () => {
    expect(
      editYaml('base: &b\n  tag: 1\nprod:\n  <<: *b\n', changes('prod.tag=2'), {
        valueType: 'auto',
        createMissing: true,
      }).text,
    ).toBe('base: &b\n  tag: 1\nprod:\n  <<: *b\n  tag: 2\n');
  });

  test('two paths naming the same value are refused', () => {
    expect(problems('l: [a, b]\n', 'l[0]=x\nl[-2]=y')).toEqual([
      "1:5 'l[-2]' is the same value as 'l[0]', changed by another line",
    ]);
  });

  test('every problem in a file is reported, not just the first', () => {
    expect(problems('a: 1\nb: 2\n', 'x=1\na=2\ny.z=3')).toEqual([
      "1:1 'x': key 'x' is missing under '(document root)' (set create-missing: true to add it)",
      "1:1 'y.z': key 'y' is missing under '(document root)' (set create-missing: true to add it)",
    ]);
  });
});

describe('create-missing refusals', () => {
  const create = { valueType: 'auto' as const, createMissing: true };
  test.each([
    {
      name: 'into a flow mapping',
      source: 'a: {b: 1}\n',
      lines: 'a.c=2',
      expected: /'a\.c': cannot add a key to the flow mapping at line 1, column 4/,
    },
    {
      name: 'a list item',
      source: 'a:\n  b: 1\n',
      lines: 'a.l[0]=2',
      expected: /'a\.l\[0\]': create-missing adds mapping keys, not list items/,
    },
    {
      name: 'in a multi-document file',
      source: 'a: 1\n---\nb: 1\n',
      lines: 'c=2',
      expected: /create-missing only creates keys in single-document files/,
    },
    {
      name: 'into a mapping that is an anchor used elsewhere',
      source: 'base: &b\n  x: 1\nprod:\n  <<: *b\n',
      lines: 'base.y=2',
      expected:
        /'base\.y': the mapping to extend is also used by \*b at line 4, column 7; refusing/,
    },
  ])('$name', ({ source, lines, expected }) => {
    const list = problems(source, lines, create);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatch(expected);
  });

  test('creates at the end of a file without a final newline and keeps it without one', () => {
    expect(editYaml('a:\n  b: 1', changes('a.c=x'), create).text).toBe('a:\n  b: 1\n  c: x');
  });

  test('keys needing quotes are quoted', () => {
    expect(editYaml('a:\n  b: 1\n', changes('a."x: y"=v1'), create).text).toBe(
      'a:\n  b: 1\n  "x: y": v1\n',
    );
  });
});

describe('results', () => {
  test('50 changes in a 5,000-line file change exactly those 50 lines', () => {
    const block = (i: number) => [
      `# svc-${i}`,
      `svc-${i}:`,
      '  image:',
      `    repository: r/svc-${i}`,
      '    tag: "1.0.0" # ci',
      '  replicas: 2',
      ...Array.from({ length: 44 }, (_, j) => `  k${j}: v${j}`),
    ];
    const source =
      Array.from({ length: 100 }, (_, i) => block(i))
        .flat()
        .join('\n') + '\n';
    const lines = Array.from({ length: 50 }, (_, i) => `svc-${2 * i}.image.tag=2.0.0`).join('\n');
    const r = editYaml(source, changes(lines), auto);
    const before = source.split('\n');
    const after = r.text.split('\n');
    expect(before).toHaveLength(5001);
    expect(after).toHaveLength(5001);
    const differing = before.flatMap((l, n) => (l === after[n] ? [] : [n]));
    expect(differing).toEqual(Array.from({ length: 50 }, (_, i) => 2 * i * 50 + 4));
    expect(after[4]).toBe('    tag: "2.0.0" # ci');
    // Editing only the sections the changes reach gives exactly the whole-file edit.
    expect(r).toEqual(editYaml(source, changes(lines), { ...auto, wholeFile: true }));
    expect(r.edits[49]).toMatchObject({ pathText: 'svc-98.image.tag', line: 98 * 50 + 5, col: 10 });
  });

  test('a problem in a section is reported like the whole-file edit reports it', () => {
    const source =
      Array.from({ length: 500 }, (_, i) => `svc-${i}:\n  image:\n    tag: "1.0.0"\n`).join('') +
      'svc-x:\n  image: [a, b]\n';
    expect(() => editYaml(source, changes('svc-x.image.tag=2'), auto)).toThrow(
      "'svc-x.image.tag': 'svc-x.image' is a list; use an index like [0], not 'tag'",
    );
    try {
      editYaml(source, changes('svc-x.image.tag=2'), auto);
    } catch (err) {
      expect((err as YamlEditError).problems[0]).toMatchObject({ line: 1502, col: 10 });
    }
  });

  test('values already set: unchanged text, changed=false, old values recorded', () => {
    const src = 'image:\n  tag: "1.2.3" # current\n';
    const r = editYaml(src, changes('image.tag=1.2.3'), auto);
    expect(r.text).toBe(src);
    expect(r.changed).toBe(false);
    expect(r.edits).toMatchObject([
      { pathText: 'image.tag', oldValue: '1.2.3', newValue: '1.2.3', line: 2, col: 8 },
    ]);
  });

  test('an unused anchor on the target is kept and the edit allowed', () => {
    expect(editYaml('a: &x 1.0.0\n', changes('a=1.0.1'), auto).text).toBe('a: &x 1.0.1\n');
  });

  test('a tag on the target is kept', () => {
    expect(editYaml('a: !!str 1.0\n', changes('a=1.10'), auto).text).toBe('a: !!str "1.10"\n');
  });

  test('a number that auto cannot keep is warned about', () => {
    const r = editYaml('replicas: 3\n', changes('replicas=three'), auto);
    expect(r.text).toBe('replicas: three\n');
    expect(r.notices).toEqual(['\'replicas\': was the number 3, now the string "three"']);
  });

  test('a change applies to every document that has the path, and only to those', () => {
    const r = editYaml('a: 1\n---\nb: 1\n---\na: 1\n', changes('a=2'), auto);
    expect(r.text).toBe('a: 2\n---\nb: 1\n---\na: 2\n');
    expect(r.edits.map((e) => e.document)).toEqual([0, 2]);
  });
});

describe('allow-anchors', () => {
  // grafana's enterprise-logs: `image: &image` reused as `*image`.
  const source =
    'enterprise:\n  image: &image\n    repository: grafana/enterprise-logs\n    tag: v1.9.0\ntokengen:\n  image: *image\n';
  const anchors = { valueType: 'auto' as const, createMissing: false, allowAnchors: true };

  test('through an alias path, the anchored value is edited in place and every alias listed', () => {
    const r = editYaml(source, changes('tokengen.image.tag=v1.10.0'), anchors);
    expect(r.text).toBe(source.replace('tag: v1.9.0', 'tag: v1.10.0'));
    expect(r.notices).toEqual([
      "'tokengen.image.tag' is anchored (allow-anchors): *image at line 6, column 10 now read v1.10.0 too",
    ]);
  });

  test('without it, the same edit is refused naming the anchor and the alias', () => {
    expect(() => editYaml(source, changes('enterprise.image.tag=v1.10.0'), auto)).toThrow(
      "'enterprise.image.tag' is inside anchor &image at line 2, column 10, also used by *image at line 6, column 10; editing it would change those too — refusing (set allow-anchors: true to edit it in place for all of them)",
    );
  });
});
