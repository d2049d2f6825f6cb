// Events as the controllers and the kubelet record them: one object per (object, reason, message),
// whose count and lastTimestamp climb when the same thing happens again.
import { randomBytes } from 'node:crypto';
import { resolveResourceType } from './resources';
import type { KubeObject } from './selectors';
import { kubeTimestamp, type ObjectStore } from './store';

const EVENTS = resolveResourceType('events');

export interface EventSource {
  component: string;
  host?: string;
}

export class EventRecorder {
  constructor(private readonly store: ObjectStore) {}

  record(
    involved: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    source: EventSource,
    fieldPath?: string,
  ): void {
    const namespace = involved.metadata.namespace ?? 'default';
    const existing = this.store
      .list(
        EVENTS,
        namespace,
        (e) =>
          e.involvedObject?.uid === involved.metadata.uid &&
          e.reason === reason &&
          e.message === message,
      )
      .at(0);
    const now = kubeTimestamp();
    if (existing) {
      this.store.update(EVENTS, {
        ...existing,
        count: (existing.count ?? 1) + 1,
        lastTimestamp: now,
      });
      return;
    }
    this.store.create(EVENTS, {
      metadata: { name: `${involved.metadata.name}.${randomBytes(8).toString('hex')}`, namespace },
      involvedObject: {
        kind: involved.kind,
        namespace,
        name: involved.metadata.name,
        uid: involved.metadata.uid,
        apiVersion: involved.apiVersion,
        resourceVersion: involved.metadata.resourceVersion,
        ...(fieldPath ? { fieldPath } : {}),
      },
      reason,
      message,
      source,
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    });
  }
}
