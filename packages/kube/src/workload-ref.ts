// Which workload to wait for: `kind/name` as kubectl writes it, resolved to the API path it
// lives under. Only the apps/v1 workloads that have a rollout (what `kubectl rollout status` knows).

import { preview } from '@cicd-actions/core/preview';

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet';

export interface WorkloadRef {
  kind: WorkloadKind;
  name: string;
  namespace: string;
}

export const WORKLOAD_KINDS: readonly WorkloadKind[] = ['Deployment', 'StatefulSet', 'DaemonSet'];

const PLURAL: Record<WorkloadKind, string> = {
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets',
};

// Singular, plural and short names, as `kubectl api-resources` lists them.
const KIND_ALIASES: Record<string, WorkloadKind> = {
  deployment: 'Deployment',
  deployments: 'Deployment',
  deploy: 'Deployment',
  statefulset: 'StatefulSet',
  statefulsets: 'StatefulSet',
  sts: 'StatefulSet',
  daemonset: 'DaemonSet',
  daemonsets: 'DaemonSet',
  ds: 'DaemonSet',
};

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A namespace name: an RFC 1123 label of at most 63 characters. */
export function isDns1123Label(text: string): boolean {
  return text.length <= 63 && DNS1123_LABEL.test(text);
}

/** A workload name: an RFC 1123 subdomain of at most 253 characters. */
export function isDns1123Subdomain(text: string): boolean {
  return text.length <= 253 && DNS1123_SUBDOMAIN.test(text);
}

/**
 * `deploy`, `deployments`, `Deployment`, `deployment.apps`, `deployments.v1.apps` → Deployment;
 * undefined for anything that is not an apps/v1 workload with a rollout.
 */
export function parseWorkloadKind(text: string): WorkloadKind | undefined {
  const parts = text.trim().toLowerCase().split('.');
  const [resource, ...group] = parts;
  if (group.length === 1 && group[0] !== 'apps') return undefined;
  if (group.length === 2 && (group[0] !== 'v1' || group[1] !== 'apps')) return undefined;
  if (group.length > 2) return undefined;
  return Object.hasOwn(KIND_ALIASES, resource) ? KIND_ALIASES[resource] : undefined;
}

export type ParsedWorkloadRef = { ok: true; ref: WorkloadRef } | { ok: false; reason: string };

/** `kind/name` in the given namespace; the reason says what is wrong in words a user can act on. */
export function parseWorkloadRef(text: string, namespace: string): ParsedWorkloadRef {
  const item = text.trim();
  const slash = item.indexOf('/');
  if (slash <= 0 || slash === item.length - 1 || item.indexOf('/', slash + 1) !== -1) {
    return {
      ok: false,
      reason: `${preview(item)} is not kind/name (e.g. deployment/api, sts/db, ds/agent)`,
    };
  }
  const kindText = item.slice(0, slash);
  const name = item.slice(slash + 1);
  const kind = parseWorkloadKind(kindText);
  if (!kind)
    return {
      ok: false,
      reason: `${preview(item)}: unknown kind ${preview(kindText)} (expected deployment, statefulset or daemonset, or deploy, sts, ds)`,
    };
  if (!isDns1123Subdomain(name))
    return {
      ok: false,
      reason: `${preview(item)}: ${preview(name)} is not a valid object name (lowercase letters, digits, '-' and '.')`,
    };
  return { ok: true, ref: { kind, name, namespace } };
}

/** The collection a workload lives in, e.g. /apis/apps/v1/namespaces/default/deployments. */
export function workloadCollectionPath(kind: WorkloadKind, namespace: string): string {
  return `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/${PLURAL[kind]}`;
}

/** `deployments.apps` — the resource as the API server names it in its errors. */
export function workloadResourceName(kind: WorkloadKind): string {
  return `${PLURAL[kind]}.apps`;
}

/** `deployment/api` — how kubectl and the logs name one workload. */
export function formatWorkloadRef(ref: WorkloadRef): string {
  return `${ref.kind.toLowerCase()}/${ref.name}`;
}
