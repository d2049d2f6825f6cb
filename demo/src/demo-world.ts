// The runner's side of the demo: where each job's workspace and temp directory are, the
// environment every step starts from, and how a step is carried out here — our actions from
// their bundles, run: steps with bash, third-party actions by their stand-ins — plus the few
// inputs this machine must point elsewhere (Slack's and the shop's endpoints are not on it).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { JobDef } from './workflow/model';
import type { StepContext, StepKind, StepRun, World } from './workflow/engine';
import { runOurAction, runScript } from './workflow/step-runners';
import { standInFor, type StandInWorld } from './stand-ins';

/** Our actions as the examples reference them, and as the repository's own workflows do. */
export function ourAction(uses: string): string | undefined {
  return (
    /^acme\/cicd-actions\/actions\/([a-z0-9-]+)@/.exec(uses)?.[1] ??
    /^\.\/actions\/([a-z0-9-]+)\/?$/.exec(uses)?.[1]
  );
}

export interface Endpoints {
  /** The local Slack Web API that plays https://slack.com/api. */
  slackApiUrl: string;
  /** Public base URLs of the app → where it answers here. */
  hosts: Record<string, string>;
}

export interface DemoWorldOptions {
  root: string;
  github: Record<string, unknown>;
  secrets: Record<string, string>;
  vars?: Record<string, string>;
  inputs?: Record<string, string>;
  toolsDir: string;
  endpoints: Endpoints;
  standIns: StandInWorld;
  /** Jobs that cannot run here at all, by id: why, and the outputs that stand in for theirs. */
  standInJobs?: Record<string, { reason: string; outputs?: Record<string, string> }>;
  /** A bound on any one step (the examples' own timeouts are longer than a demo needs). */
  stepTimeoutMs?: number;
}

/** The GITHUB_* and RUNNER_* variables of a step, from the github context. */
function githubEnv(github: Record<string, unknown>, job: JobDef, workspace: string, temp: string) {
  const env: Record<string, string> = {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_JOB: job.id,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'demo',
  };
  for (const [k, v] of Object.entries(github))
    if (typeof v === 'string' && k !== 'token') env[`GITHUB_${k.toUpperCase()}`] = v;
  return env;
}

export function createDemoWorld(o: DemoWorldOptions): World {
  const jobDir = (job: JobDef, sub: string) => {
    const dir = path.join(o.root, 'jobs', job.id, sub);
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  const world: World = {
    github: o.github,
    secrets: o.secrets,
    vars: o.vars ?? {},
    inputs: o.inputs ?? {},
    workspace: (job) => jobDir(job, 'workspace'),
    runnerTemp: (job) => jobDir(job, 'temp'),
    baseEnv: (job) => ({
      PATH: `${o.toolsDir}:${process.env.PATH ?? '/usr/bin:/bin'}`,
      HOME: jobDir(job, 'home'),
      LANG: 'C.UTF-8',
    }),
    standInJob: (job) => o.standInJobs?.[job.id],
    async runStep(ctx: StepContext, notes: string[]): Promise<{ kind: StepKind; run: StepRun }> {
      const job = ctx.job;
      const env = {
        ...world.baseEnv(job),
        ...githubEnv(o.github, job, ctx.workspace, world.runnerTemp(job)),
        ...ctx.env,
      };
      const timeoutMs = Math.min(
        o.stepTimeoutMs ?? 120_000,
        (ctx.step.timeoutMinutes ?? 360) * 60_000,
      );
      const cwd = path.resolve(ctx.workspace, ctx.step.workingDirectory ?? '.');
      if (ctx.script !== undefined) {
        const run = await runScript({
          script: ctx.script,
          shell: ctx.step.shell,
          env,
          cwd,
          runnerTemp: world.runnerTemp(job),
          signal: ctx.signal,
          timeoutMs,
        });
        return { kind: 'run', run };
      }
      const uses = ctx.step.uses ?? '';
      const action = ourAction(uses);
      if (action) {
        const inputs = overlay(action, ctx.inputs, o.endpoints, notes);
        const run = await runOurAction({
          action,
          inputs,
          env,
          workspace: ctx.workspace,
          signal: ctx.signal,
          timeoutMs,
        });
        return { kind: 'action', run };
      }
      const standIn = standInFor(uses);
      if (!standIn) throw new Error(`no stand-in for ${uses} on this machine`);
      const run = await standIn(ctx, o.standIns, o.github);
      notes.push(run.log.split('\n').find((l) => l.startsWith('stand-in for')) ?? 'stand-in');
      return { kind: 'stand-in', run };
    },
  };
  return world;
}

/**
 * The inputs of our actions that must point at this machine instead of the internet. Each
 * change is a note the log and the summary show; nothing else differs from the workflow.
 */
export function overlay(
  action: string,
  inputs: Record<string, string>,
  endpoints: Endpoints,
  notes: string[],
): Record<string, string> {
  const out = { ...inputs };
  if (action === 'slack-discord-notify') {
    if (out['slack-token'] && !out['slack-api-url']) {
      out['slack-api-url'] = endpoints.slackApiUrl;
      notes.push(
        `slack-api-url: ${endpoints.slackApiUrl} (the local Slack sink plays slack.com/api)`,
      );
    }
    if (!out['allow-any-url']) {
      out['allow-any-url'] = 'true';
      notes.push('allow-any-url: true (the local sinks are plain http on 127.0.0.1)');
    }
  }
  for (const [name, value] of Object.entries(out)) {
    let changed = value;
    for (const [publicUrl, local] of Object.entries(endpoints.hosts))
      changed = changed.split(publicUrl).join(local);
    if (changed !== value) {
      out[name] = changed;
      notes.push(
        `${name}: ${Object.keys(endpoints.hosts).join(', ')} → ${Object.values(endpoints.hosts).join(', ')} (the app answers here)`,
      );
    }
  }
  return out;
}
