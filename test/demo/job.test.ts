import { runJob, type StepDefinition, type StepRun } from '../../demo/src/job';
import { MaskSet } from '../../demo/src/job-log';

const ok = (outputs: Record<string, string> = {}, stdout = ''): StepRun => ({
  exitCode: 0,
  stdout,
  outputs,
  summary: '',
});
const fail = (stdout = '::error::broken\n'): StepRun => ({
  exitCode: 1,
  stdout,
  outputs: {},
  summary: '',
});

describe('runJob (if: conditions and output chaining, as the runner plays a job)', () => {
  test('success() steps stop after a failure; failure() and always() steps then run', async () => {
    const steps: StepDefinition[] = [
      { id: 'a', name: 'A', uses: 'x' },
      { id: 'b', name: 'B', uses: 'fails' },
      { id: 'c', name: 'C', uses: 'x' },
      { id: 'd', name: 'D', if: 'failure', uses: 'x' },
      { id: 'e', name: 'E', if: 'always', uses: 'x' },
    ];
    const result = await runJob(
      steps,
      async (action) => (action === 'fails' ? fail() : ok()),
      new MaskSet(),
    );
    expect(result.status).toBe('failure');
    expect(result.steps.map((s) => [s.id, s.conclusion])).toEqual([
      ['a', 'success'],
      ['b', 'failure'],
      ['c', 'skipped'],
      ['d', 'success'],
      ['e', 'success'],
    ]);
    expect(result.steps[1].annotations).toEqual([
      { level: 'error', message: 'broken', title: undefined },
    ]);
  });

  test('failure() steps are skipped in a green job', async () => {
    const steps: StepDefinition[] = [
      { id: 'a', name: 'A', uses: 'x' },
      { id: 'rollback', name: 'R', if: 'failure', uses: 'x' },
    ];
    const result = await runJob(steps, async () => ok(), new MaskSet());
    expect(result.status).toBe('success');
    expect(result.steps[1].conclusion).toBe('skipped');
  });

  test('a later step reads an earlier step’s outputs, and sees the job status', async () => {
    const seen: Record<string, string>[] = [];
    const steps: StepDefinition[] = [
      { id: 'first', name: 'First', uses: 'x' },
      { id: 'second', name: 'Second', uses: 'fails' },
      {
        id: 'last',
        name: 'Last',
        if: 'always',
        uses: 'y',
        with: (ctx) => ({
          ts: ctx.output('first', 'ts'),
          missing: ctx.output('first', 'nope'),
          status: ctx.status,
          second: ctx.conclusion('second') ?? '',
        }),
      },
    ];
    await runJob(
      steps,
      async (action, inputs) => {
        seen.push(inputs);
        return action === 'fails' ? fail() : ok({ ts: '1700000000.1' });
      },
      new MaskSet(),
    );
    expect(seen[2]).toEqual({
      ts: '1700000000.1',
      missing: '',
      status: 'failure',
      second: 'failure',
    });
  });

  test('a step that throws fails like a non-zero exit instead of ending the job', async () => {
    const steps: StepDefinition[] = [
      {
        id: 'a',
        name: 'A',
        script: 'helm upgrade',
        run: async () => Promise.reject(new Error('spawn helm ENOENT')),
      },
      { id: 'b', name: 'B', if: 'always', uses: 'x' },
    ];
    const result = await runJob(steps, async () => ok(), new MaskSet());
    expect(result.steps[0].conclusion).toBe('failure');
    expect(result.steps[0].annotations[0].message).toBe('spawn helm ENOENT');
    expect(result.steps[1].conclusion).toBe('success');
  });

  test('known secrets are masked in recorded inputs, logs and summaries', async () => {
    const masks = new MaskSet();
    masks.add('hook-secret-value');
    const steps: StepDefinition[] = [
      { id: 'n', name: 'N', uses: 'x', with: () => ({ url: 'https://h/hook-secret-value' }) },
    ];
    const result = await runJob(
      steps,
      async () => ({
        exitCode: 0,
        stdout: 'posting to hook-secret-value\n',
        outputs: {},
        summary: '| to | hook-secret-value |',
      }),
      masks,
    );
    expect(result.steps[0].inputs.url).toBe('https://h/***');
    expect(result.steps[0].log).toEqual([{ kind: 'text', text: 'posting to ***', depth: 0 }]);
    expect(result.steps[0].summary).toBe('| to | *** |');
  });

  test('timeline: each step records its start offset and duration', async () => {
    let t = 0;
    const now = () => t;
    const steps: StepDefinition[] = [
      { id: 'a', name: 'A', uses: 'x' },
      { id: 'b', name: 'B', uses: 'x' },
    ];
    const result = await runJob(
      steps,
      async () => {
        t += 100;
        return ok();
      },
      new MaskSet(),
      {},
      now,
    );
    expect(result.steps.map((s) => [s.startMs, s.durationMs])).toEqual([
      [0, 100],
      [100, 100],
    ]);
    expect(result.durationMs).toBe(200);
  });
});
