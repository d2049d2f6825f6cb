// Which changes go to which file, and every file edited in memory: nothing is written while any
// file has a problem, and one error lists them all with file:line:column.
import path from 'node:path';
import { ActionError, InputError } from '@cicd-actions/core';
import { editYaml, YamlEditError, type AppliedEdit, type ChangeSpec } from './edit';
import { normalizeFileKey } from './changes';
import { unifiedDiff } from './diff';
import { readText, writeAtomically } from './files';
import type { BumpInputs } from './inputs';
import type { JsonScalar } from './scalar';
import { showHelm } from './helm-read';

export interface FilePlan {
  file: string;
  changes: ChangeSpec[];
}

export interface FileOutcome {
  file: string;
  before: string;
  after: string;
  edits: AppliedEdit[];
  warnings: string[];
  notices: string[];
}

const MAX_LISTED_PROBLEMS = 5;

/** Pairs each file with its changes; with per-file JSON both sides must name the same files. */
export function planFiles(changes: BumpInputs['changes'], files: string[]): FilePlan[] {
  if (changes.kind === 'all') return files.map((file) => ({ file, changes: changes.changes }));
  const missing = files.filter((f) => !changes.files.has(normalizeFileKey(f)));
  if (missing.length)
    throw new InputError(
      'changes-json',
      `has no entry for ${missing.map((f) => `'${f}'`).join(', ')}, which files matched`,
    );
  const extra = [...changes.files.keys()].filter(
    (k) => !files.some((f) => normalizeFileKey(f) === k),
  );
  if (extra.length)
    throw new InputError(
      'changes-json',
      `names ${extra.map((f) => `'${f}'`).join(', ')}, which files did not match`,
    );
  return files.map((file) => ({ file, changes: changes.files.get(normalizeFileKey(file))! }));
}

/** Reads and edits every file in memory; throws one error listing every problem, with file:line:column. */
export async function editAll(
  cwd: string,
  plans: FilePlan[],
  cfg: BumpInputs,
  when = '',
  read: (file: string) => Promise<string> = (file) => readText(path.resolve(cwd, file)),
): Promise<FileOutcome[]> {
  const problems: string[] = [];
  const outcomes: FileOutcome[] = [];
  for (const plan of plans) {
    let before: string;
    try {
      before = await read(plan.file);
    } catch (err) {
      problems.push(`${plan.file}: cannot read: ${(err as Error).message}`);
      continue;
    }
    try {
      const r = editYaml(before, plan.changes, {
        valueType: cfg.valueType,
        createMissing: cfg.createMissing,
        allowAnchors: cfg.allowAnchors,
      });
      outcomes.push({
        file: plan.file,
        before,
        after: r.text,
        edits: r.edits,
        warnings: r.warnings,
        notices: r.notices,
      });
    } catch (err) {
      if (!(err instanceof YamlEditError)) throw err;
      for (const p of err.problems)
        problems.push(`${plan.file}${p.line ? `:${p.line}:${p.col}` : ''}: ${p.message}`);
    }
  }
  if (problems.length) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).join('; ');
    const more =
      problems.length > MAX_LISTED_PROBLEMS
        ? `; and ${problems.length - MAX_LISTED_PROBLEMS} more`
        : '';
    throw new ActionError(`${listed}${more} — no file was changed${when}`);
  }
  return outcomes;
}

/** Writes the files whose text changed (each atomically); returns their names. */
export async function writeChanged(cwd: string, outcomes: FileOutcome[]): Promise<string[]> {
  const changed = outcomes.filter((o) => o.after !== o.before);
  for (const o of changed) await writeAtomically(path.resolve(cwd, o.file), o.after);
  return changed.map((o) => o.file);
}

/** A value as Helm reads it (16.1, true), a string that would read as another type in quotes ("16.10"). */
export function show(v: JsonScalar | undefined): string {
  return showHelm(v);
}

/** An edit's new value for a person: `removed` for a key taken out again. */
export function showNew(e: AppliedEdit): string {
  return e.removed ? '(removed)' : show(e.newValue);
}

/** Edits that change something, one per path (documents of one file share the value). */
export function effectiveEdits(
  outcomes: FileOutcome[],
): Array<{ file: string; edit: AppliedEdit }> {
  const seen = new Set<string>();
  const out: Array<{ file: string; edit: AppliedEdit }> = [];
  for (const o of outcomes) {
    for (const e of o.edits) {
      const key = `${o.file}\0${e.pathText}`;
      const noop = e.removed ? e.line === 0 : e.oldText === e.newText && !e.created;
      if (seen.has(key) || noop) continue;
      seen.add(key);
      out.push({ file: o.file, edit: e });
    }
  }
  return out;
}

/** The unified diff of every file that changed. */
export function diffOf(outcomes: FileOutcome[]): string {
  return outcomes.map((o) => unifiedDiff(o.before, o.after, o.file)).join('');
}
