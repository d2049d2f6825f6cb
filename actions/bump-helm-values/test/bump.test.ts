import { defaultCommitMessage } from '../src/commit-message';
import { isRaceRejection, pushFailureReason } from '../src/commit-git';
import { defaultPrBranch, repositoryFromRemote } from '../src/open-pr';
import { planFiles } from '../src/plan';
import { previousValues } from '../src/report';
import { isValidBranchName } from '../src/inputs';
import { parseChangeLines, parseChangesJson } from '../src/changes';
import { editYaml } from '../src/edit';

const opts = { valueType: 'auto' as const, createMissing: false };
function outcome(file: string, before: string, lines: string) {
  const r = editYaml(before, parseChangeLines(lines, 'auto'), opts);
  return { file, before, after: r.text, edits: r.edits, warnings: r.warnings, notices: r.notices };
}
const VALUES =
  'imprun-server:\n  image:\n    tag: 1.2.2\nimprun-console:\n  image:\n    tag: "1.2.2"\n';

describe('isRaceRejection: which push failures mean "the branch moved"', () => {
  test.each([
    {
      name: 'fetch first',
      output: ' ! [rejected]        HEAD -> main (fetch first)\nerror: failed to push some refs',
      expected: true,
    },
    {
      name: 'non-fast-forward',
      output: ' ! [rejected]        HEAD -> main (non-fast-forward)',
      expected: true,
    },
    {
      name: 'concurrent push held the lock',
      output: ' ! [remote rejected] HEAD -> main (failed to update ref)',
      expected: true,
    },
    {
      name: 'concurrent push, as a local bare remote reports it',
      output:
        "remote: error: cannot lock ref 'refs/heads/main': is at 1 but expected 2\nTo /tmp/r.git\n ! [remote rejected] HEAD -> main (failed to update ref)",
      expected: true,
    },
    {
      name: 'a hook cannot fake a race with remote: text',
      output:
        'remote:  ! [rejected] main -> main (fetch first)\n ! [remote rejected] HEAD -> main (pre-receive hook declined)',
      expected: false,
    },
    {
      name: 'protected branch',
      output: ' ! [remote rejected] HEAD -> main (protected branch hook declined)',
      expected: false,
    },
    {
      name: 'authentication',
      output:
        "remote: Permission to o/r.git denied to bot.\nfatal: unable to access 'https://github.com/o/r/': The requested URL returned error: 403",
      expected: false,
    },
    {
      name: 'no such remote',
      output: "fatal: 'origin' does not appear to be a git repository",
      expected: false,
    },
  ])('$name → $expected', ({ output, expected }) => expect(isRaceRejection(output)).toBe(expected));
});

describe('pushFailureReason', () => {
  test.each([
    {
      name: "git's column padding collapsed",
      stderr: 'To /tmp/r.git\n ! [rejected]        HEAD -> main (fetch first)\n',
      expected: '[rejected] HEAD -> main (fetch first)',
    },
    {
      name: 'the status line',
      stderr:
        "To /tmp/r.git\n ! [remote rejected] HEAD -> main (pre-receive hook declined)\nerror: failed to push some refs to '/tmp/r.git'",
      expected: '[remote rejected] HEAD -> main (pre-receive hook declined)',
    },
    {
      name: 'else the fatal line, without credentials',
      stderr: "fatal: unable to access 'https://x:tok@github.com/o/r/': 403",
      expected: "fatal: unable to access 'https://***@github.com/o/r/': 403",
    },
  ])('$name', ({ stderr, expected }) => expect(pushFailureReason(stderr)).toBe(expected));
});

describe('repositoryFromRemote', () => {
  test.each([
    {
      url: 'https://github.com/imprun/infra.git',
      server: 'https://github.com',
      expected: 'imprun/infra',
    },
    { url: 'https://github.com/imprun/infra', server: undefined, expected: 'imprun/infra' },
    {
      url: 'git@github.com:imprun/infra.git',
      server: 'https://github.com',
      expected: 'imprun/infra',
    },
    {
      url: 'https://ghe.example.com/team/values.git',
      server: 'https://ghe.example.com',
      expected: 'team/values',
    },
    { url: 'https://gitlab.com/a/b.git', server: 'https://github.com', expected: undefined },
    { url: '/tmp/remote.git', server: 'https://github.com', expected: undefined },
  ])('$url', ({ url, server, expected }) =>
    expect(repositoryFromRemote(url, server)).toBe(expected),
  );
});

