// Policy checks on workflow files, beyond syntax (which GitHub's language service and actionlint
// judge): pinning with version comments, and permissions on every job.
import { parse as parseYaml } from 'yaml';
import { OUR_PIN, OUR_REPOSITORY } from './pins';

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
 * comment saying which release that SHA is (what Dependabot reads and updates). Ours carry the
 * placeholder of pins.ts until the release exists. Local actions (`./…`) and docker:// are exempt.
 */
export function pinningProblems(text: string): string[] {
  const problems: string[] = [];
  for (const u of usesLines(text)) {
    if (u.ref.startsWith('./') || u.ref.startsWith('docker://')) continue;
    const at = u.ref.lastIndexOf('@');
    const sha = at > 0 ? u.ref.slice(at + 1) : '';
    const ours = u.ref.startsWith(`${OUR_REPOSITORY}/`) && sha === OUR_PIN.ref;
    if (!ours && !/^[0-9a-f]{40}$/.test(sha))
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
