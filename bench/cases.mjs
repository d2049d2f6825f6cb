// The cold-start cases: each bundled action with inputs that make it finish at once, the floor
// it is compared with, and the peers. A case prepares one run (fresh step directory) and checks
// afterwards that the run really did its I/O, so a fast failure never passes for a fast success.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readActionYml, stepEnvironment } from './lib/runner-env.mjs';
import { smallValues } from './lib/values-file.mjs';
import { PEERS, peerDirName } from './peers.mjs';

export const TARGET_TAG = '1.2.3';

/** The floors: the same I/O with Node's built-ins only. */
export const FLOORS = {
  'node -e 0': { what: 'bare `node -e 0`' },
  fetch: { what: 'one `fetch` of the loopback URL' },
  'https-post': { what: 'one HTTPS POST (node:https)' },
  'file-edit': { what: 'read, edit, write the values file' },
  'k8s-get': { what: 'one HTTPS GET of the Deployment (node:https, bearer token, CA)' },
  'helm-exec': { what: 'the five helm stand-in calls (child_process) + the Deployment GET' },
};

/**
 * Which floor each of our actions is held to. The budget (issue 18, toolkit included) is the same
 * for all: at most +200 ms wall over the floor, measured per round, and at most 100 MiB peak RSS.
 * The ratio targets of issue 8 were met without @actions/core; they are kept as information.
 */
export const BUDGET_MS = 200;
export const OURS = {
  'health-check-retry': { floor: 'fetch', ratioBefore: 0.85 },
  'slack-discord-notify': { floor: 'https-post', ratioBefore: 1.3 },
  'bump-helm-values': { floor: 'file-edit', ratioBefore: 2.5 },
  'wait-rollout': { floor: 'k8s-get', ratioBefore: 1.6 },
  'helm-rollback': { floor: 'helm-exec', ratioBefore: 1.6 },
  'helm-deploy': { floor: 'helm-exec' },
};

function counterCheck(ctx, expects) {
  if (expects.counter === 'health') {
    const before = ctx.health.hits(expects.path);
    return () =>
      ctx.health.hits(expects.path) > before ? null : `no request reached ${expects.path}`;
  }
  if (expects.counter === 'sink') {
    const before = ctx.sink.posts();
    return () => (ctx.sink.posts() > before ? null : 'nothing was posted to the sink');
  }
  if (expects.counter === 'k8s') {
    const before = ctx.cluster.requests();
    return () =>
      ctx.cluster.requests() > before ? null : 'no request reached the simulated cluster';
  }
  return () => null;
}

function floorCase(ctx, name) {
  return {
    name,
    kind: 'floor',
    prepare() {
      const step = stepEnvironment({}, {}, ctx.commonEnv, 'floor');
      const env = { ...step.env };
      let expects = { counter: 'none' };
      let args;
      if (name === 'node -e 0') args = ['-e', '0'];
      if (name === 'fetch') {
        args = [path.join(ctx.benchDir, 'floors/fetch.mjs')];
        env.BENCH_URL = `${ctx.health.base}/healthz`;
        expects = { counter: 'health', path: '/healthz' };
      }
      if (name === 'https-post') {
        args = [path.join(ctx.benchDir, 'floors/https-post.mjs')];
        env.BENCH_URL = `${ctx.sink.base}/api/webhooks/1/abc`;
        expects = { counter: 'sink' };
      }
      if (name === 'file-edit') {
        args = [path.join(ctx.benchDir, 'floors/file-edit.mjs')];
        env.BENCH_FILE = path.join(step.workspace, 'values.yaml');
        env.BENCH_VALUE = `"${TARGET_TAG}"`;
        writeFileSync(env.BENCH_FILE, smallValues(TARGET_TAG));
      }
      if (name === 'k8s-get') {
        Object.assign(env, ctx.cluster.floorEnv());
        expects = { counter: 'k8s' };
        args = [path.join(ctx.benchDir, 'floors/k8s-get.mjs')];
      }
      if (name === 'helm-exec') {
        Object.assign(env, ctx.cluster.floorEnv(), {
          BENCH_HELM: ctx.helmStub,
          BENCH_NAMESPACE: ctx.cluster.namespace,
          BENCH_HELM_STATE: path.join(step.dir, 'helm-rolled-back'),
        });
        expects = { counter: 'k8s' };
        args = [path.join(ctx.benchDir, 'floors/helm-exec.mjs')];
      }
      const check = counterCheck(ctx, expects);
      return {
        command: ctx.node,
        args,
        env,
        cwd: step.workspace,
        check: (r) => (r.code === 0 ? check() : `exit ${r.code}: ${r.stderr.slice(-300)}`),
        cleanup: step.cleanup,
      };
    },
  };
}

