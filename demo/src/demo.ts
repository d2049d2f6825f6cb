// Plays an example workflow end to end on this machine: local chat sinks, a real GitOps
// repository with a bare remote, the simulated cluster with its scripted controller, the app's
// health endpoint (and, for the GitOps example, an Argo CD stand-in) — and the workflow file
// itself, parsed and evaluated with GitHub's own parser and expression engine, every step of
// ours the bundled action from dist/ spawned the way the runner spawns it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cleanupRun, ROOT, runBundle } from '../../test/harness/run-action';
import {
  ARGOCD_NAMESPACE,
  startArgoCdStandIn,
  type ArgoCdStandIn,
  type SyncRecord,
} from './argo-cd';
import { startChatSinks, type ChatMessage, type SinkEvent } from './chat-sinks';
import { startDemoCluster, type ClusterState } from './demo-cluster';
import { createDemoWorld } from './demo-world';
import {
  CHART_DIR,
  CHART_FILES,
  createGitopsRepo,
  git,
  remoteHistory,
  valuesYaml,
  VALUES_FILE,
  type RemoteCommit,
} from './gitops-repo';
import { MaskSet } from './job-log';
import { checkOutcome } from './outcome';
import { buildHtml, buildMarkdown } from './report';
import {
  HISTORY,
  IMAGE_REPOSITORY,
  LIVE_VERSION,
  OTHER_RELEASE,
  SCENARIOS,
  type Scenario,
  type ScenarioLevers,
  type ScenarioName,
  type WorkflowKind,
} from './scenarios';
import { startShopApp } from './shop-app';
import { runnerToolsDir } from './tools';
import { runWorkflow, type EngineHooks, type RunResult } from './workflow/engine';
import { loadWorkflow } from './workflow/model';

export const RELEASE = 'shop';
export const NAMESPACE = 'production';
export const DEPLOYMENTS = ['shop-api', 'shop-web'];
/** The example workflows the demo plays, and which world each needs. */
export const WORKFLOWS: Record<string, WorkflowKind> = {
  'examples/deploy-production.yml': 'production',
  'examples/deploy-gitops.yml': 'gitops',
};
export const DEFAULT_WORKFLOW = 'examples/deploy-production.yml';

export interface DemoOptions {
  workflow?: string;
  scenario: ScenarioName;
  /** Where the summary .md and .html go. */
  outDir: string;
  /** The terminal's view of the run (log lines); none by default. */
  display?: (sinkLines: string[]) => EngineHooks;
  /** On Ctrl-C, close the servers and remove the temp directory before exiting (the CLI sets this). */
  cleanUpOnInterrupt?: boolean;
  print?: (line: string) => void;
}

export interface DemoResult {
  workflow: string;
  scenario: Scenario;
  run: RunResult;
  messages: ChatMessage[];
  sinkEvents: SinkEvent[];
  gitHistory: RemoteCommit[];
  cluster: ClusterState;
  healthRequests: number;
  /** Every helm command line run during the run (by the workflow's steps and by our actions). */
  helmCommands: string[][];
  argoSyncs: SyncRecord[];
  /** The Argo CD Application at the end (GitOps example): sync status and revision, health, images. */
  application?: { sync: string; revision: string; health: string; images: string[] };
  /** Where the outcome differs from what the scenario must end with; empty when it played out. */
  problems: string[];
  verdict: string;
  markdownPath: string;
  htmlPath: string;
}

/** The github context of a run started by pushing the release tag. */
export function githubContext(version: string, workflowName: string): Record<string, unknown> {
  return {
    repository: 'acme/shop',
    repository_owner: 'acme',
    ref: `refs/tags/v${version}`,
    ref_name: `v${version}`,
    ref_type: 'tag',
    sha: 'c0ffee5a1b2c3d4e5f60718293a4b5c6d7e8f901',
    actor: 'jane-dev',
    triggering_actor: 'jane-dev',
    event_name: 'push',
    event: { ref: `refs/tags/v${version}`, repository: { full_name: 'acme/shop' } },
    workflow: workflowName,
    run_id: '9876543210',
    run_number: '128',
    run_attempt: '1',
    server_url: 'https://github.com',
    api_url: 'https://api.github.com',
  };
}

