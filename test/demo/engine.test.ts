// The demo's workflow engine against the runner's documented semantics: status functions and
// the implied success(), outcome vs conclusion under continue-on-error, outputs, GITHUB_ENV,
// needs and job outputs, cancellation (SIGINT to the running step, then only the steps that ask
// to run), expression values read from block scalars as the runner reads them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDemoWorld } from '../../demo/src/demo-world';
import { MaskSet } from '../../demo/src/job-log';
import { runWorkflow, type EngineHooks, type RunResult } from '../../demo/src/workflow/engine';
import { evaluateTemplate, splitTemplate } from '../../demo/src/workflow/expressions';
import { loadWorkflow } from '../../demo/src/workflow/model';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'engine-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function play(yaml: string, hooks: EngineHooks = {}): Promise<RunResult> {
  const file = `w${++n}.yml`;
  writeFileSync(path.join(dir, file), yaml);
  const workflow = await loadWorkflow(dir, file);
  const world = createDemoWorld({
    root: path.join(dir, `run${n}`),
    github: { repository: 'acme/shop', ref_name: 'v1.2.3', sha: 'abc' },
    secrets: { TOKEN: 'sekret-value' },
    toolsDir: dir,
    endpoints: { slackApiUrl: 'http://127.0.0.1:9/api', hosts: {} },
    standIns: { repositories: {}, helm: { version: 'v3.17.3', binDir: dir }, pushedImages: [] },
  });
  return runWorkflow(workflow, world, new MaskSet(), hooks);
}

const table = (r: RunResult, job = 'j') =>
  r.jobs.find((x) => x.id === job)!.steps.map((s) => [s.id, s.outcome, s.conclusion]);
const step = (r: RunResult, id: string, job = 'j') =>
  r.jobs.find((x) => x.id === job)!.steps.find((s) => s.id === id)!;

const job = (steps: string) =>
  `on: push\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

describe('status functions and conditions', () => {
  test('a failed step skips what follows unless it asks for failure() or always()', async () => {
    const r = await play(
      job(`      - id: a
        run: exit 3
      - id: b
        run: echo never
      - id: c
        if: failure()
        run: echo "a=\${{ steps.a.outcome }} b=\${{ steps.b.conclusion }} job=\${{ job.status }}"
      - id: d
        if: always()
        run: 'true'
      - id: e
        if: steps.a.outcome == 'failure'
        run: echo "implied success() keeps me out"
`),
    );
    expect(table(r)).toEqual([
      ['a', 'failure', 'failure'],
      ['b', 'skipped', 'skipped'],
      ['c', 'success', 'success'],
      ['d', 'success', 'success'],
      ['e', 'skipped', 'skipped'],
    ]);
    expect(step(r, 'a').exitCode).toBe(3);
    expect(step(r, 'c').log.map((l) => ('text' in l ? l.text : ''))).toContain(
      'a=failure b=skipped job=failure',
    );
    expect(r.status).toBe('failure');
  });

  test('continue-on-error: outcome failure, conclusion success, the job stays green', async () => {
    const r = await play(
      job(`      - id: a
        continue-on-error: true
        run: exit 1
      - id: b
        run: echo "\${{ steps.a.outcome }}/\${{ steps.a.conclusion }}" && test "\${{ steps.a.outcome }}" = failure
`),
    );
    expect(table(r)).toEqual([
      ['a', 'failure', 'success'],
      ['b', 'success', 'success'],
    ]);
    expect(r.status).toBe('success');
  });
});

describe('values between steps and jobs', () => {
  test('outputs, fromJSON, format, GITHUB_ENV, env precedence, secrets masked', async () => {
    const r = await play(
      `on: push
env:
  WHO: workflow
jobs:
  a:
    runs-on: ubuntu-latest
    outputs:
      tag: \${{ steps.s.outputs.tag }}
    steps:
      - id: s
        run: |
          echo 'json={"f.yaml":{"x.y":"1.4.2"}}' >> "$GITHUB_OUTPUT"
          echo "tag=\${GITHUB_REF_NAME#v}" >> "$GITHUB_OUTPUT"
          echo "EXPORTED=from-env-file" >> "$GITHUB_ENV"
          echo "\${{ secrets.TOKEN }}"
      - id: t
        env:
          OLD: \${{ fromJSON(steps.s.outputs.json)['f.yaml']['x.y'] }}
          MSG: >-
            \${{ format('{0} then {1}',
            steps.s.outputs.tag, env.EXPORTED) }}
        run: |
          echo "old=$OLD" >> "$GITHUB_OUTPUT"
          echo "msg=$MSG" >> "$GITHUB_OUTPUT"
          echo "who=$WHO exported=$EXPORTED" >> "$GITHUB_OUTPUT"
  b:
    needs: a
    if: needs.a.result == 'success'
    runs-on: ubuntu-latest
    steps:
      - id: u
        run: echo "got=\${{ needs.a.outputs.tag }}" >> "$GITHUB_OUTPUT"
