// The sample GitOps repository (acme/infra): a bare repository playing the remote (what Argo CD
// watches), holding the chart and its production values. Real git, nothing on the network.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';

const execFileAsync = promisify(execFile);

export const CHART_DIR = 'charts/shop';
export const VALUES_FILE = `${CHART_DIR}/values-production.yaml`;
export const TAG_PATH = 'shop-api.image.tag';
export const WEB_TAG_PATH = 'shop-web.image.tag';
/** The other service's tag, bumped by its own pipeline (the push-race scenario). */
export const WEB_VERSION = '2.0.7';

export interface GitopsRepo {
  remote: string;
  valuesFile: string;
}

/** Git with a fixed identity and no user or system config, so the demo behaves the same anywhere. */
export async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', args, { cwd, env: gitEnv(), maxBuffer: 4 << 20 });
  return stdout.trim();
}

export function gitEnv(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Platform Team',
    GIT_AUTHOR_EMAIL: 'platform@example.com',
    GIT_COMMITTER_NAME: 'Platform Team',
    GIT_COMMITTER_EMAIL: 'platform@example.com',
  };
}

export function valuesYaml(tag: string, webTag = WEB_VERSION): string {
  return `# Production values for the shop release. Argo CD syncs this file; CI bumps the tags.
shop-api:
  image:
    repository: ghcr.io/acme/shop-api
    tag: "${tag}" # set by the deploy pipeline
  replicaCount: 3
  resources:
    limits: { cpu: 500m, memory: 256Mi }

shop-web:
  image:
    repository: ghcr.io/acme/shop-web
    tag: "${webTag}"
  replicaCount: 2
`;
}

/** The chart beside the values file, as in the seed's infrastructure repository; helm deploys it from the checkout. */
export const CHART_FILES: Record<string, string> = {
  // No appVersion: the image tag in the values file is the version, and a fixed appVersion would misreport it.
  'Chart.yaml':
    'apiVersion: v2\nname: shop\ndescription: The shop (demo chart)\ntype: application\nversion: 0.3.0\n',
  'values.yaml': [
    'shop-api:',
    '  image: { repository: ghcr.io/acme/shop-api, tag: latest }',
    '  replicaCount: 1',
    'shop-web:',
    '  image: { repository: ghcr.io/acme/shop-web, tag: latest }',
    '  replicaCount: 1',
    '',
  ].join('\n'),
  'templates/deployment.yaml': workloadTemplate('shop-api'),
  'templates/deployment-web.yaml': workloadTemplate('shop-web'),
};

function workloadTemplate(name: string): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    '  namespace: {{ .Release.Namespace }}',
    '  labels:',
    `    app.kubernetes.io/name: ${name}`,
    'spec:',
    `  replicas: {{ index .Values "${name}" "replicaCount" }}`,
    '  selector:',
    '    matchLabels:',
    `      app.kubernetes.io/name: ${name}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app.kubernetes.io/name: ${name}`,
    '    spec:',
    '      containers:',
    `        - name: ${name}`,
    `          image: {{ index .Values "${name}" "image" "repository" }}:{{ index .Values "${name}" "image" "tag" }}`,
    '',
  ].join('\n');
}

/** Creates the remote under `root`: the chart and its values file at `currentTag`, one commit. */
export async function createGitopsRepo(root: string, currentTag: string): Promise<GitopsRepo> {
  const remote = path.join(root, 'infra.git');
  const seed = path.join(root, 'seed');
  mkdirSync(seed, { recursive: true });
  await git(root, ['init', '--quiet', '--bare', '--initial-branch=main', remote]);
  await git(seed, ['init', '--quiet', '--initial-branch=main']);
  for (const [file, text] of Object.entries(CHART_FILES)) {
    mkdirSync(path.dirname(path.join(seed, CHART_DIR, file)), { recursive: true });
    writeFileSync(path.join(seed, CHART_DIR, file), text);
  }
  writeFileSync(path.join(seed, VALUES_FILE), valuesYaml(currentTag));
  await git(seed, ['add', CHART_DIR]);
  await git(seed, ['commit', '--quiet', '-m', `chore: deploy shop-api ${currentTag}`]);
  await git(seed, ['push', '--quiet', remote, 'main']);
  return { remote, valuesFile: VALUES_FILE };
}

export interface RemoteCommit {
  sha: string;
  subject: string;
  author: string;
  /** image.tag of shop-api in the values file at that commit. */
  tag: string;
  /** image.tag of shop-web there. */
  webTag: string;
}

/** The two image tags a values file sets. */
export function tagsOf(values: string): { tag: string; webTag: string } {
  const parsed = parseYaml(values) as Record<string, { image?: { tag?: unknown } }> | null;
  const tag = (service: string) => String(parsed?.[service]?.image?.tag ?? '');
  return { tag: tag('shop-api'), webTag: tag('shop-web') };
}

/** The remote's main branch, newest first, with the tag each commit leaves in the values file. */
export async function remoteHistory(repo: GitopsRepo): Promise<RemoteCommit[]> {
  const log = await git(repo.remote, ['log', '--format=%H%x09%an%x09%s', 'main']);
  const commits: RemoteCommit[] = [];
  for (const line of log.split('\n').filter(Boolean)) {
    const [sha, author, subject] = line.split('\t');
    const file = await git(repo.remote, ['show', `${sha}:${VALUES_FILE}`]);
    commits.push({ sha, subject, author, ...tagsOf(file) });
  }
  return commits;
}
