import { InputError } from '@cicd-actions/core';
import {
  namespaceProblem,
  releaseNameProblem,
  validateNamespace,
  validateReleaseName,
} from '../src/release-names';

describe('release names (Helm rules: DNS-1123 subdomain, at most 53 characters)', () => {
  test.each([
    { name: 'simple', input: 'web', valid: true },
    { name: 'hyphens and digits', input: 'imprun-server-2', valid: true },
    { name: 'dots', input: 'web.prod', valid: true },
    { name: 'exactly 53 characters', input: 'a'.repeat(53), valid: true },
    { name: '54 characters', input: 'a'.repeat(54), valid: false },
    { name: 'shell injection', input: 'x; rm -rf /', valid: false },
    { name: 'command substitution', input: '$(reboot)', valid: false },
    { name: 'looks like a flag', input: '--dry-run', valid: false },
    { name: 'upper case', input: 'Web', valid: false },
    { name: 'underscore', input: 'my_app', valid: false },
    { name: 'leading hyphen', input: '-web', valid: false },
    { name: 'trailing dot', input: 'web.', valid: false },
    { name: 'space inside', input: 'my app', valid: false },
    { name: 'newline inside', input: 'web\nprod', valid: false },
    { name: 'empty', input: '', valid: false },
  ])('$name: $input', ({ input, valid }) => {
    expect(releaseNameProblem(input) === undefined).toBe(valid);
  });

  test('the error names the input, what is expected and the value, on one line', () => {
    expect(() => validateReleaseName('release', 'x; rm -rf /')).toThrow(InputError);
    expect(() => validateReleaseName('release', 'x; rm -rf /')).toThrow(
      /^Input 'release': expected a Helm release name \(.*\), got 'x; rm -rf \/'$/,
    );
    expect(() => validateReleaseName('release', 'a\nb')).toThrow(/got 'a b'$/);
  });
});

describe('namespaces (DNS-1123 label, at most 63 characters)', () => {
  test.each([
    { name: 'default', input: 'default', valid: true },
    { name: 'hyphen', input: 'kube-system', valid: true },
    { name: '63 characters', input: 'n'.repeat(63), valid: true },
    { name: '64 characters', input: 'n'.repeat(64), valid: false },
    { name: 'dot (a subdomain, not a label)', input: 'team.prod', valid: false },
    { name: 'upper case', input: 'Prod', valid: false },
    { name: 'injection', input: 'prod && curl evil', valid: false },
    { name: 'flag', input: '-n', valid: false },
  ])('$name: $input', ({ input, valid }) => {
    expect(namespaceProblem(input) === undefined).toBe(valid);
  });

  test('the error names the input', () => {
    expect(() => validateNamespace('namespace', 'Prod')).toThrow(
      /^Input 'namespace': expected a namespace name/,
    );
    expect(validateNamespace('namespace', 'prod')).toBe('prod');
  });
});