`,
    );
    expect(step(r, 't', 'a').outputs).toEqual({
      old: '1.4.2',
      msg: '1.2.3 then from-env-file',
      who: 'workflow exported=from-env-file',
    });
    expect(step(r, 'u', 'b').outputs).toEqual({ got: '1.2.3' });
    const printed = step(r, 's', 'a').log.map((l) => ('text' in l ? l.text : ''));
    expect(printed).toEqual(['***']);
  });

  test('a job whose needs failed is skipped; one with always() runs', async () => {
    const r = await play(`on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: exit 1
  b:
    needs: a
    runs-on: ubuntu-latest
    steps:
      - run: 'true'
  c:
    needs: a
    if: always()
    runs-on: ubuntu-latest
    steps:
      - run: 'true'
`);
    expect(r.jobs.map((j) => [j.id, j.result])).toEqual([
      ['a', 'failure'],
      ['b', 'skipped'],
      ['c', 'success'],
    ]);
  });
});

describe('cancelling the run', () => {
  test('the running step gets SIGINT; then only cancelled()/always() steps run, and job.status is cancelled', async () => {
    const started = Date.now();
    const r = await play(
      job(`      - id: slow
        run: |
          trap 'echo "got SIGINT"; exit 130' INT
          for i in $(seq 1 100); do sleep 0.1; done
      - id: next
        run: echo never
      - id: on-failure
        if: failure()
        run: echo never
      - id: on-cancel
        if: cancelled()
        run: echo "job=\${{ job.status }}" >> "$GITHUB_OUTPUT"
      - id: finally
        if: always()
        run: 'true'
`),
      {
        beforeStep: (_job, s, run) => {
          if (s.id === 'slow') setTimeout(() => run.cancel(), 300);
        },
      },
    );
    expect(Date.now() - started).toBeLessThan(7000);
    expect(table(r)).toEqual([
      ['slow', 'cancelled', 'cancelled'],
      ['next', 'skipped', 'skipped'],
      ['on-failure', 'skipped', 'skipped'],
      ['on-cancel', 'success', 'success'],
      ['finally', 'success', 'success'],
    ]);
    expect(step(r, 'slow').log.map((l) => ('text' in l ? l.text : ''))).toContain('got SIGINT');
    expect(step(r, 'on-cancel').outputs).toEqual({ job: 'cancelled' });
    expect(r.status).toBe('cancelled');
  });
});

describe('expressions', () => {
  const scope = {
    contexts: { env: { A: 'x' } },
    status: 'success' as const,
    get workspace() {
      return dir;
    },
  };
  test.each([
    { value: 'plain', expected: 'plain' },
    { value: 'a ${{ env.A }} b', expected: 'a x b' },
    { value: "${{ '}}' }}", expected: '}}' },
    { value: "${{ format('{0}-{1}', env.A, 'y') }}", expected: 'x-y' },
    { value: '${{ env.MISSING }}', expected: '' },
    { value: '${{ success() && always() }}', expected: 'true' },
    { value: "${{ toJSON(fromJSON('[1,2]')) }}", expected: '[\n  1,\n  2\n]' },
  ])('$value → $expected', ({ value, expected }) => {
    expect(evaluateTemplate(value, scope)).toBe(expected);
  });

  test('an unclosed expression is an error, not literal text', () => {
    expect(() => splitTemplate('a ${{ env.A')).toThrow('an expression is not closed');
  });

  test('hashFiles hashes the matching files, and is empty for none', () => {
    writeFileSync(path.join(dir, 'lock.json'), '{}');
    const hash = evaluateTemplate("${{ hashFiles('*.json') }}", scope);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(evaluateTemplate("${{ hashFiles('nothing-*.zzz') }}", scope)).toBe('');
  });
});
