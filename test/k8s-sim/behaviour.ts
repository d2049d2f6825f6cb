// How the simulated workloads behave: what their pods do and how fast the controllers move.
// Chosen per pod when it is created, from explicit rules first, then from the image name.

/** What the containers of a new pod do. */
export type PodOutcome =
  | 'healthy'
  | 'never-ready'
  | 'crash-loop'
  | 'image-pull-backoff'
  | 'err-image-pull'
  | 'create-container-config-error'
  | 'invalid-image-name';

export interface Behaviour {
  pods: PodOutcome;
  /** Time between two controller/kubelet steps for this workload, in ms. */
  stepMs: number;
  /** Overrides spec.progressDeadlineSeconds for Deployments (ms without progress → ProgressDeadlineExceeded). */
  progressDeadlineMs?: number;
  /** Extra delay before the controller notices a new generation (observedGeneration lag), in ms. */
  observeDelayMs: number;
}

export interface BehaviourRule {
  /** Applies to workloads of this kind ('Deployment', 'StatefulSet', 'DaemonSet'), any if omitted. */
  kind?: string;
  namespace?: string;
  /** Workload name. */
  name?: string;
  /** Substring of a container image, or a pattern tested against each container image. */
  image?: string | RegExp;
  behaviour: Partial<Behaviour>;
}

export const DEFAULT_BEHAVIOUR: Behaviour = { pods: 'healthy', stepMs: 30, observeDelayMs: 0 };

/** Image names that pick an outcome without any configuration, e.g. `registry/app:crashloop`. */
export const IMAGE_OUTCOMES: { pattern: RegExp; outcome: PodOutcome }[] = [
  { pattern: /crash-?loop/i, outcome: 'crash-loop' },
  { pattern: /image-?pull-?backoff|does-not-exist/i, outcome: 'image-pull-backoff' },
  { pattern: /err-?image-?pull/i, outcome: 'err-image-pull' },
  { pattern: /never-?ready/i, outcome: 'never-ready' },
  { pattern: /config-?error/i, outcome: 'create-container-config-error' },
  { pattern: /invalid-?image/i, outcome: 'invalid-image-name' },
];

export interface WorkloadRef {
  kind: string;
  namespace: string;
  name: string;
  images: string[];
}

function ruleMatches(rule: BehaviourRule, ref: WorkloadRef): boolean {
  if (rule.kind && rule.kind.toLowerCase() !== ref.kind.toLowerCase()) return false;
  if (rule.namespace && rule.namespace !== ref.namespace) return false;
  if (rule.name && rule.name !== ref.name) return false;
  if (rule.image !== undefined) {
    const image = rule.image;
    if (!ref.images.some((i) => (typeof image === 'string' ? i.includes(image) : image.test(i))))
      return false;
  }
  return true;
}

export class BehaviourBook {
  private rules: BehaviourRule[] = [];
  defaults: Behaviour = { ...DEFAULT_BEHAVIOUR };

  /** Adds a rule; later rules win over earlier ones. */
  add(rule: BehaviourRule): void {
    this.rules.push(rule);
  }

  clear(): void {
    this.rules = [];
    this.defaults = { ...DEFAULT_BEHAVIOUR };
  }

  resolve(ref: WorkloadRef): Behaviour {
    const fromImage = IMAGE_OUTCOMES.find((o) => ref.images.some((i) => o.pattern.test(i)));
    let behaviour: Behaviour = {
      ...this.defaults,
      ...(fromImage ? { pods: fromImage.outcome } : {}),
    };
    for (const rule of this.rules)
      if (ruleMatches(rule, ref)) behaviour = { ...behaviour, ...rule.behaviour };
    return behaviour;
  }
}
