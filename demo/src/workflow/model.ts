// Reads a workflow file into what the engine plays. The structure — jobs, needs, step ids
// (generated ones included), `if:` conditions with the implied success(), continue-on-error —
// comes from GitHub's own parser (@actions/workflow-parser), which also reports schema errors.
// String values (with:, env:, run:, outputs:) are read with the yaml library the parser uses:
// the parser keeps a block scalar's raw source (indentation, final newline) in its expression
// tokens for editor positions, while the runner evaluates the scalar's value.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow,
} from '@actions/workflow-parser';
import { parse as parseYaml } from 'yaml';

export interface StepDef {
  /** The step's id, or the parser's generated one (`__actions_checkout`, `__run_2`, …). */
  id: string;
  /** What the runner's log calls the step: `name:`, else `Run <uses or first line of run>`. */
  name: string;
  /** The condition as an expression, with success() added when it calls no status function. */
  if: string;
  uses?: string;
  run?: string;
  shell?: string;
  workingDirectory?: string;
  with: Record<string, string>;
  env: Record<string, string>;
  /** true/false, or an expression to evaluate. */
  continueOnError: boolean | string;
  timeoutMinutes?: number;
}

export interface JobDef {
  id: string;
  name: string;
  needs: string[];
  if: string;
  env: Record<string, string>;
  outputs: Record<string, string>;
  permissions: unknown;
  services: string[];
  steps: StepDef[];
}

export interface WorkflowDef {
  file: string;
  name: string;
  env: Record<string, string>;
  jobs: JobDef[];
}

type Raw = Record<string, unknown>;

const strings = (value: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries((value ?? {}) as Raw).map(([k, v]) => [k, v === null ? '' : String(v)]),
  );

/** Parses `file` (relative to `root`); throws with the parser's messages when the file is invalid. */
export async function loadWorkflow(root: string, file: string): Promise<WorkflowDef> {
  const content = readFileSync(path.join(root, file), 'utf8');
  const parsed = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors();
  if (errors.length || !parsed.value)
    throw new Error(`${file} is not a valid workflow:\n${errors.map((e) => e.message).join('\n')}`);
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  const templateErrors = parsed.context.errors.getErrors();
  if (templateErrors.length)
    throw new Error(`${file}: ${templateErrors.map((e) => e.message).join('\n')}`);
  const raw = parseYaml(content) as Raw & { jobs: Record<string, Raw> };

  const jobs: JobDef[] = template.jobs.map((job) => {
    if (job.type !== 'job')
      throw new Error(`${file}: job ${job.id.value} calls a reusable workflow`);
    const rawJob = raw.jobs[job.id.value];
    const rawSteps = (rawJob.steps ?? []) as Raw[];
    const services = Object.values((rawJob.services ?? {}) as Record<string, Raw>).map((s) =>
      String(s.image ?? ''),
    );
    return {
      id: job.id.value,
      name: String(rawJob.name ?? job.id.value),
      needs: (job.needs ?? []).map((n) => n.value),
      if: job.if.expression,
      env: strings(rawJob.env),
      outputs: strings(rawJob.outputs),
      permissions: rawJob.permissions,
      services,
      steps: job.steps.map((step, i): StepDef => {
        const r = rawSteps[i];
        if (!('uses' in step) && !('run' in step))
          throw new Error(`${file}: step ${step.id} is neither uses: nor run:`);
        const uses = typeof r.uses === 'string' ? r.uses : undefined;
        const run = typeof r.run === 'string' ? r.run : undefined;
        const coe = step['continue-on-error'];
        return {
          id: step.id,
          name:
            typeof r.name === 'string'
              ? r.name
              : `Run ${uses ?? (run ?? '').trim().split('\n')[0]}`,
          if: step.if?.expression ?? 'success()',
          uses,
          run,
          shell: typeof r.shell === 'string' ? r.shell : undefined,
          workingDirectory:
            typeof r['working-directory'] === 'string' ? r['working-directory'] : undefined,
          with: strings(r.with),
          env: strings(r.env),
          continueOnError:
            typeof coe === 'boolean' ? coe : coe ? String(r['continue-on-error']) : false,
          timeoutMinutes:
            typeof r['timeout-minutes'] === 'number' ? r['timeout-minutes'] : undefined,
        };
      }),
    };
  });
  return { file, name: String(raw.name ?? file), env: strings(raw.env), jobs };
}
