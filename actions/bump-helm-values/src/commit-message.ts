// The commit message when the commit-message input gives none: the keys and their new values in
// the subject, one line per file and key (old → new) in the body.
import { effectiveEdits, show, showNew, type FileOutcome } from './plan';

export function defaultCommitMessage(outcomes: FileOutcome[]): string {
  const edits = effectiveEdits(outcomes);
  const byPath = new Map<string, string>();
  for (const { edit } of edits)
    if (!byPath.has(edit.pathText)) byPath.set(edit.pathText, showNew(edit));
  const values = new Set(byPath.values());
  const subject =
    values.size === 1
      ? `chore: update ${[...byPath.keys()].join(', ')} to ${[...values][0]}`
      : `chore: update ${[...byPath].map(([p, v]) => `${p} to ${v}`).join(', ')}`;
  const body = edits
    .map(
      ({ file, edit }) =>
        `- ${file}: ${edit.pathText} ${edit.created ? '(new)' : show(edit.oldValue)} → ${showNew(edit)}`,
    )
    .join('\n');
  return `${subject}\n\n${body}`;
}
