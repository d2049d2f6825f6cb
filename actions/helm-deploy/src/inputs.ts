// Every input of helm-deploy, read and checked before anything runs: a bad value is one
// ::error:: naming the input, and no helm, no file and no cluster is touched.
import { existsSync, statSync } from 'node:fs';
import { InputError } from '@cicd-actions/core/errors';
import { Inputs, parseList } from '@cicd-actions/core/inputs';
import { workspacePath } from '@cicd-actions/core/paths';
import type { Runner } from '@cicd-actions/core/runner';
import { validateContext } from '@cicd-actions/helm/kubeconfig-file';
import { shown, validateNamespace, validateReleaseName } from '@cicd-actions/helm/release-names';
import type { ChartSource } from '@cicd-actions/helm/upgrade-flags';

export interface DeployInputs {
  release: string;
  namespace: string;
  chart: ChartSource;
  /** The chart as the user wrote it, for the log. */
  chartText: string;
  chartVersion?: string;
  createNamespace: boolean;
  valuesFiles: string[];
  set: string[];
  setString: string[];
  kubeconfig: string;
  context?: string;
  timeoutMs: number;
  wait: boolean;
  atomic: boolean;
  dryRun: boolean;
  helm: string;
}

// Helm's value paths: `image.tag`, `env[0].name`, `podAnnotations.prometheus\.io/scrape`.
const SET_KEY = /^[A-Za-z0-9_][A-Za-z0-9_.\-/\\[\]]*$/;
// A second `key=` after an unescaped comma: helm would set two keys from one line.
const SECOND_KEY = /(^|[^\\]),\s*[A-Za-z0-9_][A-Za-z0-9_.\-/\\[\]]*=/;

/** `key=value` lines for --set / --set-string, each exactly one key. */
export function parseSetLines(input: string, text: string): string[] {
  const out: string[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const where = lines.length > 1 ? ` (line ${i + 1})` : '';
    if (line.startsWith('-'))
      throw new InputError(
        input,
        `expected key=value lines, got a flag${where}: '${shown(line)}' — only values can be set here, not helm flags`,
      );
    const at = line.indexOf('=');
    if (at <= 0) throw new InputError(input, `expected key=value${where}, got '${shown(line)}'`);
    const key = line.slice(0, at).trim();
    const value = line.slice(at + 1).trim();
    if (!SET_KEY.test(key))
      throw new InputError(
        input,
        `expected a value path like image.tag or env[0].name before '='${where}, got '${shown(key)}'`,
      );
    if (SECOND_KEY.test(value))
      throw new InputError(
        input,
        `expected one key per line${where}: the value of '${key}' holds another key=value after a comma; put it on its own line (or escape the comma as \\,)`,
      );
    out.push(`${key}=${value}`);
  }
  return out;
}

// A chart name in a repository (Helm's chart name rules are loose; this keeps flags and paths out).
const CHART_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const ADDED_REPO_REF = /^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/;
const OCI_REF = /^oci:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._-]+)+$/;

export function parseChart(runner: Runner, chartText: string, repo: string): ChartSource {
  if (chartText.startsWith('-'))
    throw new InputError('chart', `expected a chart, got a flag: '${shown(chartText)}'`);
  if (repo) {
    let url: URL;
    try {
      url = new URL(repo);
    } catch {
      throw new InputError(
        'repo',
        `expected a chart repository URL (https://…), got '${shown(repo)}'`,
      );
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new InputError(
        'repo',
        `expected an http(s):// chart repository URL, got '${shown(repo)}'`,
      );
    if (url.password) runner.setSecret(url.password);
    if (!CHART_NAME.test(chartText))
      throw new InputError(
        'chart',
        `expected a chart name in the repository (e.g. nginx) with the repo input, got '${shown(chartText)}'`,
      );
    return { kind: 'repo', repo, name: chartText };
  }
  if (chartText.startsWith('oci://')) {
    if (!OCI_REF.test(chartText))
      throw new InputError(
        'chart',
        `expected an OCI chart reference like oci://registry.example/charts/web, got '${shown(chartText)}'`,
      );
    return { kind: 'oci', ref: chartText };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(chartText))
    throw new InputError(
      'chart',
      `expected a path, repo/chart or oci:// reference, got a URL: '${shown(chartText)}' (a chart repository URL goes in the repo input)`,
    );
  // A path: resolved inside the workspace (symlinks followed) — never ../ or /etc.
  const resolved = workspacePath('chart', chartText, { env: runner.env });
  if (existsSync(resolved)) {
    const st = statSync(resolved);
    if (st.isDirectory() && !existsSync(`${resolved}/Chart.yaml`))
      throw new InputError('chart', `'${shown(chartText)}' is a directory without a Chart.yaml`);
    return { kind: 'path', path: resolved };
  }
  if (ADDED_REPO_REF.test(chartText) && !chartText.startsWith('.'))
    return { kind: 'added-repo', ref: chartText };
  throw new InputError(
    'chart',
    `no chart at '${shown(chartText)}' in the workspace (expected a chart directory or .tgz, repo/chart, or oci://…)`,
  );
}

export function readInputs(runner: Runner): DeployInputs {
  const inputs = new Inputs(runner);
  // The kubeconfig is masked before anything else can print it.
  const kubeconfig = inputs.raw('kubeconfig').trim();
  runner.setSecret(kubeconfig);
  const release = validateReleaseName('release', inputs.required('release'));
  const namespace = validateNamespace('namespace', inputs.string('namespace', 'default'));
  const chartText = inputs.required('chart');
  const repo = inputs.string('repo');
  const chart = parseChart(runner, chartText, repo);
  const chartVersion = inputs.string('chart-version') || undefined;
  if (chartVersion !== undefined && !/^[A-Za-z0-9^~<>=*.,+ |-]+$/.test(chartVersion))
    throw new InputError(
      'chart-version',
      `expected a chart version or constraint (e.g. 1.4.2 or ^1.4), got '${shown(chartVersion)}'`,
    );
  if (chartVersion?.startsWith('-'))
    throw new InputError(
      'chart-version',
      `expected a version, got a flag: '${shown(chartVersion)}'`,
    );
  if (chartVersion !== undefined && chart.kind === 'path')
    throw new InputError(
      'chart-version',
      'applies to repository and OCI charts; a chart in the workspace has the version its Chart.yaml says',
    );
  const valuesFiles = parseList(runner.input('values-files')).map((file) => {
    const resolved = workspacePath('values-files', file, { env: runner.env, mustExist: true });
    if (!statSync(resolved).isFile())
      throw new InputError('values-files', `'${shown(file)}' is not a file`);
    return resolved;
  });
  const context = validateContext(inputs.string('context') || undefined);
  const helm = inputs.string('helm', 'helm');
  if (/[\r\n\x00]/.test(helm))
    throw new InputError('helm', 'expected a program name or path on one line');
  return {
    release,
    namespace,
    chart,
    chartText,
    chartVersion,
    createNamespace: inputs.boolean('create-namespace', false),
    valuesFiles,
    set: parseSetLines('set', inputs.raw('set')),
    setString: parseSetLines('set-string', inputs.raw('set-string')),
    kubeconfig,
    context,
    timeoutMs: inputs.duration('timeout', '10m', { min: 1000 }),
    wait: inputs.boolean('wait', true),
    atomic: inputs.boolean('atomic', false),
    dryRun: inputs.boolean('dry-run', false),
    helm,
  };
}
