// A release's history as `helm history -o json` prints it, and the choice of the revision to
// roll back to.
import { ActionError } from '@cicd-actions/core/errors';

/** The statuses Helm stores (pkg/release status.go). */
export const RELEASE_STATUSES = [
  'unknown',
  'deployed',
  'uninstalled',
  'superseded',
  'failed',
  'uninstalling',
  'pending-install',
  'pending-upgrade',
  'pending-rollback',
] as const;

/** A revision that ran to completion: what Helm's own auto-rollback (`--atomic`) goes back to. */
export const GOOD_STATUSES: readonly string[] = ['deployed', 'superseded'];
/** An operation that never finished (the client died or timed out); a rollback clears it. */
export const PENDING_STATUSES: readonly string[] = [
  'pending-install',
  'pending-upgrade',
  'pending-rollback',
];

/** One row of `helm history -o json`, with Helm's own keys. */
export interface HistoryEntry {
  revision: number;
  updated: string;
  status: string;
  chart: string;
  app_version: string;
  description: string;
}

/** Parses `helm history -o json`; sorted by revision, oldest first. */
export function parseHistory(json: string): HistoryEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new ActionError(
      `helm history printed something that is not JSON: ${json.trim().slice(0, 120)}`,
    );
  }
  if (!Array.isArray(data))
    throw new ActionError('helm history -o json did not print a JSON array');
  const entries = data.map((raw, i): HistoryEntry => {
    const r = (raw ?? {}) as Record<string, unknown>;
    const revision = Number(r.revision);
    if (!Number.isSafeInteger(revision) || revision < 1)
      throw new ActionError(`helm history entry ${i + 1} has no valid revision`);
    return {
      revision,
      updated: text(r.updated),
      status: text(r.status) || 'unknown',
      chart: text(r.chart),
      app_version: text(r.app_version),
      description: text(r.description),
    };
  });
  return entries.sort((a, b) => a.revision - b.revision);
}

