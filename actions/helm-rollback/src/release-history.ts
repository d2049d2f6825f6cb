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
    if (!GOOD_STATUSES.includes(target.status))
      notes.push(
        `Revision ${explicit} was requested explicitly although its status is ${target.status}.`,
      );
    return { current, target, reason: `revision ${explicit} was requested`, notes };
  }

  const candidates = sorted.filter(
    (e) => e.revision < current.revision && GOOD_STATUSES.includes(e.status),
  );
  const target = candidates[candidates.length - 1];
  if (!target) {
    const seen = sorted.map((e) => `${e.revision} ${e.status}`).join(', ');
    // A first install that never finished has no past to return to; Helm's way out is uninstalling it.
    const hint =
      current.status === 'pending-install' || (current.status === 'failed' && sorted.length === 1)
        ? `; it was never installed successfully — 'helm uninstall ${release}' clears it`
        : '';
    throw new ActionError(
      `No earlier good revision of '${release}' to roll back to: no revision before ${current.revision} is deployed or superseded (history: ${seen})${hint}`,
    );
  }
  const skipped = sorted.filter(
    (e) => e.revision > target.revision && e.revision < current.revision,
  );
  const reason = skipped.length
    ? `newest good revision before ${current.revision}; skipped ${skipped.map((e) => `${e.revision} (${e.status})`).join(', ')}`
    : `newest good revision before ${current.revision}`;
  return { current, target, reason, notes };
}
