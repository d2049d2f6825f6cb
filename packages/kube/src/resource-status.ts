// When a GitOps or batch resource is done, or has failed, read from the status its own controller
// writes (each rule cites the controller's semantics; actions/wait-rollout/README.md lists them):
// Argo CD Applications, Argo Rollouts, Flux HelmReleases and Kustomizations, batch/v1 Jobs.
import type { Condition, ObjectMeta } from './rollout-status';

export type ResourceKind = 'Application' | 'Rollout' | 'HelmRelease' | 'Kustomization' | 'Job';

export interface ResourceKindInfo {
  kind: ResourceKind;
  group: string;
  plural: string;
  /** Found by discovery when the group serves several (custom resources). */
  versionHint: string;
}

export const RESOURCE_KINDS: Record<ResourceKind, ResourceKindInfo> = {
  Application: {
    kind: 'Application',
    group: 'argoproj.io',
    plural: 'applications',
    versionHint: 'v1alpha1',
  },
  Rollout: { kind: 'Rollout', group: 'argoproj.io', plural: 'rollouts', versionHint: 'v1alpha1' },
  HelmRelease: {
    kind: 'HelmRelease',
    group: 'helm.toolkit.fluxcd.io',
    plural: 'helmreleases',
    versionHint: 'v2',
  },
  Kustomization: {
    kind: 'Kustomization',
    group: 'kustomize.toolkit.fluxcd.io',
    plural: 'kustomizations',
    versionHint: 'v1',
  },
  Job: { kind: 'Job', group: 'batch', plural: 'jobs', versionHint: 'v1' },
};

// Singular, plural, short and qualified names, as `kubectl api-resources` lists them.
const ALIASES: Record<string, ResourceKind> = {
  application: 'Application',
  applications: 'Application',
  app: 'Application',
  rollout: 'Rollout',
  rollouts: 'Rollout',
  ro: 'Rollout',
  helmrelease: 'HelmRelease',
  helmreleases: 'HelmRelease',
  hr: 'HelmRelease',
  kustomization: 'Kustomization',
  kustomizations: 'Kustomization',
  ks: 'Kustomization',
  job: 'Job',
  jobs: 'Job',
};

/** `application`, `applications.argoproj.io`, `hr`, `jobs.batch` → the kind; undefined otherwise. */
export function parseResourceKind(text: string): ResourceKind | undefined {
  const lower = text.trim().toLowerCase();
  const dot = lower.indexOf('.');
  const name = dot < 0 ? lower : lower.slice(0, dot);
  if (!Object.hasOwn(ALIASES, name)) return undefined;
  const kind = ALIASES[name];
  if (dot >= 0) {
    // `applications.argoproj.io` or `applications.v1alpha1.argoproj.io`
    const rest = lower.slice(dot + 1);
    const group = RESOURCE_KINDS[kind].group;
    if (rest !== group && !new RegExp(`^v[0-9a-z]+\\.${group.replace(/\./g, '\\.')}$`).test(rest))
      return undefined;
  }
  return kind;
}

export interface CustomObject {
  metadata?: ObjectMeta & { deletionTimestamp?: string };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  operation?: unknown;
}

export interface ResourceJudgement {
  done: boolean;
  failed?: boolean;
  /** A short cause: Degraded, SyncFailed, Aborted, BackoffLimitExceeded, ... */
  reason?: string;
  /** The progress line, or why it is done or failed. */
  message: string;
  /** More lines for the error and the summary (failing resources, pod reasons). */
  details?: string[];
  /** The revision the resource is at (Argo CD's sync revision, Flux's applied revision). */
  revision?: string;
}

export interface JudgeOptions {
  /** A commit SHA or a prefix of ≥ 7 hex characters the resource must have reached. */
  revision?: string;
  /** Argo Rollouts: a canary paused at a pause step counts as done. */
  acceptPaused?: boolean;
  /** When the wait started (ISO-comparable ms): older failed operations do not count. */
  startedAt?: number;
}

const short = (rev: string | undefined) =>
  rev ? (/^[0-9a-f]{40}$/i.test(rev) ? rev.slice(0, 7) : rev) : '(none)';

/**
 * Whether a revision string is at the wanted SHA: a SHA, `main@sha1:<sha>`, `main/<sha>`, or a
 * chart version with the commit appended (`1.4.2+<12 hex>`, what source-controller makes of a
 * Git chart with reconcileStrategy Revision). Either may be the shorter: a wanted prefix of 7 or
 * more matches the full SHA, and the wanted full SHA matches an appended one of 12 or more.
 */