function text(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

/** `Rollback to 3` (Helm's description of a rollback revision): the revision it restored. */
export function rollbackSource(entry: HistoryEntry): number | undefined {
  const m = /^Rollback to (\d+)\b/.exec(entry.description.trim());
  return m ? Number(m[1]) : undefined;
}

/**
 * The revisions that must never be rolled back to, each with why: failed ones; every revision a
 * later rollback moved away from (the one current just before a `Rollback to N` revision); and a
 * rollback revision that restored one of those. Revisions are numbered one by one, so the
 * revision a rollback R moved away from is R - 1 (when --history-max has not pruned it).
 */
export function badRevisions(history: readonly HistoryEntry[]): Map<number, string> {
  const sorted = [...history].sort((a, b) => a.revision - b.revision);
  const bad = new Map<number, string>();
  const byRevision = new Map(sorted.map((e) => [e.revision, e]));
  for (const e of sorted) if (e.status === 'failed') bad.set(e.revision, 'failed');
  for (const e of sorted) {
    if (rollbackSource(e) === undefined) continue;
    const away = byRevision.get(e.revision - 1);
    if (away && !bad.has(away.revision))
      bad.set(away.revision, `rolled back from by ${e.revision}`);
  }
  // Oldest first, so that a copy of a copy of a bad revision is found too.
  for (const e of sorted) {
    const source = rollbackSource(e);
    if (source !== undefined && bad.has(source) && !bad.has(e.revision))
      bad.set(e.revision, `a copy of ${source}, which is bad`);
  }
  return bad;
}

/** Whether a rollback keyed to `failedRevision` (the revision a deploy created) is needed. */
export type RollbackNeed =
  | { needed: true; current: HistoryEntry }
  | { needed: false; current?: HistoryEntry; reason: string };

/**
 * A rollback keyed to the revision the deploy created happens only while that revision is the
 * release's current one. `undefined` means the deploy created none (its `revision` output was empty).
 */
export function rollbackNeed(
  history: readonly HistoryEntry[],
  release: string,
  failedRevision: number | undefined,
): RollbackNeed {
  const sorted = [...history].sort((a, b) => a.revision - b.revision);
  const current = sorted[sorted.length - 1];
  if (!current)
    return {
      needed: false,
      reason: `release '${release}' has no history: there is nothing the deploy could have changed`,
    };
  const at = `the release is at revision ${current.revision} (${current.status}${current.description ? `, "${current.description}"` : ''})`;
  if (failedRevision === undefined)
    return {
      needed: false,
      current,
      reason: `the deploy created no revision (failed-revision is empty), so it changed nothing to undo; ${at}`,
    };
  if (failedRevision === current.revision) return { needed: true, current };
  if (failedRevision > current.revision)
    return {
      needed: false,
      current,
      reason: `revision ${failedRevision} does not exist: the upgrade never created it; ${at}`,
    };
  const later = sorted.filter((e) => e.revision > failedRevision);
  const rollback = later.find((e) => rollbackSource(e) !== undefined);
  return {
    needed: false,
    current,
    reason: rollback
      ? `revision ${failedRevision} was already rolled back by revision ${rollback.revision} ("${rollback.description}"); ${at}`
      : `revision ${failedRevision} is no longer current: someone deployed since; ${at}`,
  };
}

export interface RollbackPlan {
  current: HistoryEntry;
  target: HistoryEntry;
  /** Why this target, for the log. */
  reason: string;
  /** Things the user should know (a pending release, a target that is not a good one). */
  notes: string[];
}

/**
 * The revision to roll back to. Without `explicit`: the newest revision older than the current
 * one whose status is deployed or superseded. Never 0: Helm's "previous" is N-1 even when N-1 failed.
 */
export function selectRollbackTarget(
  history: readonly HistoryEntry[],
  release: string,
  explicit?: number,
): RollbackPlan {
  if (history.length === 0)
    throw new ActionError(`Release '${release}' not found: it has no history`);
  const sorted = [...history].sort((a, b) => a.revision - b.revision);
  const current = sorted[sorted.length - 1];
  const notes: string[] = [];
  if (PENDING_STATUSES.includes(current.status)) {
    notes.push(
      `Release '${release}' is stuck in ${current.status} at revision ${current.revision} (an operation that never finished); rolling back is the standard way out.`,
    );
  }

  if (explicit !== undefined) {
    if (explicit === current.revision)
      throw new ActionError(
        `Revision ${explicit} is the current revision of '${release}'; nothing to roll back to`,
      );
    if (explicit > current.revision)
      throw new ActionError(
        `Revision ${explicit} is newer than the current revision ${current.revision} of '${release}'`,
      );
    const target = sorted.find((e) => e.revision === explicit);
    if (!target) {
      throw new ActionError(
        `Revision ${explicit} of '${release}' is not in its history (kept: ${sorted.map((e) => e.revision).join(', ')}); Helm prunes old revisions beyond --history-max`,
      );
    }
    const why = badRevisions(sorted).get(explicit);
    if (!GOOD_STATUSES.includes(target.status) || why)
      notes.push(
        `Revision ${explicit} was requested explicitly although it is ${why ?? target.status}.`,
      );
    return { current, target, reason: `revision ${explicit} was requested`, notes };
  }

  const bad = badRevisions(sorted);
  const candidates = sorted.filter(
    (e) =>
      e.revision < current.revision && GOOD_STATUSES.includes(e.status) && !bad.has(e.revision),
  );
  const target = candidates[candidates.length - 1];
  if (!target) {
    const seen = sorted
      .map(
        (e) => `${e.revision} ${e.status}${bad.has(e.revision) ? ` (${bad.get(e.revision)})` : ''}`,
      )
      .join(', ');
    // A first install that never finished has no past to return to; Helm's way out is uninstalling it.
    const hint =
      current.status === 'pending-install' || (current.status === 'failed' && sorted.length === 1)
        ? `; it was never installed successfully — 'helm uninstall ${release}' clears it`
        : '';
    throw new ActionError(
      `No earlier good revision of '${release}' to roll back to: no revision before ${current.revision} is deployed or superseded without a later rollback away from it (history: ${seen})${hint}`,
    );
  }
  const skipped = sorted.filter(
    (e) => e.revision > target.revision && e.revision < current.revision,
  );
  const reason = skipped.length
    ? `newest good revision before ${current.revision}; skipped ${skipped.map((e) => `${e.revision} (${bad.get(e.revision) ?? e.status})`).join(', ')}`
    : `newest good revision before ${current.revision}`;
  return { current, target, reason, notes };
}
