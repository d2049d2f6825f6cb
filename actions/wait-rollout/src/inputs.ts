// The action's inputs, validated before anything else happens (no API call, nothing logged).
import { InputError, Inputs, preview, type Runner } from '@cicd-actions/core';
import { parseExpectedImage, type ExpectedImage } from '@cicd-actions/kube/expected-images';
import { parseResourceKind } from '@cicd-actions/kube/resource-status';
import type { ResourceRef } from '@cicd-actions/kube/watch-resources';
import {
  WORKLOAD_KINDS,
  isDns1123Label,
  parseWorkloadKind,
  parseWorkloadRef,
  type WorkloadKind,
  type WorkloadRef,
} from '@cicd-actions/kube/workload-ref';

/** One item of `resources`, in input order: a workload (kubectl's rules) or another kind. */
export type Target = { workload: WorkloadRef } | { resource: ResourceRef };

export interface WaitRolloutInputs {
  /** The workloads among `targets` (kept for callers that only know workloads). */
  targets: WorkloadRef[];
  /** Every item of `resources`, in order. */
  all: Target[];
  /** A commit SHA or prefix (≥ 7 hex) Argo CD / Flux objects must have reached. */
  revision?: string;
  /** Ask Argo CD to refresh the Applications first. */
  refresh: boolean;
  /** Argo Rollouts: a canary paused at a pause step counts as done. */
  acceptPaused: boolean;
  selector?: string;
  kinds: WorkloadKind[];
  namespace: string;
  timeoutMs: number;
  /** The kubeconfig input, raw (YAML or base64); '' for none. */
  kubeconfig: string;
  context?: string;
  failFast: boolean;
  /** Images the pod templates must carry first (`container=image` or bare, by repository). */
  images: ExpectedImage[];
}

// Label selector syntax: requirements of `key`, `!key`, `key=v`, `key==v`, `key!=v`, `key in (a,b)`, `key notin (a,b)`.
const LABEL_KEY = String.raw`([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?`;
const LABEL_VALUE = String.raw`([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?)?`;
const REQUIREMENT = new RegExp(
  String.raw`^\s*(!\s*${LABEL_KEY}|${LABEL_KEY}(\s*(=|==|!=)\s*${LABEL_VALUE}|\s+(in|notin)\s*\(\s*${LABEL_VALUE}(\s*,\s*${LABEL_VALUE})*\s*\))?)\s*$`,
);

/** Splits a selector at the commas that are not inside `( )`. */
function selectorRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

export function isLabelSelector(selector: string): boolean {
  return selectorRequirements(selector).every((r) => REQUIREMENT.test(r));
}

export function readInputs(runner: Runner): WaitRolloutInputs {
  const inputs = new Inputs(runner);
  const namespace = inputs.string('namespace', 'default');
  if (!isDns1123Label(namespace))
    throw new InputError(
      'namespace',
      `${preview(namespace)} is not a valid namespace name (lowercase letters, digits and '-', at most 63 characters)`,
    );

  const items = inputs.list('resources');
  const targets: WorkloadRef[] = [];
  const all: Target[] = [];
  for (const item of items) {
    const target = parseTarget(item, namespace);
    if ('workload' in target) {
      const ref = target.workload;
      if (
        targets.some(
          (t) => t.kind === ref.kind && t.name === ref.name && t.namespace === ref.namespace,
        )
      )
        continue;
      targets.push(ref);
    } else {
      const ref = target.resource;
      if (
        all.some(
          (t) =>
            'resource' in t &&
            t.resource.kind === ref.kind &&
            t.resource.name === ref.name &&
            t.resource.namespace === ref.namespace,
        )
      )
        continue;
    }
    all.push(target);
  }
  const revision = inputs.string('revision').trim().toLowerCase() || undefined;
  if (revision !== undefined && !/^[0-9a-f]{7,64}$/.test(revision))
    throw new InputError(
      'revision',
      `${preview(revision)} is not a commit SHA or a prefix of at least 7 hex characters (e.g. bump-helm-values' commit-sha output)`,
    );
  const refresh = inputs.boolean('refresh', false);
  const acceptPaused = inputs.boolean('accept-paused', false);
  const selector = inputs.string('selector') || undefined;
  if (selector !== undefined && !isLabelSelector(selector))
    throw new InputError(
      'selector',
      `${preview(selector)} is not a label selector (e.g. app=api,tier in (web,worker))`,
    );
  if (!all.length && !selector)
    throw new InputError(
      'resources',
      "is empty: name at least one workload (e.g. deployment/api), or give a 'selector'",
    );

  const kinds: WorkloadKind[] = [];
  const kindItems = inputs.list('kinds');
  for (const k of kindItems.length ? kindItems : WORKLOAD_KINDS) {
    const kind = parseWorkloadKind(k);
    if (!kind)
      throw new InputError(
        'kinds',
        `unknown kind ${preview(k)} (expected deployment, statefulset, daemonset)`,
      );
    if (!kinds.includes(kind)) kinds.push(kind);
  }

  const images: ExpectedImage[] = [];
  for (const item of inputs.list('images')) {
    const parsed = parseExpectedImage(item);
    if (!parsed.ok) throw new InputError('images', parsed.reason);
    images.push(parsed.value);
  }

  const timeoutMs = inputs.duration('timeout', '5m', { min: 1000, max: 6 * 3_600_000 });
  const failFast = inputs.boolean('fail-fast', true);
  const kubeconfig = inputs.raw('kubeconfig').trim();
  const context = inputs.string('context') || undefined;
  // A context name is a kubeconfig key: one line, and short enough to show in a message.
  if (context !== undefined && (context.length > 253 || /[\x00-\x1f\x7f]/.test(context)))
    throw new InputError(
      'context',
      `expected a kubeconfig context name (one line, at most 253 characters), got ${preview(context)}`,
    );
  return {
    targets,
    all,
    revision,
    refresh,
    acceptPaused,
    selector,
    kinds,
    namespace,
    timeoutMs,
    kubeconfig,
    context,
    failFast,
    images,
  };
}

const EXPECTED_KINDS =
  'deployment, statefulset, daemonset (deploy, sts, ds), application (applications.argoproj.io), rollout, helmrelease (hr), kustomization (ks) or job';

/** `[namespace/]kind/name`: the namespace prefix overrides the `namespace` input for this item. */
export function parseTarget(text: string, namespace: string): Target {
  const item = text.trim();
  const parts = item.split('/');
  if (parts.length === 3) {
    const [ns, ...rest] = parts;
    if (!isDns1123Label(ns))
      throw new InputError(
        'resources',
        `${preview(item)}: ${preview(ns)} is not a valid namespace name (namespace/kind/name, e.g. argocd/application/shop)`,
      );
    return parseTarget(rest.join('/'), ns);
  }
  if (parts.length === 2 && parts[0] && parts[1]) {
    const kind = parseResourceKind(parts[0]);
    if (kind) {
      const parsed = parseWorkloadRef(`deployment/${parts[1]}`, namespace);
      if (!parsed.ok)
        throw new InputError('resources', parsed.reason.replace('deployment/', `${parts[0]}/`));
      return { resource: { kind, name: parts[1], namespace } };
    }
  }
  const parsed = parseWorkloadRef(item, namespace);
  if (!parsed.ok) {
    const reason = /unknown kind/.test(parsed.reason)
      ? parsed.reason.replace(/\(expected [^)]*\)$/, `(expected ${EXPECTED_KINDS})`)
      : parsed.reason;
    throw new InputError('resources', reason);
  }
  return { workload: parsed.ref };
}
