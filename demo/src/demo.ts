// Plays the deploy job end to end on this machine: local chat sinks, a real GitOps repository with
// a bare remote, the simulated cluster with its scripted controller, the app's health endpoint —
// and each step the bundled action from dist/, spawned the way the runner spawns it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cleanupRun, runBundle } from '../../test/harness/run-action';
import { startChatSinks, type ChatMessage, type SinkEvent } from './chat-sinks';
import { startDemoCluster, type ClusterState } from './demo-cluster';
import { deployJob } from './deploy-job';
import {
  CHART_FILES,
  createGitopsRepo,
  remoteHistory,
  TAG_PATH,
  valuesYaml,
  type RemoteCommit,
} from './gitops-repo';
import { runJob, type JobHooks, type JobResult, type StepRun } from './job';
import { MaskSet } from './job-log';
import { buildHtml, buildMarkdown, seconds } from './report';
import { startShopApp } from './shop-app';
import { cell, table } from '@cicd-actions/core/summary';

export type Scenario = 'good' | 'bad-release';
export const SCENARIOS: readonly Scenario[] = ['good', 'bad-release'];

export const RELEASE = 'shop';
export const NAMESPACE = 'production';
export const DEPLOYMENT = 'shop-api';
export const IMAGE_REPOSITORY = 'registry.example.com/shop/api';
/** What runs before the job: the last good release. */
export const LIVE_VERSION = '1.4.2';
export const VERSIONS: Record<Scenario, string> = { good: '1.5.0', 'bad-release': '1.5.1' };
/** The build that crash-loops on start (a missing config key, say): the bad release. */
/** Where the job checks out the GitOps repository inside its workspace. */
export const GITOPS_DIRECTORY = 'infra';
export const BROKEN_VERSIONS = new Set(['1.5.1']);

/** The GitHub context the job runs in: a release tag pushed by a developer. */
export function jobContextEnv(version: string): Record<string, string> {
  return {
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_REF: `refs/tags/v${version}`,
    GITHUB_REF_NAME: `v${version}`,
    GITHUB_REF_TYPE: 'tag',
    GITHUB_SHA: 'c0ffee5a1b2c3d4e5f60718293a4b5c6d7e8f901',
    GITHUB_ACTOR: 'jane-dev',
    GITHUB_WORKFLOW: 'Release',
    GITHUB_JOB: 'deploy',
    GITHUB_RUN_ID: '9876543210',
    GITHUB_RUN_NUMBER: '128',
  };
}

export interface DemoOptions {
  scenario: Scenario;
  /** Where the summary .md and .html go. */
  outDir: string;
  /** One line of the job log (already styled). */
  print?: (line: string) => void;
  hooks?: (print: (line: string) => void, sinkLines: string[], stepCount: number) => JobHooks;
  /** On Ctrl-C, close the servers and remove the temp directory before exiting (the CLI sets this). */
  cleanUpOnInterrupt?: boolean;
}

