// The simulated kubelet: creates pods from templates and moves each pod's phase, conditions and
// container states one step at a time according to the outcome chosen for it.
import { randomBytes } from 'node:crypto';
import type { Behaviour, PodOutcome } from './behaviour';
import type { EventRecorder } from './events';
import { resolveResourceType } from './resources';
import type { KubeObject } from './selectors';
import { kubeTimestamp, type ObjectStore } from './store';

const PODS = resolveResourceType('pods');

export interface PodSim {
  outcome: PodOutcome;
  stepMs: number;
  lastStepAt: number;
  /** 0: just created (ContainerCreating); each step adds one. */
  stage: number;
  /** When the pod became Ready (ms), for availability with minReadySeconds. */
  readySince?: number;
}

/** Outcomes whose pods keep changing (restarts, repeated events) after they settle. */
const CYCLING: PodOutcome[] = ['crash-loop', 'never-ready', 'image-pull-backoff', 'err-image-pull'];
/** Cycling pods move every this many steps, so a crash loop climbs without flooding the store. */
const CYCLE_STEPS = 3;

export interface NewPod {
  name: string;
  namespace: string;
  template: {
    metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
    spec: any;
  };
  owner: KubeObject;
  nodeName: string;
  extraLabels?: Record<string, string>;
  behaviour: Behaviour;
}

export class Kubelet {
  readonly sims = new Map<string, PodSim>();

  constructor(
    private readonly store: ObjectStore,
    private readonly events: EventRecorder,
    private readonly behaviourOf: (pod: KubeObject) => Behaviour,
  ) {}

