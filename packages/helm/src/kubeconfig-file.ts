// The kubeconfig input for helm: decoded (raw YAML or base64) with packages/kube's parser, every
// secret in it masked, the context checked, and written as a private file (0600 in a fresh 0700
// directory under RUNNER_TEMP) that the action removes when it ends.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { InputError, errorMessage } from '@cicd-actions/core/errors';
import { preview } from '@cicd-actions/core/preview';
import type { Env, Runner } from '@cicd-actions/core/runner';

/** The kubeconfig input as YAML, or undefined when none was given (helm then finds its own). */
export async function decodeKubeconfigInput(
  runner: Runner,
  content: string,
  context: string | undefined,
): Promise<string | undefined> {
  if (!content) return undefined;
  const {
    decodeKubeconfigContent,
    parseKubeconfig,
    kubeconfigSecrets,
    connectionFromKubeconfig,
    KubeconfigError,
  } = await import('@cicd-actions/kube/kubeconfig');
  let text: string;
  try {
    text = decodeKubeconfigContent(content);
  } catch (err) {
    throw new InputError('kubeconfig', errorMessage(err));
  }
  runner.setSecret(text);
  let config;
  try {
    config = await parseKubeconfig(text);
  } catch (err) {
    throw new InputError('kubeconfig', errorMessage(err));
  }
  for (const secret of kubeconfigSecrets(config)) runner.setSecret(secret);
  // helm reads a user's tokenFile itself, so the action never sees that token on the wire; read
  // it here only to mask it, in case helm quotes it in an error (an echoing Status message).
  for (const token of tokenFileContents(config.users)) runner.setSecret(token);
  if (context && !config.contexts.some((c) => c.name === context)) {
    throw new InputError(
      'context',
      `no context named ${preview(context)} in the kubeconfig (it has: ${config.contexts.map((c) => c.name).join(', ') || 'none'})`,
    );
  }
  // The same checks as wait-rollout's (a context to use, its cluster, a server URL helm can
  // reach): without them helm falls back to http://localhost:8080 for a kubeconfig with no
  // context, and a bad server is only found after helm has run.
  try {
    connectionFromKubeconfig(config, 'the kubeconfig input', context, (file) =>
      readFileSync(file, 'utf8'),
    );
  } catch (err) {
    if (err instanceof KubeconfigError) throw new InputError(err.about, err.message);
    throw new InputError('kubeconfig', errorMessage(err));
  }
  return text;
}

/** A private copy of the kubeconfig for helm: mode 600 in a fresh directory under RUNNER_TEMP. */
export function writeKubeconfigFile(
  env: Env,
  text: string,
  prefix: string,
): { file: string; remove: () => void } {
  // mkdtemp makes a fresh directory only this user can enter (0700).
  const dir = mkdtempSync(path.join(env.RUNNER_TEMP || tmpdir(), `${prefix}-`));
  const file = path.join(dir, 'kubeconfig');
  writeFileSync(file, text, { mode: 0o600 });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The environment helm runs in: the job's without the action's `INPUT_*` variables (inputs are
 * the action's business, not helm's), and with KUBECONFIG naming a private copy of the kubeconfig
 * input when one was given — removed by `remove()`, and registered with `onCleanup` so that a
 * cancelled job, whose process exits before any `finally`, removes the credentials too.
 */
export function helmEnvironment(
  runner: Runner,
  kubeconfigText: string | undefined,
  prefix: string,
  onCleanup?: (fn: () => void) => void,
): { env: Env; remove: () => void } {
  const env: Env = { ...runner.env };
  for (const key of Object.keys(env)) if (key.startsWith('INPUT_')) delete env[key];
  if (!kubeconfigText) return { env, remove: () => undefined };
  const copy = writeKubeconfigFile(runner.env, kubeconfigText, prefix);
  env.KUBECONFIG = copy.file;
  onCleanup?.(copy.remove);
  return { env, remove: copy.remove };
}

/** The context input: a name without spaces or control characters (it reaches helm as one argument). */
export function validateContext(context: string | undefined): string | undefined {
  if (context !== undefined && (context.length > 253 || /[\s\x00-\x1f]/.test(context)))
    throw new InputError(
      'context',
      `expected a kubeconfig context name without spaces or control characters, got ${preview(context)}`,
    );
  return context;
}

/** The tokens in the users' `tokenFile`s that can be read now (small files only; errors are helm's). */
function tokenFileContents(users: { user?: { tokenFile?: string } }[]): string[] {
  const out: string[] = [];
  for (const { user } of users) {
    if (!user?.tokenFile) continue;
    try {
      const token = readFileSync(user.tokenFile, 'utf8').trim();
      if (token && token.length <= 64 * 1024) out.push(token);
    } catch {
      // Unreadable here: helm will say so, naming the file.
    }
  }
  return out;
}