export interface DemoResult {
  scenario: Scenario;
  version: string;
  job: JobResult;
  messages: ChatMessage[];
  sinkEvents: SinkEvent[];
  gitHistory: RemoteCommit[];
  cluster: ClusterState;
  healthRequests: number;
  /** Every helm command line run during the job (by the deploy step and by helm-rollback). */
  helmCommands: string[][];
  /** Human checks of the outcome; empty when the scenario played out as it should. */
  problems: string[];
  verdict: string;
  markdownPath: string;
  htmlPath: string;
}

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const { scenario } = options;
  const print = options.print ?? (() => undefined);
  const version = VERSIONS[scenario];
  const temp = mkdtempSync(path.join(tmpdir(), `cicd-demo-${scenario}-`));
  const cleanups: (() => Promise<void> | void)[] = [
    () => rmSync(temp, { recursive: true, force: true }),
  ];
  const runCleanups = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (err) {
        print(`cleanup: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  };
  // The action being run gets the same SIGINT from the terminal (same process group) and exits.
  const onInterrupt = () => void runCleanups().finally(() => process.exit(130));
  if (options.cleanUpOnInterrupt) process.once('SIGINT', onInterrupt);
  // Lines the sinks print while a step runs are shown after that step's own log.
  const sinkLines: string[] = [];
  try {
    const sinks = await startChatSinks((line) => sinkLines.push(line));
    cleanups.push(() => sinks.close());
    const cluster = await startDemoCluster({
      release: RELEASE,
      namespace: NAMESPACE,
      deployment: DEPLOYMENT,
      imageRepository: IMAGE_REPOSITORY,
      history: ['1.4.0', '1.4.1', LIVE_VERSION],
      brokenImages: [...BROKEN_VERSIONS].map((v) => `${IMAGE_REPOSITORY}:${v}`),
      chart: CHART_FILES,
      valuesFor: valuesYaml,
    });
    cleanups.push(() => cluster.close());
    const app = await startShopApp(
      () => cluster.deploymentImage(),
      (image) => BROKEN_VERSIONS.has(image.split(':').at(-1) ?? ''),
    );
    cleanups.push(() => app.close());
    const workspace = path.join(temp, 'workspace');
    mkdirSync(workspace, { recursive: true });
    const repo = await createGitopsRepo(
      path.join(temp, 'gitops'),
      path.join(workspace, GITOPS_DIRECTORY),
      LIVE_VERSION,
    );

    // Secrets the workflow passes in are masked by the runner before any step runs.
    const masks = new MaskSet();
    for (const secret of [sinks.slack.token, sinks.discord.webhookUrl, cluster.kubeconfigBase64])
      masks.add(secret);

    const steps = deployJob({
      release: RELEASE,
      namespace: NAMESPACE,
      deployment: DEPLOYMENT,
      version,
      kubeconfigBase64: cluster.kubeconfigBase64,
      healthUrl: app.healthUrl,
      slack: { apiUrl: sinks.slack.apiUrl, token: sinks.slack.token, channel: sinks.slack.channel },
      discordWebhookUrl: sinks.discord.webhookUrl,
      helm: cluster.helm,
      gitopsDirectory: GITOPS_DIRECTORY,
      runHelm: (args) => cluster.runHelm(args, path.join(workspace, GITOPS_DIRECTORY)),
    });
    const contextEnv = jobContextEnv(version);
    const invoke = async (
      action: string,
      inputs: Record<string, string>,
      env: Record<string, string>,
      stepWorkspace?: string,
    ): Promise<StepRun> => {
      const run = await runBundle(action, {
        inputs,
        env: { ...contextEnv, ...env },
        workspace: stepWorkspace ?? workspace,
        timeoutMs: 90_000,
      });
      cleanupRun(run);
      return {
        exitCode: run.code,
        stdout: run.stdout + run.stderr,
        outputs: run.outputs,
        summary: run.summary,
      };
    };
    const job = await runJob(
      steps,
      invoke,
      masks,
      options.hooks?.(print, sinkLines, steps.length) ?? {},
    );

    const gitHistory = await remoteHistory(repo);
    const clusterState = await cluster.state();
    const helmCommands = cluster.helmInvocations();
    const problems = checkOutcome(scenario, version, job, sinks.messages, gitHistory, clusterState);
    const verdict = problems.length
      ? `❌ The ${scenario} scenario did not play out: ${problems.join('; ')}`
      : scenario === 'good'
        ? `✅ ${DEPLOYMENT} ${version} deployed: bumped in Git, rolled out, healthy, message updated to success.`
        : `✅ ${DEPLOYMENT} ${version} crash-looped and was caught: rolled back to revision ${job.steps.find((s) => s.id === 'rollback')?.outputs['to-revision'] ?? '?'} in the cluster (${restoreTime(job)} from the upgrade to the verified rollback), reverted in Git, message updated to rolled-back.`;

    mkdirSync(options.outDir, { recursive: true });
    const report = {
      title: `Deploy ${DEPLOYMENT} ${version} to ${NAMESPACE}`,
      scenario,
      verdict,
      job,
      messages: sinks.messages,
      username: 'Deploy Bot',
      facts: [
        {
          heading: 'GitOps repository (remote main, newest first)',
          markdown: table(
            ['Commit', 'Author', 'Subject', TAG_PATH],
            gitHistory.map((c) => [c.sha.slice(0, 12), c.author, c.subject, c.tag]),
          ),
        },
        { heading: 'Cluster at the end', markdown: clusterMarkdown(clusterState) },
      ],
    };
    const markdownPath = path.join(options.outDir, `summary-${scenario}.md`);
    const htmlPath = path.join(options.outDir, `summary-${scenario}.html`);
    writeFileSync(markdownPath, buildMarkdown(report));
    writeFileSync(htmlPath, buildHtml(report));
    return {
      scenario,
      version,
      job,
      messages: sinks.messages,
      sinkEvents: sinks.events,
      gitHistory,
      cluster: clusterState,
      healthRequests: app.requests,
      helmCommands,
      problems,
      verdict,
      markdownPath,
      htmlPath,
    };
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    await runCleanups();
  }
}

/** DORA's time to restore, as this job sees it: from the start of the upgrade to the end of the verified rollback. */
function restoreTime(job: JobResult): string {
  const deploy = job.steps.find((s) => s.id === 'deploy');
  const rollback = job.steps.find((s) => s.id === 'rollback');
  if (!deploy || !rollback || rollback.conclusion !== 'success') return 'not restored';
  return seconds(rollback.startMs + rollback.durationMs - deploy.startMs);
}

function clusterMarkdown(s: ClusterState): string {
  return [
    `Deployment \`${s.deployment.name}\` runs \`${s.deployment.image}\` — ${s.deployment.readyReplicas}/${s.deployment.replicas} ready.`,
    '',
    table(
      ['Helm revision', 'Status', 'Image', 'Description'],
      s.helmHistory.map((h) => [h.revision, h.status, h.image, cell(h.description)]),
    ),
  ].join('\n');
}

