// Builders for the objects tests apply: a complete, valid workload from a name and an image.
import type { KubeObject } from './selectors';

export interface WorkloadOptions {
  name: string;
  namespace?: string;
  /** Image of the single container `app` (ignored when `containers` is given). */
  image?: string;
  replicas?: number;
  /** Labels of the pod template and the selector; default `{ app: <name> }`. */
  labels?: Record<string, string>;
  containers?: { name: string; image: string; [key: string]: unknown }[];
  annotations?: Record<string, string>;
  minReadySeconds?: number;
}

function podTemplate(o: WorkloadOptions) {
  const labels = o.labels ?? { app: o.name };
  const containers = o.containers ?? [
    { name: 'app', image: o.image ?? 'registry.example/app:1.0.0' },
  ];
  return { metadata: { labels }, spec: { containers: containers.map((c) => ({ ...c })) } };
}

function meta(o: WorkloadOptions) {
  const labels = o.labels ?? { app: o.name };
  return {
    name: o.name,
    namespace: o.namespace ?? 'default',
    labels: { ...labels },
    ...(o.annotations ? { annotations: { ...o.annotations } } : {}),
  };
}

export interface DeploymentOptions extends WorkloadOptions {
  strategy?: 'RollingUpdate' | 'Recreate';
  maxSurge?: number | string;
  maxUnavailable?: number | string;
  progressDeadlineSeconds?: number;
  paused?: boolean;
  revisionHistoryLimit?: number;
}

export function deployment(o: DeploymentOptions): KubeObject {
  const template = podTemplate(o);
  const strategy =
    o.strategy === 'Recreate'
      ? { type: 'Recreate' }
      : {
          type: 'RollingUpdate',
          rollingUpdate: {
            maxSurge: o.maxSurge ?? '25%',
            maxUnavailable: o.maxUnavailable ?? '25%',
          },
        };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(o),
    spec: {
      replicas: o.replicas ?? 1,
      selector: { matchLabels: { ...template.metadata.labels } },
      template,
      strategy,
      progressDeadlineSeconds: o.progressDeadlineSeconds ?? 600,
      revisionHistoryLimit: o.revisionHistoryLimit ?? 10,
      minReadySeconds: o.minReadySeconds ?? 0,
      ...(o.paused ? { paused: true } : {}),
    },
  };
}

export interface StatefulSetOptions extends WorkloadOptions {
  updateStrategy?: 'RollingUpdate' | 'OnDelete';
  partition?: number;
  podManagementPolicy?: 'OrderedReady' | 'Parallel';
}

export function statefulSet(o: StatefulSetOptions): KubeObject {
  const template = podTemplate(o);
  const updateStrategy =
    o.updateStrategy === 'OnDelete'
      ? { type: 'OnDelete' }
      : { type: 'RollingUpdate', rollingUpdate: { partition: o.partition ?? 0 } };
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: meta(o),
    spec: {
      replicas: o.replicas ?? 1,
      serviceName: o.name,
      selector: { matchLabels: { ...template.metadata.labels } },
      template,
      updateStrategy,
      podManagementPolicy: o.podManagementPolicy ?? 'OrderedReady',
      minReadySeconds: o.minReadySeconds ?? 0,
    },
  };
}

export interface DaemonSetOptions extends WorkloadOptions {
  updateStrategy?: 'RollingUpdate' | 'OnDelete';
  maxUnavailable?: number | string;
}

export function daemonSet(o: DaemonSetOptions): KubeObject {
  const template = podTemplate(o);
  const updateStrategy =
    o.updateStrategy === 'OnDelete'
      ? { type: 'OnDelete' }
      : {
          type: 'RollingUpdate',
          rollingUpdate: { maxUnavailable: o.maxUnavailable ?? 1, maxSurge: 0 },
        };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: meta(o),
    spec: {
      selector: { matchLabels: { ...template.metadata.labels } },
      template,
      updateStrategy,
      minReadySeconds: o.minReadySeconds ?? 0,
    },
  };
}

export interface SecretOptions {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  type?: string;
  /** Values already base64-encoded, as in a Secret's data. */
  data?: Record<string, string>;
  /** Plain values, encoded into data. */
  stringData?: Record<string, string>;
}

export function secret(o: SecretOptions): KubeObject {
  const data = { ...(o.data ?? {}) };
  // The API server stores stringData base64-encoded under data, as it does for real.
  for (const [k, v] of Object.entries(o.stringData ?? {}))
    data[k] = Buffer.from(v).toString('base64');
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: o.name,
      namespace: o.namespace ?? 'default',
      ...(o.labels ? { labels: { ...o.labels } } : {}),
    },
    type: o.type ?? 'Opaque',
    data,
  };
}

export function namespace(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

/** A copy of a workload with the image of one container (default: the first) changed. */
export function withImage(obj: KubeObject, image: string, container?: string): KubeObject {
  const copy = structuredClone(obj);
  const containers: { name: string; image: string }[] = copy.spec.template.spec.containers;
  const target = container ? containers.find((c) => c.name === container) : containers[0];
  if (!target)
    throw new Error(`k8s-sim: no container '${container}' in ${obj.kind}/${obj.metadata.name}`);
  target.image = image;
  return copy;
}
