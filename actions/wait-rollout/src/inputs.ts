// The action's inputs, validated before anything else happens (no API call, nothing logged).
import { InputError, Inputs, type Runner } from '@cicd-actions/core';
import { parseExpectedImage, type ExpectedImage } from '@cicd-actions/kube/expected-images';
import {
  WORKLOAD_KINDS,
  isDns1123Label,
  parseWorkloadKind,
  parseWorkloadRef,
  type WorkloadKind,
  type WorkloadRef,
} from '@cicd-actions/kube/workload-ref';

export interface WaitRolloutInputs {
  targets: WorkloadRef[];
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
      `'${namespace}' is not a valid namespace name (lowercase letters, digits and '-', at most 63 characters)`,
    );

  const items = inputs.list('resources');
  const targets: WorkloadRef[] = [];
  for (const item of items) {
    const parsed = parseWorkloadRef(item, namespace);
    if (!parsed.ok) throw new InputError('resources', parsed.reason);
    if (!targets.some((t) => t.kind === parsed.ref.kind && t.name === parsed.ref.name))
      targets.push(parsed.ref);
  }
  const selector = inputs.string('selector') || undefined;
  if (selector !== undefined && !isLabelSelector(selector))
    throw new InputError(
      'selector',
      `'${selector}' is not a label selector (e.g. app=api,tier in (web,worker))`,
    );
  if (!targets.length && !selector)
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
        `unknown kind '${k}' (expected deployment, statefulset, daemonset)`,
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
  return {
    targets,
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