/** What must be true at the end of each scenario; the demo's verdict and the tests' first check. */
export function checkOutcome(
  scenario: Scenario,
  version: string,
  job: JobResult,
  messages: ChatMessage[],
  git: RemoteCommit[],
  cluster: ClusterState,
): string[] {
  const problems: string[] = [];
  const step = (id: string) => job.steps.find((s) => s.id === id);
  const expectConclusion = (id: string, conclusion: string) => {
    if (step(id)?.conclusion !== conclusion)
      problems.push(`step ${id} was ${step(id)?.conclusion ?? 'missing'}, expected ${conclusion}`);
  };
  for (const platform of ['slack', 'discord'] as const) {
    const msgs = messages.filter((m) => m.platform === platform);
    if (msgs.length !== 1)
      problems.push(`${platform} got ${msgs.length} messages, expected 1 updated in place`);
    else if (msgs[0].versions.length !== 2)
      problems.push(
        `${platform} message has ${msgs[0].versions.length} versions, expected 2 (started, then final)`,
      );
  }
  const liveImage = `${IMAGE_REPOSITORY}:${scenario === 'good' ? version : LIVE_VERSION}`;
  if (cluster.deployment.image !== liveImage)
    problems.push(`cluster runs ${cluster.deployment.image}, expected ${liveImage}`);
  const rollout = step('rollout')?.outputs ?? {};
  if (scenario === 'good') {
    if (job.status !== 'success') problems.push('the job failed');
    if (rollout.ready !== 'true')
      problems.push(`wait-rollout reported ready=${rollout.ready ?? '(none)'}`);
    if (step('health')?.outputs.healthy !== 'true')
      problems.push('the health check did not report healthy');
    for (const id of ['notify-started', 'bump', 'deploy', 'rollout', 'health', 'notify-finished'])
      expectConclusion(id, 'success');
    for (const id of ['rollback', 'revert']) expectConclusion(id, 'skipped');
    if (git[0]?.tag !== version)
      problems.push(`the GitOps remote has tag ${git[0]?.tag} at its tip, expected ${version}`);
  } else {
    if (job.status !== 'failure') problems.push('the job did not fail');
    expectConclusion('rollout', 'failure');
    // Failed for the right reason: the crash loop, caught by wait-rollout itself.
    if (rollout.ready !== 'false' || !(rollout.failed ?? '').includes(DEPLOYMENT))
      problems.push(
        `wait-rollout did not report ${DEPLOYMENT} as failed (ready=${rollout.ready ?? '(none)'}, failed=${rollout.failed ?? '(none)'})`,
      );
    if (step('rollback')?.outputs.status !== 'verified')
      problems.push(
        `helm-rollback status is ${step('rollback')?.outputs.status ?? '(none)'}, expected verified`,
      );
    expectConclusion('health', 'skipped');
    for (const id of ['rollback', 'revert', 'notify-finished']) expectConclusion(id, 'success');
    if (git[0]?.tag !== LIVE_VERSION || git[1]?.tag !== version)
      problems.push(
        `the GitOps remote does not end with bump to ${version} then revert to ${LIVE_VERSION}`,
      );
  }
  return problems;
}
