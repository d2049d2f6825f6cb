// The workloads a release manifest (`helm get manifest`) creates, to wait for after a rollback.
import { parseAllDocuments } from 'yaml';
import {
  WORKLOAD_KINDS,
  type WorkloadKind,
  type WorkloadRef,
} from '@cicd-actions/kube/workload-ref';

/**
 * Deployments, StatefulSets and DaemonSets (apps/v1) in a multi-document manifest, in order,
 * each once. Objects without a namespace live in the release's namespace, as Helm applies them.
 */
export function workloadsFromManifest(manifest: string, releaseNamespace: string): WorkloadRef[] {
  const found: WorkloadRef[] = [];
  const seen = new Set<string>();
  const visit = (obj: unknown) => {
    if (!obj || typeof obj !== 'object') return;
    const o = obj as {
      apiVersion?: unknown;
      kind?: unknown;
      metadata?: { name?: unknown; namespace?: unknown };
      items?: unknown;
    };
    if (o.kind === 'List' && Array.isArray(o.items)) return o.items.forEach(visit);
    if (typeof o.kind !== 'string' || !(WORKLOAD_KINDS as readonly string[]).includes(o.kind))
      return;
    if (o.apiVersion !== 'apps/v1') return;
    const name = typeof o.metadata?.name === 'string' ? o.metadata.name : '';
    if (!name) return;
    const namespace =
      typeof o.metadata?.namespace === 'string' && o.metadata.namespace
        ? o.metadata.namespace
        : releaseNamespace;
    const key = `${o.kind}/${namespace}/${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ kind: o.kind as WorkloadKind, name, namespace });
  };
  for (const doc of parseAllDocuments(manifest)) {
    if ('errors' in doc && doc.errors.length)
      throw new Error(
        `the release manifest is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`,
      );
    visit(doc.toJS());
  }
  return found;
}
