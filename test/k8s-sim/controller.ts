// The scripted control plane: on a short timer, the kubelet moves pods, then the workload
// controllers reconcile, each workload at its own pace (Behaviour.stepMs). Everything it does goes
// through the object store, so clients see it exactly as API writes and watch events.
import { BehaviourBook, type Behaviour, type BehaviourRule } from './behaviour';
import { syncDaemonSet } from './daemonset-controller';
import { syncDeployment, type DeploymentSimState } from './deployment-controller';
import type { EventRecorder } from './events';
import { Kubelet } from './kubelet';
import { ownedBy, syncReplicaSet } from './replicaset-controller';
import { resolveResourceType } from './resources';
import type { KubeObject } from './selectors';
import { syncStatefulSet, type StatefulSetSimState } from './statefulset-controller';
import type { ObjectStore } from './store';

const PODS = resolveResourceType('pods');
const TYPES = {
  Deployment: resolveResourceType('deployments'),
  StatefulSet: resolveResourceType('statefulsets'),
  DaemonSet: resolveResourceType('daemonsets'),
  ReplicaSet: resolveResourceType('replicasets'),
};

/** What the individual controllers get to work with. */
export interface ControllerContext {
  store: ObjectStore;
  events: EventRecorder;
  kubelet: Kubelet;
  nodes: string[];
  behaviourFor(obj: KubeObject): Behaviour;
  podsOwnedBy(owner: KubeObject): KubeObject[];
}

export interface ControllerOptions {
  /** Node names: pods are spread over them and a DaemonSet runs one pod on each. */
  nodes?: string[];
  /** How often the control loop wakes up, in ms (a workload still moves only every stepMs). */
  tickMs?: number;
  /** Start paused (tests then call step()). */
  paused?: boolean;
}

export class Controller implements ControllerContext {
  readonly behaviours = new BehaviourBook();
  readonly kubelet: Kubelet;
  readonly nodes: string[];
  /** Errors thrown inside the loop (kept, not thrown: a test asserts on them if it cares). */
  readonly errors: unknown[] = [];
  private readonly tickMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private closed = false;
  private readonly lastStep = new Map<string, number>();
  private readonly deploymentStates = new Map<string, DeploymentSimState>();
  private readonly statefulSetStates = new Map<string, StatefulSetSimState>();

  constructor(
    readonly store: ObjectStore,
    readonly events: EventRecorder,
    options: ControllerOptions = {},
  ) {
    this.nodes = options.nodes ?? ['sim-node-1', 'sim-node-2', 'sim-node-3'];
    this.tickMs = options.tickMs ?? 10;
    this.kubelet = new Kubelet(store, events, (pod) => this.behaviourFor(pod));
    if (!options.paused) this.resume();
  }

  /** Adds a behaviour rule (later rules win), e.g. `{ name: 'api', behaviour: { pods: 'crash-loop' } }`. */
  behave(rule: BehaviourRule): this {
    this.behaviours.add(rule);
    return this;
  }

  /** Changes the defaults for every workload, e.g. `{ stepMs: 5 }`. */
  setDefaults(defaults: Partial<Behaviour>): this {
    this.behaviours.defaults = { ...this.behaviours.defaults, ...defaults };
    return this;
  }

  get paused(): boolean {
    return this.timer === undefined;
  }

  pause(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  resume(): void {
    if (this.closed || this.timer) return;
    const loop = () => {
      this.tick(false);
      if (this.timer) this.timer = setTimeout(loop, this.tickMs);
    };
    this.timer = setTimeout(loop, this.tickMs);
  }

  close(): void {
    this.closed = true;
    this.pause();
  }

  /** Moves every workload and pod one step now, whatever their pace (for tests with a paused controller). */
  step(): void {
    this.tick(true);
  }

  /** The workload a pod or ReplicaSet belongs to, following controller references upwards. */
  topOwner(obj: KubeObject): KubeObject {
    const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
    if (!ref) return obj;
    const type = (TYPES as Record<string, typeof PODS>)[ref.kind];
    const owner = type && this.store.get(type, obj.metadata.namespace, ref.name);
    return owner && owner.metadata.uid === ref.uid ? this.topOwner(owner) : obj;
  }

  behaviourFor(obj: KubeObject): Behaviour {
    const owner = this.topOwner(obj);
    const podSpec = obj.kind === 'Pod' ? obj.spec : obj.spec?.template?.spec;
    const images = [...(podSpec?.containers ?? []), ...(podSpec?.initContainers ?? [])].map(
      (c: any) => String(c.image ?? ''),
    );
    return this.behaviours.resolve({
      kind: owner.kind ?? '',
      namespace: owner.metadata.namespace ?? '',
      name: owner.metadata.name,
      images,
    });
  }

  podsOwnedBy(owner: KubeObject): KubeObject[] {
    return this.store.list(PODS, owner.metadata.namespace, (p) => ownedBy(p, owner));
  }

  private due(obj: KubeObject, now: number, force: boolean): boolean {
    const key = obj.metadata.uid!;
    const stepMs = this.behaviourFor(obj).stepMs;
    const last = this.lastStep.get(key);
    if (!force && last !== undefined && now - last < stepMs) return false;
    this.lastStep.set(key, now);
    // A workload is first reconciled one step after it appears (the informer delay).
    return force || last !== undefined;
  }

  private tick(force: boolean): void {
    if (this.running) return;
    this.running = true;
    const wall = Date.now();
    try {
      this.kubelet.step(wall, force);
      for (const d of this.store.list(TYPES.Deployment)) {
        if (!this.due(d, wall, force)) continue;
        const key = d.metadata.uid!;
        let state = this.deploymentStates.get(key);
        if (!state) this.deploymentStates.set(key, (state = { progressAt: wall }));
        syncDeployment(this, d, state, wall);
      }
      for (const s of this.store.list(TYPES.StatefulSet)) {
        if (!this.due(s, wall, force)) continue;
        const key = s.metadata.uid!;
        let state = this.statefulSetStates.get(key);
        if (!state) this.statefulSetStates.set(key, (state = {}));
        syncStatefulSet(this, s, state, wall);
      }
      for (const ds of this.store.list(TYPES.DaemonSet)) {
        if (this.due(ds, wall, force)) syncDaemonSet(this, ds, wall);
      }
      for (const rs of this.store.list(TYPES.ReplicaSet)) {
        if (this.due(rs, wall, force)) syncReplicaSet(this, rs, wall);
      }
    } catch (err) {
      this.errors.push(err);
    } finally {
      this.running = false;
    }
  }
}
