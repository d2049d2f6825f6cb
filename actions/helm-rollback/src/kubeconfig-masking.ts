// What of a kubeconfig is masked. The runner masks a multi-line secret line by line, so masking
// the whole decoded kubeconfig would register lines like `user:` or `kind: Config` and turn every
// later `user:` in the log into ***. Masked instead: the input when it is one line (the base64
// form), every credential value, and the unbroken lines of multi-line values (PEM bodies).
import type { Runner } from '../../../packages/core/src/runner';

// A line with no spaces of 8+ characters that is not a YAML key (`users:`): key material.
const LONG_TOKEN = /^\S{7,}[^\s:]$/;

export function maskKubeconfigValue(runner: Runner, value: string | undefined): void {
  const v = value?.trim();
  if (!v) return;
  if (!/[\r\n]/.test(v)) return runner.setSecret(v);
  for (const line of v.split(/\r?\n/)) if (LONG_TOKEN.test(line.trim())) runner.setSecret(line.trim());
}
