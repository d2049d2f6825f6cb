import { Runner, inputEnvName } from '@cicd-actions/core';
import { BOT_EMAIL, BOT_NAME, readInputs } from '../src/inputs';

function runnerWith(inputs: Record<string, string>): Runner {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(inputs)) env[inputEnvName(k)] = v;
  return new Runner({ env, write: () => undefined, appendFile: () => undefined });
}

test('defaults: commit and push as github-actions[bot], five push retries, no PR, no dry run', () => {
  const cfg = readInputs(runnerWith({ files: 'values.yaml', changes: 'a.b=1' }));
  expect(cfg).toMatchObject({
    filePatterns: ['values.yaml'],
    valueType: 'auto',
    createMissing: false,
    commit: true,
    push: true,
    branch: undefined,
    remote: 'origin',
    commitMessage: undefined,
    authorName: BOT_NAME,
    authorEmail: BOT_EMAIL,
    pushRetries: 5,
    createPr: false,
    dryRun: false,
    workingDirectory: '.',
  });
  expect(BOT_EMAIL).toBe('41898282+github-actions[bot]@users.noreply.github.com');
});

test('commit: false implies no push; refs/heads/ is accepted on branch names', () => {
  const cfg = readInputs(
    runnerWith({
      files: 'v.yaml',
      changes: 'a=1',
      commit: 'false',
      branch: 'refs/heads/release/1.2',
    }),
  );
  expect(cfg.push).toBe(false);
  expect(cfg.branch).toBe('release/1.2');
});

test('several files, one per line; a multi-line commit message is kept', () => {
  const cfg = readInputs(
    runnerWith({
      files: 'a.yaml\n# not this\nenvs/*/values.yaml\n',
      changes: 'a=1',
      'commit-message': 'chore: bump\n\nbody line',
    }),
  );
  expect(cfg.filePatterns).toEqual(['a.yaml', 'envs/*/values.yaml']);
  expect(cfg.commitMessage).toBe('chore: bump\n\nbody line');
});

const REJECTED: Array<{ name: string; inputs: Record<string, string>; error: string }> = [
  {
    name: 'files missing',
    inputs: { changes: 'a=1' },
    error: "Input 'files': is required and was empty",
  },
  {
    name: 'remote with a dash first',
    inputs: { files: 'v', changes: 'a=1', remote: '-x' },
    error: "Input 'remote': expected a remote name like origin, got '-x'",
  },
  {
    name: 'author email without @',
    inputs: { files: 'v', changes: 'a=1', 'author-email': 'bot' },
    error: "Input 'author-email': expected an email address, got 'bot'",
  },
  {
    name: 'author name with <',
    inputs: { files: 'v', changes: 'a=1', 'author-name': 'a <b>' },
    error: "Input 'author-name': must not contain < or >",
  },
  {
    name: 'push-retries too high',
    inputs: { files: 'v', changes: 'a=1', 'push-retries': '50' },
    error: "Input 'push-retries': expected a whole number from 0 to 20, got '50'",
  },
  {
    name: 'repository not owner/name',
    inputs: { files: 'v', changes: 'a=1', repository: 'just-a-name' },
    error: "Input 'repository': expected owner/name, got 'just-a-name'",
  },
  {
    name: 'invalid pr-branch',
    inputs: { files: 'v', changes: 'a=1', 'pr-branch': 'has space' },
    error: "Input 'pr-branch': 'has space' is not a valid branch name",
  },
  {
    name: 'invalid base',
    inputs: { files: 'v', changes: 'a=1', base: 'x:y' },
    error: "Input 'base': 'x:y' is not a valid branch name",
  },
];

test.each(REJECTED)('rejects $name', ({ inputs, error }) => {
  expect(() => readInputs(runnerWith(inputs))).toThrow(error);
});
