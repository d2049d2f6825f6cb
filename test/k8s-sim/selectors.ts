// labelSelector and fieldSelector query parameters, parsed the way the API server reads them.
import { badRequest } from './status';

type Labels = Record<string, string> | undefined;
export type ObjectPredicate = (obj: KubeObject) => boolean;

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    generation?: number;
    creationTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: {
      apiVersion: string;
      kind: string;
      name: string;
      uid: string;
      controller?: boolean;
      blockOwnerDeletion?: boolean;
    }[];
    generateName?: string;
    deletionTimestamp?: string;
    [key: string]: unknown;
  };
  spec?: any;
  status?: any;
  [key: string]: any;
}

/** Splits on commas that are not inside a `(a,b)` value set. */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      terms.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '') terms.push(current.trim());
  return terms.filter((t) => t !== '');
}

type LabelTest = (labels: Labels) => boolean;

function labelTerm(term: string): LabelTest {
  let m = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
  if (m) {
    const [, key, op, list] = m;
    const values = list.split(',').map((v) => v.trim());
    return op === 'in'
      ? (l) => l?.[key] !== undefined && values.includes(l[key])
      : (l) => l?.[key] === undefined || !values.includes(l[key]);
  }
  m = /^([^\s!=]+)\s*(!=|==|=)\s*([^\s]*)$/.exec(term);
  if (m) {
    const [, key, op, value] = m;
    // `!=` also matches objects without the label, as the API server does.
    return op === '!=' ? (l) => l?.[key] !== value : (l) => l?.[key] === value;
  }
  m = /^!\s*([^\s!=()]+)$/.exec(term);
  if (m) {
    const key = m[1];
    return (l) => l?.[key] === undefined;
  }
  m = /^([^\s!=()]+)$/.exec(term);
  if (m) {
    const key = m[1];
    return (l) => l?.[key] !== undefined;
  }
  throw badRequest(`unable to parse requirement: invalid label selector term "${term}"`);
}

export function parseLabelSelector(selector: string | undefined | null): ObjectPredicate {
  if (!selector) return () => true;
  const tests = splitTerms(selector).map(labelTerm);
  return (obj) => tests.every((t) => t(obj.metadata.labels));
}

/** Reads a dotted field path such as `involvedObject.name` or `metadata.name`. */
function fieldValue(obj: KubeObject, path: string): string {
  let value: unknown = obj;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return '';
    value = (value as Record<string, unknown>)[part];
  }
  return value === undefined || value === null ? '' : String(value);
}

// The field labels of the resources that register field-label conversions (keyed by plural);
// they answer "field label not supported: x" for others. Every other resource supports only
// metadata.name and metadata.namespace and says so (as kube-apiserver 1.34 words it).
const FIELD_LABELS: Record<string, string[]> = {
  pods: [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.podIPs',
    'status.nominatedNodeName',
  ],
  events: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  secrets: ['type'],
  namespaces: ['status.phase'],
  nodes: ['spec.unschedulable'],
};

/**
 * A fieldSelector predicate. With `resource` (a plural), field labels that resource does not
 * support are refused as the API server refuses them (400 "field label not supported: x").
 */
export function parseFieldSelector(
  selector: string | undefined | null,
  resource?: string,
): ObjectPredicate {
  if (!selector) return () => true;
  const tests = splitTerms(selector).map((term) => {
    const m = /^([^\s!=]+)\s*(!=|==|=)\s*(.*)$/.exec(term);
    if (!m) throw badRequest(`invalid selector: '${selector}'; can't understand '${term}'`);
    const [, path, op, value] = m;
    const supported =
      path === 'metadata.name' ||
      path === 'metadata.namespace' ||
      (FIELD_LABELS[resource ?? ''] ?? []).includes(path);
    if (resource !== undefined && !supported)
      throw badRequest(
        FIELD_LABELS[resource]
          ? `field label not supported: ${path}`
          : `"${path}" is not a known field selector: only "metadata.name", "metadata.namespace"`,
      );
    return op === '!='
      ? (o: KubeObject) => fieldValue(o, path) !== value
      : (o: KubeObject) => fieldValue(o, path) === value;
  });
  return (obj) => tests.every((t) => t(obj));
}

/** A selector object ({matchLabels, matchExpressions}) as in a workload spec. */
export function matchesLabelSelector(
  selector:
    | {
        matchLabels?: Record<string, string>;
        matchExpressions?: { key: string; operator: string; values?: string[] }[];
      }
    | undefined,
  labels: Labels,
): boolean {
  if (!selector) return false;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {}))
    if (labels?.[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const value = labels?.[e.key];
    const values = e.values ?? [];
    if (e.operator === 'In' && (value === undefined || !values.includes(value))) return false;
    if (e.operator === 'NotIn' && value !== undefined && values.includes(value)) return false;
    if (e.operator === 'Exists' && value === undefined) return false;
    if (e.operator === 'DoesNotExist' && value !== undefined) return false;
  }
  return true;
}
