// Names are checked before anything runs: Helm's own rules for release names, DNS-1123 labels
// for namespaces. A name that passes cannot carry shell or flag syntax (no spaces, `;`, leading `-`).
import { InputError } from '@cicd-actions/core/errors';
import { isDns1123Label } from '@cicd-actions/kube/workload-ref';

// Helm's release name rule (chartutil.ValidateReleaseName): a DNS-1123 subdomain of at most 53
// characters, because Helm builds Secret names and labels from it.
const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const RELEASE_NAME_MAX = 53;

/** Why `name` is not a valid Helm release name, or undefined when it is. */
export function releaseNameProblem(name: string): string | undefined {
  if (name.length > RELEASE_NAME_MAX)
    return `at most ${RELEASE_NAME_MAX} characters (got ${name.length})`;
  if (!RELEASE_NAME.test(name))
    return 'lowercase letters, digits, "-" and ".", starting and ending with a letter or digit';
  return undefined;
}

/** Why `name` is not a valid namespace (DNS-1123 label), or undefined when it is. */
export function namespaceProblem(name: string): string | undefined {
  if (name.length > 63) return `at most 63 characters (got ${name.length})`;
  if (!isDns1123Label(name))
    return 'a DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit';
  return undefined;
}

/** Shows a user's value in an error without letting it span lines or run on. */
export function shown(value: string): string {
  const oneLine = value.replace(/[\r\n]+/g, ' ');
  return oneLine.length > 70 ? `${oneLine.slice(0, 70)}…` : oneLine;
}

export function validateReleaseName(input: string, value: string): string {
  const problem = releaseNameProblem(value);
  if (problem)
    throw new InputError(input, `expected a Helm release name (${problem}), got '${shown(value)}'`);
  return value;
}

export function validateNamespace(input: string, value: string): string {
  const problem = namespaceProblem(value);
  if (problem)
    throw new InputError(input, `expected a namespace name (${problem}), got '${shown(value)}'`);
  return value;
}
