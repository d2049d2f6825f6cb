// The sample GitOps repository: a bare repository playing the remote (what Argo CD would watch)
// and a clone playing the job's checkout of it. Real git, nothing on the network.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const CHART_DIR = 'charts/shop';
export const VALUES_FILE = `${CHART_DIR}/values-production.yaml`;
export const TAG_PATH = 'shop-api.image.tag';

export interface GitopsRepo {
  remote: string;
  checkout: string;
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

export function valuesYaml(tag: string): string {
  return `# Production values for the shop release. Argo CD syncs this file; CI bumps the tags.
shop-api:
  image:
    repository: registry.example.com/shop/api
    tag: "${tag}" # set by the deploy pipeline
  replicaCount: 3
  resources:
    limits: { cpu: 500m, memory: 256Mi }

shop-web:
  image:
    repository: registry.example.com/shop/web
    tag: "2.0.7"
`;
}

/** The chart beside the values file, as in the seed's infrastructure repository; helm deploys it from the checkout. */
export const CHART_FILES: Record<string, string> = {
  // No appVersion: the image tag in the values file is the version, and a fixed appVersion would misreport it.
  'Chart.yaml':
    'apiVersion: v2\nname: shop\ndescription: The shop (demo chart)\ntype: application\nversion: 0.3.0\n',
  'values.yaml':
    'shop-api:\n  image:\n    repository: registry.example.com/shop/api\n    tag: latest\n  replicaCount: 1\n',
  'templates/deployment.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: shop-api',
    '  namespace: {{ .Release.Namespace }}',
    '  labels:',
    '    app.kubernetes.io/name: shop-api',
    'spec:',
    '  replicas: {{ index .Values "shop-api" "replicaCount" }}',
    '  selector:',
    '    matchLabels:',
    '      app.kubernetes.io/name: shop-api',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app.kubernetes.io/name: shop-api',
    '    spec:',
    '      containers:',
    '        - name: shop-api',
    '          image: {{ index .Values "shop-api" "image" "repository" }}:{{ index .Values "shop-api" "image" "tag" }}',
    '',
  ].join('\n'),
};

/** Creates the remote under `root` and clones it to `checkout` (the job's actions/checkout with path:). */
export async function createGitopsRepo(
  root: string,
  checkout: string,
  currentTag: string,
): Promise<GitopsRepo> {
  const remote = path.join(root, 'infra.git');
  const seed = path.join(root, 'seed');
  mkdirSync(seed, { recursive: true });
  await git(root, ['init', '--quiet', '--bare', '--initial-branch=main', remote]);
  await git(seed, ['init', '--quiet', '--initial-branch=main']);
  mkdirSync(path.join(seed, CHART_DIR, 'templates'), { recursive: true });
  for (const [file, text] of Object.entries(CHART_FILES))
    writeFileSync(path.join(seed, CHART_DIR, file), text);
  writeFileSync(path.join(seed, VALUES_FILE), valuesYaml(currentTag));
  await git(seed, ['add', CHART_DIR]);
  await git(seed, ['commit', '--quiet', '-m', `chore: deploy shop-api ${currentTag}`]);
  await git(seed, ['push', '--quiet', remote, 'main']);
  // The job's `actions/checkout` of the infra repository.
  mkdirSync(path.dirname(checkout), { recursive: true });
  await git(root, ['clone', '--quiet', remote, checkout]);
  return { remote, checkout, valuesFile: VALUES_FILE };
}

export interface RemoteCommit {
  sha: string;
  subject: string;
  author: string;
  /** image.tag of shop-api in the values file at that commit. */
  tag: string;
}

/** The remote's main branch, newest first, with the tag each commit leaves in the values file. */
export async function remoteHistory(repo: GitopsRepo): Promise<RemoteCommit[]> {
  const log = await git(repo.remote, ['log', '--format=%H%x09%an%x09%s', 'main']);
  const commits: RemoteCommit[] = [];
  for (const line of log.split('\n').filter(Boolean)) {
    const [sha, author, subject] = line.split('\t');
    const file = await git(repo.remote, ['show', `${sha}:${VALUES_FILE}`]);
    const tag = /^ {4}tag: "?([^"\s#]+)"?/m.exec(file)?.[1] ?? '';
    commits.push({ sha, subject, author, tag });
  }
  return commits;
}