export function revisionMatches(actual: string | undefined, wanted: string): boolean {
  if (!actual) return false;
  const w = wanted.toLowerCase();
  const a = actual.toLowerCase();
  if (a === w) return true;
  const sha = /(?:^|[^0-9a-f])([0-9a-f]{7,64})$/.exec(a.split(/[:/@]/).pop() ?? '')?.[1];
  return sha !== undefined && (sha.startsWith(w) || (sha.length >= 12 && w.startsWith(sha)));
}

const cond = (obj: CustomObject, type: string): Condition | undefined =>
  ((obj.status?.conditions as Condition[] | undefined) ?? []).find((c) => c.type === type);

const quote = (s: string) => JSON.stringify(s);

// ---------------------------------------------------------------------------------------------
// Argo CD Application (argoproj.io/v1alpha1). Argo CD's controller writes status.sync
// {status: Synced|OutOfSync|Unknown, revision, revisions[] (multi-source)}, status.health
// {status: Healthy|Progressing|Degraded|Suspended|Missing|Unknown, message}, and, for a sync,
// status.operationState {phase: Running|Terminating|Succeeded|Failed|Error, message,
// syncResult {revision, revisions, resources[] {kind, name, status: Synced|SyncFailed, hookPhase,
// message}}}; a requested operation is the top-level `operation` field until it starts.

interface ArgoStatus {
  sync?: { status?: string; revision?: string; revisions?: string[] };
  health?: { status?: string; message?: string };
  operationState?: {
    phase?: string;
    message?: string;
    finishedAt?: string;
    operation?: { sync?: { revision?: string; revisions?: string[] } };
    syncResult?: {
      revision?: string;
      revisions?: string[];
      resources?: Array<{
        kind?: string;
        name?: string;
        namespace?: string;
        status?: string;
        hookPhase?: string;
        message?: string;
      }>;
    };
  };
  resources?: Array<{
    kind?: string;
    name?: string;
    health?: { status?: string; message?: string };
  }>;
}

export function applicationStatus(obj: CustomObject, o: JudgeOptions = {}): ResourceJudgement {
  const st = (obj.status ?? {}) as ArgoStatus;
  const syncStatus = st.sync?.status ?? 'Unknown';
  const health = st.health?.status ?? 'Unknown';
  const revisions = [st.sync?.revision, ...(st.sync?.revisions ?? [])].filter(
    (r): r is string => !!r,
  );
  // The app's source revision, or each source's of a multi-source app; in messages each SHA as 7.
  const sources = st.sync?.revision ? [st.sync.revision] : (st.sync?.revisions ?? []);
  const current = sources.join(', ') || undefined;
  const shown = sources.length ? sources.map(short).join(', ') : short(undefined);
  const atRevision = !o.revision || revisions.some((r) => revisionMatches(r, o.revision!));
  const op = st.operationState;
  const opRevisions = [
    op?.syncResult?.revision,
    ...(op?.syncResult?.revisions ?? []),
    op?.operation?.sync?.revision,
    ...(op?.operation?.sync?.revisions ?? []),
  ].filter((r): r is string => !!r);
  const opForUs = o.revision
    ? opRevisions.some((r) => revisionMatches(r, o.revision!))
    : op?.finishedAt !== undefined && o.startedAt !== undefined
      ? Date.parse(op.finishedAt) >= o.startedAt - 1000
      : false;
  const running =
    obj.operation !== undefined || op?.phase === 'Running' || op?.phase === 'Terminating';

  if (!running && (op?.phase === 'Failed' || op?.phase === 'Error') && opForUs) {
    const failing = (op.syncResult?.resources ?? []).filter(
      (r) => r.status === 'SyncFailed' || r.hookPhase === 'Failed' || r.hookPhase === 'Error',
    );
    return {
      done: false,
      failed: true,
      reason: op.phase === 'Error' ? 'SyncError' : 'SyncFailed',
      message: `the sync of ${short(o.revision ?? opRevisions[0])} ended ${op.phase}: ${op.message ?? '(no message)'}`,
      details: failing.map(
        (r) => `${r.kind ?? '?'}/${r.name ?? '?'}: ${r.message ?? r.status ?? r.hookPhase ?? ''}`,
      ),
      revision: current,
    };
  }
  if (!running && syncStatus === 'Synced' && atRevision && health === 'Degraded') {
    const degraded = (st.resources ?? []).filter((r) => r.health?.status === 'Degraded');
    return {
      done: false,
      failed: true,
      reason: 'Degraded',
      message: `synced at ${shown} but Degraded${st.health?.message ? `: ${st.health.message}` : ''}`,
      details: degraded.map(
        (r) =>
          `${r.kind ?? '?'}/${r.name ?? '?'}: Degraded${r.health?.message ? ` (${r.health.message})` : ''}`,
      ),
      revision: current,
    };
  }
  if (!running && syncStatus === 'Synced' && atRevision && health === 'Healthy')
    return {
      done: true,
      message: `application ${quote(obj.metadata?.name ?? '')} is Synced at ${shown} and Healthy`,
      revision: current,
    };
  let message: string;
  if (o.revision && !atRevision)
    message = `Argo CD is at ${shown}, waiting for ${short(o.revision)} (sync ${syncStatus}, health ${health}${running ? `, operation ${op?.phase ?? 'requested'}` : ''})`;
  else if (running)
    message = `Argo CD is syncing ${opRevisions[0] ? short(opRevisions[0]) : shown}: operation ${op?.phase ?? 'requested'}${op?.message ? ` (${op.message})` : ''}`;
  else
    message = `Argo CD is at ${shown}: sync ${syncStatus}, health ${health}${st.health?.message ? ` (${st.health.message})` : ''}`;
  return { done: false, message, revision: current };
}

