// What stands in, on this machine, for the third-party actions the example workflows use: each
// one says in the log that it is a stand-in and what it did instead, and returns the outputs the
// real action would (so that later steps' expressions read real values). Nothing here reaches
// the network: the GitOps repository is a local bare remote, the registry does not exist.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { StepContext, StepRun } from './workflow/engine';
import { gitEnv } from './gitops-repo';

const exec = promisify(execFile);

export interface StandInWorld {
  /** Repositories a checkout may ask for (`owner/name`) → the local remote that plays them. */
  repositories: Record<string, string>;
  /** The Helm version available here and the directory holding its `helm`. */
  helm: { version: string; binDir: string };
  /** Image references the build job "pushed". */
  pushedImages: string[];
}

type StandIn = (ctx: StepContext, world: StandInWorld) => Promise<StepRun>;

const ok = (lines: string[], outputs: Record<string, string> = {}, path?: string[]): StepRun => ({
  exitCode: 0,
  log: lines.map((l) => `${l}\n`).join(''),
  outputs,
  summary: '',
  path,
});
const fail = (message: string): StepRun => ({
  exitCode: 1,
  log: `::error::${message}\n`,
  outputs: {},
  summary: '',
});

async function checkout(ctx: StepContext, world: StandInWorld): Promise<StepRun> {
  const repository = ctx.inputs.repository;
  const target = path.resolve(ctx.workspace, ctx.inputs.path || '.');
  if (!repository)
    return ok([
      "stand-in for actions/checkout: this workflow's own repository (the shop's source) is not on this machine; nothing checked out",
    ]);
  const remote = world.repositories[repository];
  if (!remote)
    return fail(`stand-in for actions/checkout: no local repository plays ${repository}`);
  if (existsSync(path.join(target, '.git'))) return fail(`${target} is already a checkout`);
  mkdirSync(path.dirname(target), { recursive: true });
  await exec('git', ['clone', '--quiet', remote, target], { env: gitEnv() });
  const sha = (
    await exec('git', ['rev-parse', 'HEAD'], { cwd: target, env: gitEnv() })
  ).stdout.trim();
  return ok([
    `stand-in for actions/checkout: cloned ${repository} from its local remote into ${ctx.inputs.path || '.'} (HEAD ${sha.slice(0, 12)}); the token input is not needed for a local remote`,
  ]);
}

async function appToken(ctx: StepContext): Promise<StepRun> {
  const token = `ghs_demo${randomBytes(12).toString('hex')}`;
  return {
    ...ok(
      [
        `::add-mask::${token}`,
        `stand-in for actions/create-github-app-token: no GitHub App here; a placeholder installation token for ${ctx.inputs.owner ?? '?'}/${ctx.inputs.repositories ?? '?'} (masked)`,
      ],
      { token, 'installation-id': '0', 'app-slug': 'deploy-demo' },
    ),
  };
}

async function setupHelm(ctx: StepContext, world: StandInWorld): Promise<StepRun> {
  const wanted = ctx.inputs.version || 'latest';
  if (wanted !== world.helm.version && wanted !== 'latest')
    return fail(
      `stand-in for azure/setup-helm: only Helm ${world.helm.version} is here, the step asks for ${wanted}`,
    );
  return ok(
    [
      `stand-in for azure/setup-helm: Helm ${world.helm.version} from the npm dev dependency (behind a wrapper that logs each call) put on PATH; nothing downloaded`,
    ],
    {},
    [world.helm.binDir],
  );
}

/** What docker/metadata-action computes for a tag push with `type=semver,pattern={{version}}` and `type=raw`. */
async function metadata(
  ctx: StepContext,
  _world: StandInWorld,
  github: Record<string, unknown>,
): Promise<StepRun> {
  const images = (ctx.inputs.images ?? '')
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const refName = String(github.ref_name ?? '');
  const semver = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(refName)?.[1];
  const rules = (ctx.inputs.tags ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  const tags: string[] = [];
  for (const rule of rules) {
    if (/^type=semver,pattern=\{\{version\}\}$/.test(rule) && semver) tags.push(semver);
    const raw = /^type=raw,value=(.+)$/.exec(rule);
    if (raw) tags.push(raw[1]);
  }
  const refs = images.flatMap((image) => tags.map((t) => `${image}:${t}`));
  const labels = [
    `org.opencontainers.image.version=${semver ?? refName}`,
    `org.opencontainers.image.revision=${String(github.sha ?? '')}`,
  ];
  return ok(
    [
      `stand-in for docker/metadata-action: tags computed from ${refName} as the action computes them for these rules: ${refs.join(', ')}`,
    ],
    { version: semver ?? refName, tags: refs.join('\n'), labels: labels.join('\n') },
  );
}

async function buildPush(ctx: StepContext, world: StandInWorld): Promise<StepRun> {
  const tags = (ctx.inputs.tags ?? '').split('\n').filter(Boolean);
  world.pushedImages.push(...tags);
  return ok(
    [
      `stand-in for docker/build-push-action: no Docker daemon or registry here; nothing built or pushed (would push ${tags.join(', ')} for ${ctx.inputs.platforms ?? 'the runner platform'})`,
    ],
    { digest: `sha256:${'0'.repeat(64)}`, imageid: '', metadata: '{}' },
  );
}

const noop =
  (what: string): StandIn =>
  async () =>
    ok([`stand-in for ${what}`]);

export const STAND_INS: Record<
  string,
  (ctx: StepContext, world: StandInWorld, github: Record<string, unknown>) => Promise<StepRun>
> = {
  'actions/checkout': checkout,
  'actions/create-github-app-token': appToken,
  'actions/setup-node': noop('actions/setup-node: the runner already has Node; nothing installed'),
  'azure/setup-helm': setupHelm,
  'docker/setup-buildx-action': noop('docker/setup-buildx-action: no Docker here; nothing set up'),
  'docker/login-action': noop('docker/login-action: no registry here; not logged in'),
  'docker/metadata-action': metadata,
  'docker/build-push-action': buildPush,
};

/** The stand-in for a `uses:` (owner/name[/path]@ref), or undefined when there is none. */
export function standInFor(uses: string) {
  return STAND_INS[uses.split('@')[0]];
}