describe('isValidBranchName', () => {
  test.each([
    ['main', true],
    ['release/1.2', true],
    ['bump-helm-values/imprun-server.image.tag-1.2.3-0a1b2c3d', true],
    ['', false],
    ['-main', false],
    ['a..b', false],
    ['a b', false],
    ['a~1', false],
    ['a^', false],
    ['a:b', false],
    ['a/', false],
    ['/a', false],
    ['a//b', false],
    ['a.lock', false],
    ['.hidden', false],
    ['a@{1}', false],
    ['@', false],
    ['a\\b', false],
  ])('%s → %s', (name, expected) => expect(isValidBranchName(name)).toBe(expected));
});

describe('messages and names', () => {
  test('one key: the subject names the key and the value', () => {
    const msg = defaultCommitMessage([
      outcome('values.yaml', VALUES, 'imprun-server.image.tag=1.2.3'),
    ]);
    expect(msg).toBe(
      'chore: update imprun-server.image.tag to 1.2.3\n\n- values.yaml: imprun-server.image.tag 1.2.2 → 1.2.3',
    );
  });

  test('several keys with one value share "to <value>"; keys already set are left out', () => {
    const msg = defaultCommitMessage([
      outcome(
        'values.yaml',
        VALUES,
        'imprun-server.image.tag=1.2.3\nimprun-console.image.tag=1.2.3',
      ),
    ]);
    expect(msg.split('\n')[0]).toBe(
      'chore: update imprun-server.image.tag, imprun-console.image.tag to 1.2.3',
    );
    const partly = defaultCommitMessage([
      outcome(
        'values.yaml',
        VALUES,
        'imprun-server.image.tag=1.2.2\nimprun-console.image.tag=1.2.3',
      ),
    ]);
    expect(partly.split('\n')[0]).toBe('chore: update imprun-console.image.tag to 1.2.3');
  });

  test('different values are listed per key', () => {
    const msg = defaultCommitMessage([
      outcome(
        'values.yaml',
        VALUES,
        'imprun-server.image.tag=1.2.3\nimprun-console.image.tag=2.0.0',
      ),
    ]);
    expect(msg.split('\n')[0]).toBe(
      'chore: update imprun-server.image.tag to 1.2.3, imprun-console.image.tag to 2.0.0',
    );
  });

  test('previous-values: file → path → the value as Helm read it and its exact old text', () => {
    const o = outcome(
      'values.yaml',
      'a: 1\nb: "x"\nc: True\nd:\ne: 010\n',
      'a=2\nb=y\nc=false\nd=z\ne=9',
    );
    expect(previousValues([o])).toEqual({
      'values.yaml': {
        a: { value: 1, yaml: '1' },
        b: { value: 'x', yaml: '"x"' },
        c: { value: true, yaml: 'True' },
        d: { value: null, yaml: '' },
        e: { value: 8, yaml: '010' },
      },
    });
  });

  test('the default PR branch is stable for the same changes and differs for others', () => {
    const a = defaultPrBranch([outcome('values.yaml', VALUES, 'imprun-server.image.tag=1.2.3')]);
    expect(a).toMatch(/^bump-helm-values\/imprun-server\.image\.tag-1\.2\.3-[0-9a-f]{8}$/);
    expect(defaultPrBranch([outcome('values.yaml', VALUES, 'imprun-server.image.tag=1.2.3')])).toBe(
      a,
    );
    expect(
      defaultPrBranch([outcome('values.yaml', VALUES, 'imprun-server.image.tag=1.2.4')]),
    ).not.toBe(a);
    expect(isValidBranchName(a)).toBe(true);
  });
});

describe('planFiles', () => {
  test('line changes go to every file', () => {
    const changes = { kind: 'all' as const, changes: parseChangeLines('a=1', 'auto') };
    expect(planFiles(changes, ['x.yaml', 'y.yaml']).map((p) => p.file)).toEqual([
      'x.yaml',
      'y.yaml',
    ]);
  });

  test('per-file JSON must name exactly the matched files', () => {
    const json = parseChangesJson('{"./x.yaml": {"a": 1}, "y.yaml": {"b": 2}}');
    expect(
      planFiles(json, ['x.yaml', 'y.yaml']).map((p) => [p.file, p.changes[0].pathText]),
    ).toEqual([
      ['x.yaml', 'a'],
      ['y.yaml', 'b'],
    ]);
    expect(() => planFiles(json, ['x.yaml'])).toThrow(
      "Input 'changes-json': names 'y.yaml', which files did not match",
    );
    expect(() => planFiles(json, ['x.yaml', 'y.yaml', 'z.yaml'])).toThrow(
      "Input 'changes-json': has no entry for 'z.yaml', which files matched",
    );
  });
});
