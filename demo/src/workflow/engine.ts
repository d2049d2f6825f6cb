// Plays a workflow like the runner: jobs in `needs` order, each job's steps in order, every
// `if:`, `with:`, `env:` and output evaluated with GitHub's expression engine, the status
// functions following the job's state (a failed step fails the job unless continue-on-error; a
// cancelled run cancels the running step — SIGINT, then SIGTERM 7.5 s later, as the runner does —
// and only steps whose condition asks for it run after that). Steps run through the World:
// our actions as bundles, run: steps with bash, anything else as a labelled stand-in.
import { annotationsOf, parseStepLog, type MaskSet } from '../job-log';
import {
  evaluateCondition,
  evaluateTemplate,
  type ExpressionScope,
  type JobStatus,
} from './expressions';
import type { JobDef, WorkflowDef } from './model';
import type {
  Conclusion,
  EngineHooks,
  JobRecord,
  RunControl,
  RunResult,
  StepKind,
  StepRecord,
  StepContext,
  StepRun,
  World,
} from './types';

export type * from './types';

function order(jobs: JobDef[]): JobDef[] {
  const done = new Set<string>();
  const out: JobDef[] = [];
  while (out.length < jobs.length) {
    const next = jobs.find((j) => !done.has(j.id) && j.needs.every((n) => done.has(n)));
    if (!next) throw new Error('the jobs’ needs form a cycle');
    done.add(next.id);
    out.push(next);
  }
  return out;
}

const truthyText = (v: string) => v !== '' && v !== 'false' && v !== '0';

export async function runWorkflow(
  workflow: WorkflowDef,
  world: World,
  masks: MaskSet,
  hooks: EngineHooks = {},
  now = () => performance.now(),
): Promise<RunResult> {
  const t0 = now();
  const abort = new AbortController();
  const control: RunControl = {
    cancel: () => abort.abort(),
    get cancelled() {
      return abort.signal.aborted;
    },
  };
  for (const secret of Object.values(world.secrets)) masks.add(secret);
  const jobs: JobRecord[] = [];
  for (const job of order(workflow.jobs)) {
    const needs = Object.fromEntries(
      job.needs.map((n) => {
        const r = jobs.find((j) => j.id === n)!;
        return [n, { result: r.result, outputs: r.outputs }];
      }),
    );
    const needsStatus: JobStatus = control.cancelled
      ? 'cancelled'
      : Object.values(needs).some((n) => n.result !== 'success')
        ? 'failure'
        : 'success';
    const scope: ExpressionScope = {
      contexts: {
        github: world.github,
        needs,
        vars: world.vars,
        inputs: world.inputs,
        env: { ...workflow.env },
      },
      status: needsStatus,
      workspace: world.workspace(job),
    };
    const record: JobRecord = {
      id: job.id,
      name: job.name,
      result: 'skipped',
      outputs: {},
      steps: [],
      startMs: now() - t0,
      durationMs: 0,
    };
    jobs.push(record);
    if (!evaluateCondition(job.if, scope)) {
      hooks.onJobEnd?.(record);
      continue;
    }
    const standIn = world.standInJob?.(job);
    hooks.onJobStart?.(job, standIn?.reason);
    if (standIn) {
      record.standIn = standIn.reason;
      record.outputs = standIn.outputs ?? {};
      record.result = 'success';
      hooks.onJobEnd?.(record);
      continue;
    }
    await runJob(
      workflow,
      job,
      needs,
      record,
      world,
      masks,
      hooks,
      control,
      abort.signal,
      () => now() - t0,
    );
    record.durationMs = now() - t0 - record.startMs;
    hooks.onJobEnd?.(record);
  }
  const status: Conclusion = control.cancelled
    ? 'cancelled'
    : jobs.some((j) => j.result === 'failure')
      ? 'failure'
      : 'success';
  return { workflow: workflow.file, jobs, status, durationMs: now() - t0 };
}

