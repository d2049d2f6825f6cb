// The environment the GitHub runner gives a JavaScript action, reduced to what a cold start
// touches: INPUT_* (with action.yml defaults applied), the GITHUB_* context, and empty
// file-command files. Mirrors test/harness/run-action.ts, in plain .mjs so the bench needs no build.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

export function readActionYml(file) {
  return parseYaml(readFileSync(file, 'utf8'));
}

function expandDefault(value, env) {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, expr) => {
    if (expr === 'github.token') return '';
    if (expr === 'job.status') return 'success';
    const ctx = /^github\.(\w+)$/.exec(expr);
    if (ctx) return env[`GITHUB_${ctx[1].toUpperCase()}`] ?? '';
    throw new Error(`bench cannot evaluate default expression: ${expr}`);
  });
}

/**
 * Creates a fresh step directory and the env for one run of an action.
 * @param {object} meta parsed action.yml
 * @param {Record<string,string>|Function} inputs given inputs (must be declared in action.yml), or a function of the step's directories returning them
 * @param {Record<string,string>} extraEnv step env (e.g. NODE_EXTRA_CA_CERTS)
 */
export function stepEnvironment(meta, inputs = {}, extraEnv = {}, label = 'step') {
  const dir = mkdtempSync(path.join(tmpdir(), `bench-${label}-`));
  const workspace = path.join(dir, 'workspace');
  const home = path.join(dir, 'home');
  const runnerTemp = path.join(dir, 'runner-temp');
  for (const d of [workspace, home, runnerTemp]) mkdirSync(d, { recursive: true });
  const files = {
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_ENV: path.join(dir, 'env'),
    GITHUB_PATH: path.join(dir, 'path'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const eventPath = path.join(dir, 'event.json');
  writeFileSync(
    eventPath,
    JSON.stringify({ ref: 'refs/heads/main', repository: { full_name: 'octo-org/octo-repo' } }),
  );
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: label.replace(/-/g, '_'),
    GITHUB_ACTOR: 'octocat',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_JOB: 'deploy',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RUN_ID: '1234567890',
    GITHUB_RUN_NUMBER: '42',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_WORKFLOW: 'Deploy',
    GITHUB_WORKSPACE: workspace,
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'bench',
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: path.join(dir, 'tool-cache'),
    ...files,
    ...extraEnv,
  };
  // Inputs may depend on the step's directories (files written into the workspace first).
  if (typeof inputs === 'function') inputs = inputs({ dir, workspace, home, env });
  const declared = meta?.inputs ?? {};
  for (const name of Object.keys(inputs)) {
    if (!(name in declared))
      throw new Error(`${label}: input '${name}' is not declared in its action.yml`);
  }
  for (const [name, spec] of Object.entries(declared)) {
    const value =
      name in inputs
        ? String(inputs[name])
        : spec?.default !== undefined
          ? expandDefault(String(spec.default), env)
          : undefined;
    if (value !== undefined) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  return {
    dir,
    workspace,
    env,
    files,
    outputs: () => parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** key=value lines and key<<DELIM heredocs, as the runner reads GITHUB_OUTPUT. */
export function parseFileCommands(text) {
  const out = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const value = [];
      i++;
      while (i < lines.length && lines[i] !== heredoc[2]) value.push(lines[i++]);
      out[heredoc[1]] = value.join('\n');
      continue;
    }
    const at = line.indexOf('=');
    if (at > 0) out[line.slice(0, at)] = line.slice(at + 1);
  }
  return out;
}