  createPod(p: NewPod): KubeObject {
    const pod = this.store.create(PODS, {
      metadata: {
        name: p.name,
        namespace: p.namespace,
        labels: { ...(p.template.metadata?.labels ?? {}), ...(p.extraLabels ?? {}) },
        ...(p.template.metadata?.annotations
          ? { annotations: { ...p.template.metadata.annotations } }
          : {}),
        ownerReferences: [
          {
            apiVersion: p.owner.apiVersion!,
            kind: p.owner.kind!,
            name: p.owner.metadata.name,
            uid: p.owner.metadata.uid!,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: { ...structuredClone(p.template.spec), nodeName: p.nodeName },
      status: {},
    });
    this.sims.set(pod.metadata.uid!, {
      outcome: p.behaviour.pods,
      stepMs: p.behaviour.stepMs,
      lastStepAt: Date.now(),
      stage: 0,
    });
    this.events.record(
      pod,
      'Normal',
      'Scheduled',
      `Successfully assigned ${p.namespace}/${pod.metadata.name} to ${p.nodeName}`,
      { component: 'default-scheduler' },
    );
    return this.store.update(
      PODS,
      { ...pod, status: podStatus(pod, { outcome: p.behaviour.pods, stage: 0 }, Date.now()) },
      'status',
    );
  }

  /** Marks a pod terminating; it disappears at its next step, as after a short grace period. */
  terminate(pod: KubeObject): void {
    const current = this.store.get(PODS, pod.metadata.namespace, pod.metadata.name);
    if (!current || current.metadata.deletionTimestamp) return;
    this.store.update(
      PODS,
      {
        ...current,
        metadata: {
          ...current.metadata,
          deletionTimestamp: kubeTimestamp(),
          deletionGracePeriodSeconds: 30,
        },
      },
      'all',
    );
  }

  isReady(pod: KubeObject): boolean {
    return (
      !pod.metadata.deletionTimestamp &&
      pod.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True') === true
    );
  }

  /** Ready for at least minReadySeconds (the definition of an available pod). */
  isAvailable(pod: KubeObject, minReadySeconds = 0, now = Date.now()): boolean {
    if (!this.isReady(pod)) return false;
    const since = this.sims.get(pod.metadata.uid!)?.readySince ?? now;
    return now - since >= minReadySeconds * 1000;
  }

  /** Moves each pod whose step is due (all of them when forced). */
  step(now: number, force = false): void {
    for (const pod of this.store.list(PODS)) {
      let sim = this.sims.get(pod.metadata.uid!);
      if (!sim) {
        // A pod created through the API rather than by a simulated controller.
        const b = this.behaviourOf(pod);
        sim = { outcome: b.pods, stepMs: b.stepMs, lastStepAt: now, stage: 0 };
        this.sims.set(pod.metadata.uid!, sim);
        this.store.update(PODS, { ...pod, status: podStatus(pod, sim, now) }, 'status');
        continue;
      }
      const settled = sim.stage >= 1 && !CYCLING.includes(sim.outcome);
      const interval = sim.stage >= 2 ? sim.stepMs * CYCLE_STEPS : sim.stepMs;
      if (!force && now - sim.lastStepAt < interval) continue;
      if (pod.metadata.deletionTimestamp) {
        this.sims.delete(pod.metadata.uid!);
        if (this.store.get(PODS, pod.metadata.namespace, pod.metadata.name))
          this.store.delete(PODS, pod.metadata.namespace, pod.metadata.name);
        continue;
      }
      if (settled) continue;
      sim.lastStepAt = now;
      sim.stage++;
      const status = podStatus(pod, sim, now);
      if (status.conditions.some((c: any) => c.type === 'Ready' && c.status === 'True'))
        sim.readySince ??= now;
      const updated = this.store.update(PODS, { ...pod, status }, 'status');
      this.recordStageEvents(updated, sim);
    }
  }

  private recordStageEvents(pod: KubeObject, sim: PodSim): void {
    const kubelet = { component: 'kubelet', host: pod.spec?.nodeName };
    for (const c of pod.spec?.containers ?? []) {
      const fieldPath = `spec.containers{${c.name}}`;
      const normal = (reason: string, message: string) =>
        this.events.record(pod, 'Normal', reason, message, kubelet, fieldPath);
      const warning = (reason: string, message: string) =>
        this.events.record(pod, 'Warning', reason, message, kubelet, fieldPath);
      const started = () => {
        normal('Pulled', `Container image "${c.image}" already present on machine`);
        normal('Created', `Created container ${c.name}`);
        normal('Started', `Started container ${c.name}`);
      };
      switch (sim.outcome) {
        case 'healthy':
          if (sim.stage === 1) started();
          break;
        case 'never-ready':
          if (sim.stage === 1) started();
          warning('Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503');
          break;
        case 'crash-loop':
          if (sim.stage === 1) started();
          else
            warning(
              'BackOff',
              `Back-off restarting failed container ${c.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`,
            );
          break;
        case 'image-pull-backoff':
          if (sim.stage === 1) {
            normal('Pulling', `Pulling image "${c.image}"`);
            warning('Failed', `Failed to pull image "${c.image}": ${pullError(c.image)}`);
            warning('Failed', 'Error: ErrImagePull');
          } else {
            normal('BackOff', `Back-off pulling image "${c.image}"`);
            warning('Failed', 'Error: ImagePullBackOff');
          }
          break;
        case 'err-image-pull':
          if (sim.stage === 1) normal('Pulling', `Pulling image "${c.image}"`);
          warning('Failed', `Failed to pull image "${c.image}": ${pullError(c.image)}`);
          warning('Failed', 'Error: ErrImagePull');
          break;
        case 'create-container-config-error':
          warning('Failed', `Error: ${configError(pod)}`);
          break;
        case 'invalid-image-name':
          warning('InspectFailed', invalidImage(c.image));
          warning('Failed', 'Error: InvalidImageName');
          break;
      }
    }
  }
}

/** The kubelet doubles the restart back-off from 10 s up to 5 min. */
function backOffMessage(container: string, pod: KubeObject, restarts: number): string {
  const seconds = Math.min(10 * 2 ** (restarts - 1), 300);
  return `back-off ${seconds}s restarting failed container=${container} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
}

function pullError(image: string): string {
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`;
}

function configError(pod: KubeObject): string {
  return `secret "${pod.metadata.name.replace(/-[a-z0-9]+(-[a-z0-9]+)?$/, '')}-config" not found`;
}

function invalidImage(image: string): string {
  return `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format`;
}

function condition(type: string, ok: boolean, at: string, reason?: string, message?: string) {
  return {
    type,
    status: ok ? 'True' : 'False',
    lastProbeTime: null,
    lastTransitionTime: at,
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  };
}

/** The whole pod status for a stage of an outcome. */
export function podStatus(
  pod: KubeObject,
  sim: Pick<PodSim, 'outcome' | 'stage'>,
  now: number,
): any {
  const at = kubeTimestamp(new Date(now));
  const startedAt = pod.metadata.creationTimestamp ?? at;
  const containers: any[] = pod.spec?.containers ?? [];
  const { outcome, stage } = sim;
  const restarts = outcome === 'crash-loop' ? Math.max(0, stage - 1) : 0;
  const statuses = containers.map((c) => {
    const base = {
      name: c.name,
      image: c.image,
      imageID: '',
      restartCount: restarts,
      started: false,
      ready: false,
      lastState: {} as any,
      state: {} as any,
    };
    const running = {
      ...base,
      imageID: `docker.io/library/${c.image}@sha256:${'0'.repeat(64)}`,
      containerID: `containerd://${randomBytes(32).toString('hex')}`,
      started: true,
    };
    if (stage === 0) return { ...base, state: { waiting: { reason: 'ContainerCreating' } } };
    switch (outcome) {
      case 'healthy':
        return { ...running, ready: true, state: { running: { startedAt: at } } };
      case 'never-ready':
        return { ...running, state: { running: { startedAt } } };
      case 'crash-loop':
        if (stage === 1) return { ...running, state: { running: { startedAt: at } } };
        return {
          ...running,
          started: false,
          state: {
            waiting: { reason: 'CrashLoopBackOff', message: backOffMessage(c.name, pod, restarts) },
          },
          lastState: {
            terminated: {
              exitCode: 1,
              reason: 'Error',
              startedAt,
              finishedAt: at,
              containerID: running.containerID,
            },
          },
        };
      case 'image-pull-backoff':
        return stage === 1
          ? { ...base, state: { waiting: { reason: 'ErrImagePull', message: pullError(c.image) } } }
          : {
              ...base,
              state: {
                waiting: {
                  reason: 'ImagePullBackOff',
                  message: `Back-off pulling image "${c.image}": ErrImagePull: ${pullError(c.image)}`,
                },
              },
            };
      case 'err-image-pull':
        return {
          ...base,
          state: { waiting: { reason: 'ErrImagePull', message: pullError(c.image) } },
        };
      case 'create-container-config-error':
        return {
          ...base,
          state: { waiting: { reason: 'CreateContainerConfigError', message: configError(pod) } },
        };
      case 'invalid-image-name':
        return {
          ...base,
          state: { waiting: { reason: 'InvalidImageName', message: invalidImage(c.image) } },
        };
    }
  });
  const ready = statuses.length > 0 && statuses.every((s) => s.ready);
  const runningPhase = stage >= 1 && ['healthy', 'never-ready', 'crash-loop'].includes(outcome);
  const notReady = statuses.filter((s) => !s.ready).map((s) => s.name);
  const unreadyMessage = `containers with unready status: [${notReady.join(' ')}]`;
  return {
    phase: runningPhase ? 'Running' : 'Pending',
    conditions: [
      condition('PodReadyToStartContainers', stage >= 1, at),
      condition('Initialized', true, startedAt),
      condition(
        'Ready',
        ready,
        at,
        ready ? undefined : 'ContainersNotReady',
        ready ? undefined : unreadyMessage,
      ),
      condition(
        'ContainersReady',
        ready,
        at,
        ready ? undefined : 'ContainersNotReady',
        ready ? undefined : unreadyMessage,
      ),
      condition('PodScheduled', true, startedAt),
    ],
    hostIP: '10.0.0.10',
    hostIPs: [{ ip: '10.0.0.10' }],
    podIP: runningPhase ? '10.244.0.10' : undefined,
    startTime: startedAt,
    containerStatuses: statuses,
    qosClass: 'BestEffort',
  };
}
