// A deploy job played like the runner plays one: steps in order, each gated by its `if:`
// (success() / failure() / always()), a failed step turning the job red, and later steps reading
// earlier steps' outputs (`steps.<id>.outputs.<name>`).
import {
  annotationsOf,
  parseStepLog,
  type Annotation,
  type LogLine,
  type MaskSet,
} from './job-log';

export type Condition = 'success' | 'failure' | 'always';
export type Conclusion = 'success' | 'failure' | 'skipped';

export interface StepRecord {
  id: string;
  name: string;
  /** What the step runs, as a workflow shows it: `uses: …` or `run: …`. */
  runs: string;
  condition: Condition;
  conclusion: Conclusion;
  inputs: Record<string, string>;
  outputs: Record<string, string>;
  summary: string;
  log: LogLine[];
  annotations: Annotation[];
  exitCode: number | null;
  /** Milliseconds since the job started. */
  startMs: number;
  durationMs: number;
}

export interface JobContext {
  /** Outputs of an earlier step; '' for any output a step did not set, as in expressions. */
  output(stepId: string, name: string): string;
  conclusion(stepId: string): Conclusion | undefined;
  /** The job's status so far: failure once any step failed. */
  readonly status: 'success' | 'failure';
}

/** What running a step produced (a bundled action through the harness, or an in-process run: step). */
export interface StepRun {
  exitCode: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface ActionStep {
  id: string;
  name: string;
  if?: Condition;
  /** The action's directory name under actions/. */
  uses: string;
  with?: (ctx: JobContext) => Record<string, string>;
  env?: (ctx: JobContext) => Record<string, string>;
  /** Working directory (the runner's GITHUB_WORKSPACE); the job's default when unset. */
  workspace?: string;
}

export interface ScriptStep {
  id: string;
  name: string;
  if?: Condition;
  /** The shell the equivalent workflow step would run (shown in the log). */
  script: string;
  run: (ctx: JobContext) => Promise<StepRun>;
}

export type StepDefinition = ActionStep | ScriptStep;

export interface ActionInvoker {
  (
    action: string,
    inputs: Record<string, string>,
    env: Record<string, string>,
    workspace?: string,
  ): Promise<StepRun>;
}

export interface JobResult {
  status: 'success' | 'failure';
  steps: StepRecord[];
  durationMs: number;
}

export interface JobHooks {
  onStepStart?(step: StepDefinition, index: number, inputs: Record<string, string>): void;
  onStepEnd?(record: StepRecord, index: number): void;
}

export async function runJob(
  steps: StepDefinition[],
  invoke: ActionInvoker,
  masks: MaskSet,
  hooks: JobHooks = {},
  now = () => performance.now(),
): Promise<JobResult> {
  const t0 = now();
  const records = new Map<string, StepRecord>();
  let status: 'success' | 'failure' = 'success';
  const ctx: JobContext = {
    output: (id, name) => records.get(id)?.outputs[name] ?? '',
    conclusion: (id) => records.get(id)?.conclusion,
    get status() {
      return status;
    },
  };
  const done: StepRecord[] = [];
  for (const [index, step] of steps.entries()) {
    const condition = step.if ?? 'success';
    const runs = 'uses' in step ? `uses: ${step.uses}` : `run: ${step.script}`;
    const record: StepRecord = {
      id: step.id,
      name: step.name,
      runs,
      condition,
      conclusion: 'skipped',
      inputs: {},
      outputs: {},
      summary: '',
      log: [],
      annotations: [],
      exitCode: null,
      startMs: now() - t0,
      durationMs: 0,
    };
    const runsNow = condition === 'always' || condition === status;
    if (runsNow) {
      const inputs = 'uses' in step ? (step.with?.(ctx) ?? {}) : {};
      // The log and the report show inputs as the runner does: with every known secret masked.
      record.inputs = Object.fromEntries(
        Object.entries(inputs).map(([k, v]) => [k, masks.apply(v)]),
      );
      hooks.onStepStart?.(step, index, record.inputs);
      const started = now();
      let result: StepRun;
      try {
        result =
          'uses' in step
            ? await invoke(step.uses, inputs, step.env?.(ctx) ?? {}, step.workspace)
            : await step.run(ctx);
      } catch (err) {
        // A step that could not even be started fails like one that exited non-zero.
        result = {
          exitCode: null,
          stdout: `::error::${err instanceof Error ? err.message : String(err)}\n`,
          outputs: {},
          summary: '',
        };
      }
      record.durationMs = now() - started;
      record.startMs = started - t0;
      record.exitCode = result.exitCode;
      record.outputs = result.outputs;
      record.log = parseStepLog(result.stdout, masks);
      record.annotations = annotationsOf(record.log);
      record.summary = masks.apply(result.summary);
      record.conclusion = result.exitCode === 0 ? 'success' : 'failure';
      if (record.conclusion === 'failure') status = 'failure';
    }
    records.set(step.id, record);
    done.push(record);
    hooks.onStepEnd?.(record, index);
  }
  return { status, steps: done, durationMs: now() - t0 };
}