function mergeHooks(...all: EngineHooks[]): EngineHooks {
  const keys = new Set(all.flatMap((h) => Object.keys(h))) as Set<keyof EngineHooks>;
  const merged: Record<string, unknown> = {};
  for (const key of keys)
    merged[key] = async (...args: unknown[]) => {
      for (const h of all) await (h[key] as ((...a: unknown[]) => unknown) | undefined)?.(...args);
    };
  return merged as EngineHooks;
}

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const workflowFile = options.workflow ?? DEFAULT_WORKFLOW;
  const kind = WORKFLOWS[workflowFile];
  if (!kind)
    throw new Error(`the demo plays ${Object.keys(WORKFLOWS).join(' or ')}, not ${workflowFile}`);
  const scenario = SCENARIOS[options.scenario];
  if (!scenario.workflows.includes(kind))
    throw new Error(
      `scenario ${scenario.name} does not apply to ${workflowFile}: ${scenario.notFor}`,
    );
  const print = options.print ?? (() => undefined);
  const temp = mkdtempSync(path.join(tmpdir(), `cicd-demo-${scenario.name}-`));
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
  const onInterrupt = () => void runCleanups().finally(() => process.exit(130));
  if (options.cleanUpOnInterrupt) process.once('SIGINT', onInterrupt);
  const sinkLines: string[] = [];
  try {
    const workflow = await loadWorkflow(ROOT, workflowFile);
    const sinks = await startChatSinks((line) => sinkLines.push(line));
    cleanups.push(() => sinks.close());
    const cluster = await startDemoCluster({
      release: RELEASE,
      namespace: NAMESPACE,
      deployments: DEPLOYMENTS,
      history: HISTORY,
      behaviours: scenario.behaviours,
      chart: CHART_FILES,
      valuesFor: valuesYaml,
    });
    cleanups.push(() => cluster.close());
    const app = await startShopApp(
      () => cluster.image('shop-api'),
      (image) =>
        image === `${IMAGE_REPOSITORY}:${scenario.version}` ? scenario.healthProblem : undefined,
    );
    cleanups.push(() => app.close());
    const repo = await createGitopsRepo(path.join(temp, 'gitops'), LIVE_VERSION);
    let argo: ArgoCdStandIn | undefined;
    if (kind === 'gitops') {
      argo = await startArgoCdStandIn({
        sim: cluster.sim,
        application: RELEASE,
        deployments: DEPLOYMENTS,
        remote: repo.remote,
        chartDir: CHART_DIR,
        valuesFile: VALUES_FILE,
        release: RELEASE,
        namespace: NAMESPACE,
        runHelm: cluster.runHelm,
      });
      cleanups.push(() => argo?.close());
    }

    const secrets: Record<string, string> = {
      KUBECONFIG_DATA: cluster.kubeconfigBase64,
      SLACK_BOT_TOKEN: sinks.slack.token,
      DISCORD_WEBHOOK_URL: sinks.discord.webhookUrl,
      DEPLOY_APP_CLIENT_ID: 'Iv23demoClientId0000',
      DEPLOY_APP_PRIVATE_KEY: 'demo-app-private-key (a placeholder: no GitHub App here)',
      GITHUB_TOKEN: 'ghs_demoWorkflowToken000000000000000000',
    };
    const github = {
      ...githubContext(scenario.version, workflow.name),
      token: secrets.GITHUB_TOKEN,
    };
    const world = createDemoWorld({
      root: path.join(temp, 'runner'),
      github,
      secrets,
      toolsDir: runnerToolsDir(),
      endpoints: {
        slackApiUrl: sinks.slack.apiUrl,
        hosts: { 'https://shop.example.com': app.baseUrl },
      },
      standIns: {
        repositories: { 'acme/infra': repo.remote },
        helm: { version: 'v3.17.3', binDir: cluster.helmBinDir },
        pushedImages: [],
      },
      standInJobs: {
        test: {
          reason:
            "stand-in: the shop's own test job (npm ci, npm test against a postgres:17 service) needs the shop's source and a database, which are not on this machine",
        },
      },
      stepTimeoutMs: 120_000,
    });

    const levers: ScenarioLevers = {
      refuseNewHelmRevisions(on) {
        if (!on) return cluster.faults.clear();
        cluster.faults.failNext(
          1000,
          {
            status: 403,
            message:
              'secrets "sh.helm.release.v1.shop.v4" is forbidden: exceeded quota: helm-releases, requested: count/secrets=1, used: count/secrets=3, limited: count/secrets=3',
          },
          { method: 'POST', path: '/secrets' },
        );
      },
      async otherReleaseBumps() {
        const clone = path.join(temp, 'shop-web-pipeline');
        await git(temp, ['clone', '--quiet', repo.remote, clone]);
        const run = await runBundle('bump-helm-values', {
          inputs: {
            files: VALUES_FILE,
            changes: `${OTHER_RELEASE.path}=${OTHER_RELEASE.version}`,
          },
          env: { GITHUB_REPOSITORY: 'acme/shop-web', GITHUB_REF_NAME: `v${OTHER_RELEASE.version}` },
          workspace: clone,
        });
        cleanupRun(run);
        if (run.code !== 0) throw new Error(`the other release's bump failed:\n${run.stdout}`);
        sinkLines.push(
          `[shop-web pipeline] pushed ${run.outputs['commit-sha']?.slice(0, 12)}: ${OTHER_RELEASE.path}=${OTHER_RELEASE.version} to the same values file`,
        );
      },
    };
    // The runner masks every secret of the run (runWorkflow registers them) and each ::add-mask::.
    const masks = new MaskSet();
    const run = await runWorkflow(
      workflow,
      world,
      masks,
      mergeHooks(scenario.hooks(levers), options.display?.(sinkLines) ?? {}),
    );
    const appStatus = argo && cluster.sim.get('application', RELEASE, ARGOCD_NAMESPACE)?.status;
    const application = appStatus && {
      sync: String(appStatus.sync?.status),
      revision: String(appStatus.sync?.revision),
      health: String(appStatus.health?.status),
      images: (appStatus.summary?.images ?? []) as string[],
    };
    await argo?.close();

    const gitHistory = await remoteHistory(repo);
    const clusterState = cluster.state();
    const helmCommands = cluster.helmInvocations();
    const problems = checkOutcome(scenario.expect(kind), {
      run,
      messages: sinks.messages,
      git: gitHistory,
      cluster: clusterState,
      helmCommands,
    });
    const verdict = problems.length
      ? `The ${scenario.name} scenario did not end as it must: ${problems.join('; ')}.`
      : `The ${scenario.name} scenario ended as it must: ${scenario.story}.`;

    mkdirSync(options.outDir, { recursive: true });
    const report = {
      title: `${workflow.name} — ${scenario.version} to ${NAMESPACE} (${workflowFile})`,
      scenario: scenario.name,
      story: scenario.story,
      problems,
      run,
      messages: sinks.messages,
      git: gitHistory,
      cluster: clusterState,
      argoSyncs: argo?.syncs ?? [],
      username: 'Deploy Bot',
    };
    const base = `summary-${kind === 'gitops' ? 'gitops-' : ''}${scenario.name}`;
    const markdownPath = path.join(options.outDir, `${base}.md`);
    const htmlPath = path.join(options.outDir, `${base}.html`);
    writeFileSync(markdownPath, buildMarkdown(report));
    writeFileSync(htmlPath, buildHtml(report));
    return {
      workflow: workflowFile,
      scenario,
      run,
      messages: sinks.messages,
      sinkEvents: sinks.events,
      gitHistory,
      cluster: clusterState,
      healthRequests: app.requests,
      helmCommands,
      argoSyncs: argo?.syncs ?? [],
      application,
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
