// The engine's vocabulary: what a step run produces, the records of steps, jobs and the run, and
// the two things the engine is handed — the World (how steps are carried out on this machine)
// and the hooks (the terminal view and the scenario's levers).
import type { Annotation, LogLine } from '../job-log';
import type { JobDef, StepDef } from './model';

export type Conclusion = 'success' | 'failure' | 'cancelled' | 'skipped';

/** What running one step produced. */
export interface StepRun {
  exitCode: number | null;
  /** Everything the step printed (workflow commands included), stdout then stderr. */
  log: string;
  outputs: Record<string, string>;
  summary: string;
  exportedEnv?: Record<string, string>;
  path?: string[];
  /** True when the step ended because the run was cancelled. */
  cancelled?: boolean;
}

/** How a step is carried out on this machine, said in the log and the summary. */
export type StepKind = 'action' | 'run' | 'stand-in';

export interface StepRecord {
  jobId: string;
  id: string;
  name: string;
  /** `uses: …` or `run: …` as the workflow writes it. */
  runs: string;
  kind: StepKind;
  /** The `if:` expression (success() when the workflow gives none). */
  condition: string;
  outcome: Conclusion;
  conclusion: Conclusion;
  inputs: Record<string, string>;
  outputs: Record<string, string>;
  /** Where this machine differs from GitHub for the step: stand-ins, redirected endpoints. */
  notes: string[];
  summary: string;
  log: LogLine[];
  annotations: Annotation[];
  exitCode: number | null;
  /** Milliseconds since the run started. */
  startMs: number;
  durationMs: number;
}

export interface JobRecord {
  id: string;
  name: string;
  result: Conclusion;
  /** Set when the job as a whole cannot run here (what stands in for it instead). */
  standIn?: string;
  outputs: Record<string, string>;
  steps: StepRecord[];
  startMs: number;
  durationMs: number;
}

export interface RunResult {
  workflow: string;
  jobs: JobRecord[];
  /** The run's conclusion: cancelled if it was, failure if a job failed, else success. */
  status: Conclusion;
  durationMs: number;
}

export interface StepContext {
  job: JobDef;
  step: StepDef;
  inputs: Record<string, string>;
  /** The run: script with its expressions evaluated (what bash gets). */
  script?: string;
  env: Record<string, string>;
  workspace: string;
  /** Aborted when the run is cancelled while this step runs. */
  signal: AbortSignal;
}

export interface World {
  /** The `github` context (and the GITHUB_* variables derived from it). */
  github: Record<string, unknown>;
  secrets: Record<string, string>;
  vars: Record<string, string>;
  inputs: Record<string, string>;
  /** The variables every step starts from (PATH with the runner image's tools, HOME, …). */
  baseEnv(job: JobDef): Record<string, string>;
  workspace(job: JobDef): string;
  runnerTemp(job: JobDef): string;
  /** A job that cannot run here at all: why, and the outputs that stand in for its own. */
  standInJob?(job: JobDef): { reason: string; outputs?: Record<string, string> } | undefined;
  /** Carries out a step; `notes` gets a line for anything that differs from GitHub. */
  runStep(ctx: StepContext, notes: string[]): Promise<{ kind: StepKind; run: StepRun }>;
}

export interface EngineHooks {
  onJobStart?(job: JobDef, standIn?: string): void;
  onStepStart?(record: StepRecord, index: number, total: number): void;
  onStepEnd?(record: StepRecord, index: number, total: number): void;
  onJobEnd?(record: JobRecord): void;
  /** Scenario hooks: change the world right before or after a step. */
  beforeStep?(job: JobDef, step: StepDef, run: RunControl): Promise<void> | void;
  afterStep?(job: JobDef, record: StepRecord, run: RunControl): Promise<void> | void;
}

export interface RunControl {
  /** Cancels the run, as the Cancel button does. */
  cancel(): void;
  readonly cancelled: boolean;
}
