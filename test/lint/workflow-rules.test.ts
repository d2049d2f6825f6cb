import {
  inputProblems,
  ourActionName,
  parseWorkflow,
  permissionProblems,
  pinningProblems,
  type ActionInputs,
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

describe('inputProblems', () => {
  const actions: Record<string, ActionInputs> = {
    'wait-rollout': {
      inputs: {
        resources: { required: true },
        namespace: { default: 'default' },
        timeout: { required: true, default: '5m' },
      },
    },
  };
  const lookup = (name: string) => actions[name];
  const workflow = (withBlock: string, uses = './actions/wait-rollout') =>
    parseWorkflow(
      `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    permissions: {}\n    steps:\n      - id: wait\n        uses: ${uses}\n${withBlock}`,
    );

  test('known inputs and the required one given → no problem', () => {
    expect(
      inputProblems(
        workflow('        with:\n          resources: deployment/api\n          namespace: prod\n'),
        lookup,
      ),
    ).toEqual([]);
  });
  test('a key the action does not declare is reported by name', () => {
    expect(
      inputProblems(
        workflow('        with:\n          resources: deployment/api\n          namespce: prod\n'),
        lookup,
      ),
    ).toEqual(["job deploy step wait: 'namespce' is not an input of wait-rollout"]);
  });
  test('a required input without default that is missing is reported; one with a default is not', () => {
    expect(inputProblems(workflow('        with:\n          namespace: prod\n'), lookup)).toEqual([
      "job deploy step wait: required input 'resources' of wait-rollout is missing",
    ]);
  });
  test('an action of ours that does not exist is reported', () => {
    expect(inputProblems(workflow('', `acme/cicd-actions/actions/no-such@${SHA}`), lookup)).toEqual(
      ['job deploy step wait: actions/no-such/action.yml does not exist'],
    );
  });
  test('third-party steps are left to actionlint', () => {
    expect(
      inputProblems(
        workflow('        with:\n          anything: 1\n', `actions/checkout@${SHA}`),
        lookup,
      ),
    ).toEqual([]);
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
