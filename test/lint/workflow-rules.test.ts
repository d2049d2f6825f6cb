import {
  ourActionName,
  parseWorkflow,
  permissionProblems,
  pinningProblems,
} from './workflow-rules';

const SHA = '3d3c42e5aac5ba805825da76410c181273ba90b1';

describe('pinningProblems', () => {
  test.each([
    {
      name: 'full SHA with version comment',
      line: `      - uses: actions/checkout@${SHA} # v7.0.1`,
      problems: 0,
    },
    {
      name: 'our action by path and SHA',
      line: `      - uses: acme/cicd-actions/actions/wait-rollout@${SHA} # v1.0.0`,
      problems: 0,
    },
    {
      name: 'our action by the placeholder of the release to come',
      line: '      - uses: acme/cicd-actions/actions/wait-rollout@<full-commit-sha> # v1.0.0',
      problems: 0,
    },
    {
      name: 'the placeholder on a third-party action',
      line: '      - uses: actions/checkout@<full-commit-sha> # v7.0.1',
      problems: 1,
    },
    {
      name: 'local action needs no pin',
      line: '      - uses: ./actions/wait-rollout',
      problems: 0,
    },
    { name: 'tag instead of SHA', line: '      - uses: actions/checkout@v7 # v7.0.1', problems: 1 },
    { name: 'short SHA', line: '      - uses: actions/checkout@3d3c42e # v7.0.1', problems: 1 },
    {
      name: 'SHA without version comment',
      line: `      - uses: actions/checkout@${SHA}`,
      problems: 1,
    },
    {
      name: 'comment that is not a version',
      line: `      - uses: actions/checkout@${SHA} # latest`,
      problems: 1,
    },
    { name: 'branch and no comment', line: '        uses: helm/kind-action@main', problems: 2 },
  ])('$name', ({ line, problems }) => {
    expect(pinningProblems(`steps:\n${line}\n`)).toHaveLength(problems);
  });
});

describe('ourActionName', () => {
  test.each([
    { uses: `acme/cicd-actions/actions/helm-rollback@${SHA}`, expected: 'helm-rollback' },
    { uses: './actions/bump-helm-values', expected: 'bump-helm-values' },
    { uses: `actions/checkout@${SHA}`, expected: undefined },
    { uses: `other/cicd-actions/actions/helm-rollback@${SHA}`, expected: undefined },
  ])('$uses → $expected', ({ uses, expected }) => {
    expect(ourActionName(uses)).toBe(expected);
  });
});

describe('permissionProblems', () => {
  test('a job without permissions is named; one with an empty map passes', () => {
    const wf = parseWorkflow(
      'on: push\njobs:\n  a:\n    runs-on: x\n    permissions: {}\n    steps: []\n  b:\n    runs-on: x\n    steps: []\n',
    );
    expect(permissionProblems(wf)).toEqual(['job b has no permissions: block']);
  });
});