/** Inputs of our actions for the finish-at-once case (names from their action.yml). */
function oursInputs(ctx, name, step) {
  // step: { dir, workspace, home, env } of the run being prepared
  switch (name) {
    case 'health-check-retry':
      return {
        inputs: { url: `${ctx.health.base}/healthz` },
        expects: { counter: 'health', path: '/healthz' },
      };
    case 'slack-discord-notify':
      return {
        inputs: {
          'discord-webhook-url': `${ctx.sink.base}/api/webhooks/1/abc`,
          status: 'success',
          'allow-any-url': 'true',
        },
        expects: { counter: 'sink' },
      };
    case 'bump-helm-values': {
      writeFileSync(path.join(step.workspace, 'values.yaml'), smallValues(TARGET_TAG));
      return {
        inputs: {
          files: 'values.yaml',
          changes: `api.image.tag=${TARGET_TAG}`,
          commit: 'false',
          push: 'false',
        },
        expects: { counter: 'none' },
        // It must have read the file and found the tag already set.
        verify: (outputs) =>
          outputs.changed === 'false'
            ? null
            : `expected changed=false, got ${JSON.stringify(outputs).slice(0, 200)}`,
      };
    }
    case 'wait-rollout, exec-plugin kubeconfig':
      return {
        inputs: {
          resources: 'deployment/api',
          namespace: 'default',
          kubeconfig: ctx.cluster.execPluginKubeconfig(),
        },
        expects: { counter: 'k8s' },
      };
    case 'wait-rollout':
      return {
        inputs: {
          resources: 'deployment/api',
          namespace: 'default',
          kubeconfig: ctx.cluster.kubeconfig(),
        },
        expects: { counter: 'k8s' },
      };
    case 'helm-rollback':
      return ctx.helmRollbackCase(step);
    case 'helm-deploy':
      return ctx.helmDeployCase(step);
    default:
      throw new Error(`no bench inputs for ${name}`);
  }
}

export function actionEntry(root, name) {
  const yml = path.join(root, 'actions', name, 'action.yml');
  if (!existsSync(yml)) return null;
  const meta = readActionYml(yml);
  // BENCH_DIST_DIR measures another build of the bundles (e.g. a candidate change) in place of dist/.
  const dist = process.env.BENCH_DIST_DIR;
  const entry = dist
    ? path.join(path.resolve(dist), name, path.basename(meta.runs.main))
    : path.resolve(path.dirname(yml), meta.runs.main);
  return existsSync(entry) ? { meta, entry } : null;
}

/** Extra cases of our actions: informative rows with no target of their own. */
export const VARIANTS = {
  // Kubeconfigs of EKS/GKE/AKS authenticate through an exec plugin, which wait-rollout hands to
  // @kubernetes/client-node, loaded only then: this row shows what those users pay.
  'wait-rollout, exec-plugin kubeconfig': { action: 'wait-rollout', floor: 'k8s-get' },
};

function oursCase(ctx, name) {
  const variant = VARIANTS[name];
  const found = actionEntry(ctx.root, variant?.action ?? name);
  if (!found) return null;
  if (/^(wait-rollout|helm-rollback|helm-deploy)/.test(name) && !ctx.cluster) return null;
  return {
    name,
    kind: variant ? 'variant' : 'ours',
    floor: variant?.floor ?? OURS[name].floor,
    prepare() {
      let spec;
      const step = stepEnvironment(
        found.meta,
        (dirs) => (spec = oursInputs(ctx, name, dirs)).inputs,
        ctx.commonEnv,
        name,
      );
      Object.assign(step.env, spec.env ?? {});
      const check = counterCheck(ctx, spec.expects);
      return {
        command: ctx.node,
        args: [found.entry],
        env: step.env,
        cwd: step.workspace,
        check: (r) => {
          if (r.code !== 0)
            return `exit ${r.code}: ${
              (r.stdout + r.stderr)
                .split('\n')
                .filter((l) => l.includes('::error'))
                .join(' | ')
                .slice(0, 400) || r.stderr.slice(-300)
            }`;
          return check() ?? spec.verify?.(step.outputs(), step) ?? null;
        },
        cleanup: step.cleanup,
      };
    },
  };
}

function peerCase(ctx, peer) {
  const dir = path.join(ctx.peersDir, peerDirName(peer.id));
  if (!existsSync(path.join(dir, peer.entry))) return null;
  const meta = readActionYml(path.join(dir, 'action.yml'));
  const info = JSON.parse(readFileSync(path.join(dir, 'PEER.json'), 'utf8'));
  return {
    name: `${peer.id}@${peer.ref}`,
    kind: 'peer',
    floor: peer.floor,
    peer: { ...peer, commit: info.commit },
    prepare() {
      const step = stepEnvironment(
        meta,
        ({ workspace }) => {
          writeFileSync(path.join(workspace, 'values.yaml'), smallValues(TARGET_TAG));
          return peer.inputs({ ...ctx, valuesFile: 'values.yaml', targetTag: TARGET_TAG });
        },
        ctx.commonEnv,
        'peer',
      );
      const check = counterCheck(ctx, peer.expects);
      return {
        command: ctx.node,
        args: [path.join(dir, peer.entry)],
        env: step.env,
        cwd: step.workspace,
        check: (r) =>
          r.code === 0 ? check() : `exit ${r.code}: ${(r.stdout + r.stderr).slice(-300)}`,
        cleanup: step.cleanup,
      };
    },
  };
}

export function coldStartCases(ctx) {
  const cases = [];
  for (const name of Object.keys(FLOORS)) {
    if ((name === 'k8s-get' || name === 'helm-exec') && !ctx.cluster) continue;
    cases.push(floorCase(ctx, name));
  }
  for (const name of [...Object.keys(OURS), ...Object.keys(VARIANTS)]) {
    const c = oursCase(ctx, name);
    if (c) cases.push(c);
  }
  if (ctx.peersDir)
    for (const peer of PEERS) {
      const c = peerCase(ctx, peer);
      if (c) cases.push(c);
    }
  return cases;
}
