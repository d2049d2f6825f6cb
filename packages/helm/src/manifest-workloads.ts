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

/** The container images (init containers included) of a manifest's workloads, each once, in order. */
export function imagesFromManifest(manifest: string): string[] {
  const images: string[] = [];
  const add = (containers: unknown) => {
    if (!Array.isArray(containers)) return;
    for (const c of containers) {
      const image = (c as { image?: unknown })?.image;
      if (typeof image === 'string' && image && !images.includes(image)) images.push(image);
    }
  };
  const visit = (obj: unknown) => {
    if (!obj || typeof obj !== 'object') return;
    const o = obj as { kind?: unknown; items?: unknown; spec?: Record<string, unknown> };
    if (o.kind === 'List' && Array.isArray(o.items)) return o.items.forEach(visit);
    // Pods, and every kind with a pod template (workloads, Jobs, CronJobs' jobTemplate).
    const specs: unknown[] = [o.spec];
    const template = (o.spec?.template as { spec?: unknown } | undefined)?.spec;
    const jobTemplate = (
      (o.spec?.jobTemplate as { spec?: { template?: { spec?: unknown } } } | undefined)?.spec
        ?.template as { spec?: unknown } | undefined
    )?.spec;
    specs.push(template, jobTemplate);
    for (const spec of specs) {
      const s = spec as { initContainers?: unknown; containers?: unknown } | undefined;
      add(s?.initContainers);
      add(s?.containers);
    }
  };
  for (const doc of parseAllDocuments(manifest)) {
    if ('errors' in doc && doc.errors.length) continue;
    visit(doc.toJS());
  }
  return images;
}
