import { Runner } from '../../../packages/core/src/index';
import { maskKubeconfigValue } from '../src/kubeconfig-masking';

function masksOf(value: string): string[] {
  let out = '';
  const runner = new Runner({ env: {}, write: (t) => void (out += t), appendFile: () => {} });
  maskKubeconfigValue(runner, value);
  return [...out.matchAll(/^::add-mask::(.*)$/gm)].map((m) => m[1]);
}

describe('maskKubeconfigValue', () => {
  test.each([
    { name: 'a one-line value (token, base64 kubeconfig) is masked whole', input: 'c2VjcmV0LXRva2VuLXZhbHVl', expected: ['c2VjcmV0LXRva2VuLXZhbHVl'] },
    {
      name: 'a raw kubeconfig: only its long unbroken lines, never structural lines',
      input: 'apiVersion: v1\nkind: Config\npreferences:\nusers:\n- name: ci\n  user:\n    token: abc\n',
      expected: [],
    },
    {
      name: 'a PEM key: its body lines',
      input: '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yBkfyiRwBNRbUrAv1ZB1Ho1rPXGoAoGCCqGSM49\nAwEHoUQDQgAE\n-----END EC PRIVATE KEY-----\n',
      expected: ['MHcCAQEEIBkg4LVWM9nuwNSk3yBkfyiRwBNRbUrAv1ZB1Ho1rPXGoAoGCCqGSM49', 'AwEHoUQDQgAE'],
    },
    { name: 'empty', input: '   ', expected: [] },
  ])('$name', ({ input, expected }) => expect(masksOf(input)).toEqual(expected));
});