// ---------------------------------------------------------------------------------------------
// Argo Rollouts Rollout (argoproj.io/v1alpha1). The controller writes status.phase
// (Healthy|Progressing|Paused|Degraded), status.message, status.abort (true once aborted),
// status.pauseConditions[] {reason: CanaryPauseStep|BlueGreenPause|...}, status.currentStepIndex,
// and status.observedGeneration as a string.

export function rolloutCrStatus(obj: CustomObject, o: JudgeOptions = {}): ResourceJudgement {
  const st = (obj.status ?? {}) as {
    phase?: string;
    message?: string;
    abort?: boolean;
    observedGeneration?: string | number;
    pauseConditions?: Array<{ reason?: string }>;
    currentStepIndex?: number;
  };
  const name = quote(obj.metadata?.name ?? '');
  const observed = String(st.observedGeneration ?? '') === String(obj.metadata?.generation ?? '');
  if (!observed)
    return { done: false, message: `Waiting for rollout ${name} spec update to be observed...` };
  if (st.abort)
    return {
      done: false,
      failed: true,
      reason: 'Aborted',
      message: `rollout ${name} was aborted${st.message ? `: ${st.message}` : ''}`,
    };
  if (st.phase === 'Degraded')
    return {
      done: false,
      failed: true,
      reason: 'Degraded',
      message: `rollout ${name} is Degraded${st.message ? `: ${st.message}` : ''}`,
    };
  if (st.phase === 'Healthy') return { done: true, message: `rollout ${name} is Healthy` };
  if (st.phase === 'Paused') {
    const reasons = (st.pauseConditions ?? []).map((p) => p.reason).filter(Boolean);
    const at = `paused${st.currentStepIndex !== undefined ? ` at step ${st.currentStepIndex}` : ''}${reasons.length ? ` (${reasons.join(', ')})` : ''}`;
    if (o.acceptPaused && reasons.every((r) => r === 'CanaryPauseStep'))
      return { done: true, message: `rollout ${name} is ${at}: accepted as done` };
    return {
      done: false,
      message: `Waiting for rollout ${name}: ${at}${st.message ? ` — ${st.message}` : ''}`,
    };
  }
  return {
    done: false,
    message: `Waiting for rollout ${name}: ${st.phase ?? 'no phase yet'}${st.message ? ` — ${st.message}` : ''}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Flux HelmRelease (helm.toolkit.fluxcd.io/v2) and Kustomization (kustomize.toolkit.fluxcd.io/v1):
// kstatus conditions. Ready=True means the last reconciliation of the observed generation
// succeeded. At which source revision: a Kustomization's status.lastAppliedRevision and
// lastAttemptedRevision (`main@sha1:<sha>`); a HelmRelease's lastAttemptedRevision and, in v2,
// status.history[] (newest first) with the chartVersion of each release — the chart version, which
// carries the commit (`1.4.2+<12 hex>`) only for a Git chart with reconcileStrategy Revision
// (older API versions had lastAppliedRevision, still read when present). Stalled=True, or
// Ready=False with a failure reason, is terminal until the object or its source changes.

const FLUX_TERMINAL = new Set([
  'InstallFailed',
  'UpgradeFailed',
  'TestFailed',
  'RollbackFailed',
  'UninstallFailed',
  'ArtifactFailed',
  'InitFailed',
  'BuildFailed',
  'HealthCheckFailed',
  'ReconciliationFailed',
  'RetriesExceeded',
]);

export function fluxStatus(
  kind: 'HelmRelease' | 'Kustomization',
  obj: CustomObject,
  o: JudgeOptions = {},
): ResourceJudgement {
  const st = (obj.status ?? {}) as {
    observedGeneration?: number;
    lastAppliedRevision?: string;
    lastAttemptedRevision?: string;
    history?: Array<{ chartVersion?: string; status?: string }>;
  };
  const label = `${kind.toLowerCase()} ${quote(obj.metadata?.name ?? '')}`;
  // helm.toolkit.fluxcd.io/v2 dropped lastAppliedRevision: the release in place is the newest
  // snapshot of status.history (newest first) that Helm reports deployed.
  const deployed =
    kind === 'HelmRelease' ? st.history?.find((h) => h.status === 'deployed') : undefined;
  const applied = st.lastAppliedRevision ?? deployed?.chartVersion;
  const attempted = st.lastAttemptedRevision;
  if ((st.observedGeneration ?? 0) < (obj.metadata?.generation ?? 0))
    return {
      done: false,
      message: `Waiting for ${label} spec update to be observed...`,
      revision: applied,
    };
  const ready = cond(obj, 'Ready');
  const stalled = cond(obj, 'Stalled');
  const attemptedOurs = !o.revision || revisionMatches(attempted, o.revision);
  if (
    attemptedOurs &&
    (stalled?.status === 'True' ||
      (ready?.status === 'False' && FLUX_TERMINAL.has(ready.reason ?? '')))
  ) {
    const c = stalled?.status === 'True' ? stalled : ready!;
    return {
      done: false,
      failed: true,
      reason: c.reason ?? 'ReconciliationFailed',
      message: `${label} failed at ${short(attempted)}: ${c.message ?? c.reason ?? 'Ready=False'}`,
      revision: applied,
    };
  }
  const appliedOurs = !o.revision || revisionMatches(applied, o.revision);
  if (ready?.status === 'True' && appliedOurs)
    return { done: true, message: `${label} is Ready at ${short(applied)}`, revision: applied };
  const waiting =
    o.revision && !appliedOurs ? `at ${short(applied)}, waiting for ${short(o.revision)}; ` : '';
  return {
    done: false,
    message: `Waiting for ${label}: ${waiting}Ready=${ready?.status ?? 'Unknown'}${ready?.reason ? ` ${ready.reason}` : ''}${ready?.message ? ` (${ready.message})` : ''}`,
    revision: applied,
  };
}

// ---------------------------------------------------------------------------------------------
// batch/v1 Job: the Job controller adds condition Complete=True when the success criteria are met,
// Failed=True (reason BackoffLimitExceeded, DeadlineExceeded, PodFailurePolicy, ...) when it gives
// up; status.succeeded / status.failed / status.active count pods.

export function jobStatus(obj: CustomObject): ResourceJudgement {
  const st = (obj.status ?? {}) as { succeeded?: number; failed?: number; active?: number };
  const name = quote(obj.metadata?.name ?? '');
  const failed = cond(obj, 'Failed');
  if (failed?.status === 'True')
    return {
      done: false,
      failed: true,
      reason: failed.reason ?? 'Failed',
      message: `job ${name} failed: ${failed.reason ?? 'Failed'}${failed.message ? ` (${failed.message})` : ''}`,
    };
  if (cond(obj, 'Complete')?.status === 'True')
    return { done: true, message: `job ${name} completed (${st.succeeded ?? 0} succeeded)` };
  return {
    done: false,
    message: `Waiting for job ${name} to complete: ${st.active ?? 0} active, ${st.succeeded ?? 0} succeeded, ${st.failed ?? 0} failed`,
  };
}

export function resourceStatus(
  kind: ResourceKind,
  obj: CustomObject,
  o: JudgeOptions = {},
): ResourceJudgement {
  switch (kind) {
    case 'Application':
      return applicationStatus(obj, o);
    case 'Rollout':
      return rolloutCrStatus(obj, o);
    case 'HelmRelease':
    case 'Kustomization':
      return fluxStatus(kind, obj, o);
    case 'Job':
      return jobStatus(obj);
  }
}