async function runJob(
  workflow: WorkflowDef,
  job: JobDef,
  needs: Record<string, unknown>,
  record: JobRecord,
  world: World,
  masks: MaskSet,
  hooks: EngineHooks,
  control: RunControl,
  signal: AbortSignal,
  elapsed: () => number,
): Promise<void> {
  let status: JobStatus = 'success';
  const steps: Record<
    string,
    { outputs: Record<string, string>; outcome: string; conclusion: string }
  > = {};
  const exported: Record<string, string> = {};
  const extraPath: string[] = [];
  const workspace = world.workspace(job);
  const runner = { os: 'Linux', arch: 'X64', name: 'demo', temp: world.runnerTemp(job), workspace };
  const scopeFor = (env: Record<string, string>): ExpressionScope => ({
    contexts: {
      github: world.github,
      env,
      job: { status: signal.aborted ? 'cancelled' : status },
      steps,
      needs,
      secrets: world.secrets,
      vars: world.vars,
      inputs: world.inputs,
      runner,
      matrix: {},
      strategy: {},
    },
    status: signal.aborted ? 'cancelled' : status,
    workspace,
  });
  // Workflow, then job env; each evaluated in the scope the runner gives it.
  const jobEnv: Record<string, string> = { ...exported };
  for (const [k, v] of Object.entries(workflow.env))
    jobEnv[k] = evaluateTemplate(v, scopeFor(jobEnv));
  for (const [k, v] of Object.entries(job.env)) jobEnv[k] = evaluateTemplate(v, scopeFor(jobEnv));

  for (const [index, step] of job.steps.entries()) {
    const envContext = { ...exported, ...jobEnv };
    const rec: StepRecord = {
      jobId: job.id,
      id: step.id,
      name: step.name,
      runs: step.uses ? `uses: ${step.uses}` : `run: ${(step.run ?? '').trim().split('\n')[0]}`,
      kind: step.uses ? 'action' : 'run',
      condition: step.if,
      outcome: 'skipped',
      conclusion: 'skipped',
      inputs: {},
      outputs: {},
      notes: [],
      summary: '',
      log: [],
      annotations: [],
      exitCode: null,
      startMs: elapsed(),
      durationMs: 0,
    };
    const runsNow = evaluateCondition(step.if, scopeFor(envContext));
    if (runsNow) {
      await hooks.beforeStep?.(job, step, control);
      const stepEnv = { ...envContext };
      for (const [k, v] of Object.entries(step.env))
        stepEnv[k] = evaluateTemplate(v, scopeFor(stepEnv));
      const inputs = Object.fromEntries(
        Object.entries(step.with).map(([k, v]) => [k, evaluateTemplate(v, scopeFor(stepEnv))]),
      );
      rec.inputs = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, masks.apply(v)]));
      hooks.onStepStart?.(rec, index, job.steps.length);
      const started = elapsed();
      rec.startMs = started;
      // A step that starts after the cancel asked to run anyway: it is not cancelled again.
      const stepAbort = new AbortController();
      const forward = () => stepAbort.abort();
      if (!signal.aborted) signal.addEventListener('abort', forward, { once: true });
      const result = await carryOut(
        world,
        {
          job,
          step,
          inputs,
          script:
            step.run === undefined ? undefined : evaluateTemplate(step.run, scopeFor(stepEnv)),
          env: {
            ...stepEnv,
            PATH: [...extraPath, world.baseEnv(job).PATH ?? ''].filter(Boolean).join(':'),
          },
          workspace,
          signal: stepAbort.signal,
        },
        rec,
      ).finally(() => signal.removeEventListener('abort', forward));
      const run = result.run;
      settle(rec, result.kind, run, masks, elapsed() - started);
      const continueOnError =
        typeof step.continueOnError === 'boolean'
          ? step.continueOnError
          : truthyText(evaluateTemplate(step.continueOnError, scopeFor(stepEnv)));
      rec.conclusion = rec.outcome === 'failure' && continueOnError ? 'success' : rec.outcome;
      if (rec.conclusion === 'failure') status = 'failure';
      Object.assign(exported, run.exportedEnv ?? {});
      extraPath.unshift(...[...(run.path ?? [])].reverse());
    }
    steps[step.id] = { outputs: rec.outputs, outcome: rec.outcome, conclusion: rec.conclusion };
    record.steps.push(rec);
    hooks.onStepEnd?.(rec, index, job.steps.length);
    if (runsNow) await hooks.afterStep?.(job, rec, control);
  }
  record.result = signal.aborted ? 'cancelled' : status;
  const outScope = scopeFor({ ...exported, ...jobEnv });
  record.outputs = Object.fromEntries(
    Object.entries(job.outputs).map(([k, v]) => [k, evaluateTemplate(v, outScope)]),
  );
}

/** Runs the step through the world; a step that cannot even start fails like one that exited non-zero. */
async function carryOut(
  world: World,
  ctx: StepContext,
  rec: StepRecord,
): Promise<{ kind: StepKind; run: StepRun }> {
  try {
    return await world.runStep(ctx, rec.notes);
  } catch (err) {
    return {
      kind: rec.kind,
      run: {
        exitCode: null,
        log: `::error::${err instanceof Error ? err.message : String(err)}\n`,
        outputs: {},
        summary: '',
      },
    };
  }
}

/** What the run of a step leaves in its record: outputs, the log as the viewer shows it, the outcome. */
function settle(rec: StepRecord, kind: StepKind, run: StepRun, masks: MaskSet, durationMs: number) {
  rec.kind = kind;
  rec.durationMs = durationMs;
  rec.exitCode = run.exitCode;
  rec.outputs = run.outputs;
  rec.log = parseStepLog(run.log, masks);
  rec.annotations = annotationsOf(rec.log);
  rec.summary = masks.apply(run.summary);
  rec.outcome = run.cancelled ? 'cancelled' : run.exitCode === 0 ? 'success' : 'failure';
}
