// The simulated cluster (test/k8s-sim, TypeScript) for the Kubernetes cases. It is bundled with
// ncc into bench/out/k8s-sim/ (git-ignored; rebuilt only when the simulator's sources change) and
// run inside the bench process. The scripted controller is off: the bench writes each Deployment's
// status itself, so "already rolled out" and "becomes complete now" happen exactly when it says.
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const NAMESPACE = 'default';
const REPLICAS = 2;

function sourceHash(dirs) {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else hash.update(file).update(readFileSync(file));
    }
  };
  for (const d of dirs) walk(d);
  return hash.digest('hex');
}

async function bundleSimulator(root, benchDir, log) {
  const simDir = path.join(root, 'test', 'k8s-sim');
  const entryDir = path.join(benchDir, 'k8s');
  const out = path.join(benchDir, 'out', 'k8s-sim');
  const hash = sourceHash([simDir, entryDir]);
  const stamp = path.join(out, '.source-hash');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return out;
  const started = performance.now();
  const { default: ncc } = await import('@vercel/ncc');
  // transpileOnly: type errors elsewhere in the work tree must not stop the bench.
  const { code } = await ncc(path.join(entryDir, 'sim-entry.ts'), {
    cache: false,
    quiet: true,
    minify: false,
    target: 'es2023',
    transpileOnly: true,
  });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'index.js'), code);
  writeFileSync(path.join(out, 'package.json'), '{ "type": "module" }\n');
  // The simulator reads its certificate from fixtures/ next to its own module.
  cpSync(path.join(simDir, 'fixtures'), path.join(out, 'fixtures'), { recursive: true });
  writeFileSync(stamp, hash);
  log(
    `bench: bundled the simulated cluster in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return out;
}

function rolledOutStatus(obj) {
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return {
    observedGeneration: obj.metadata.generation,
    replicas: REPLICAS,
    updatedReplicas: REPLICAS,
    readyReplicas: REPLICAS,
    availableReplicas: REPLICAS,
    conditions: [
      {
        type: 'Available',
        status: 'True',
        reason: 'MinimumReplicasAvailable',
        message: 'Deployment has minimum availability.',
        lastUpdateTime: now,
        lastTransitionTime: now,
      },
      {
        type: 'Progressing',
        status: 'True',
        reason: 'NewReplicaSetAvailable',
        message: `ReplicaSet "${obj.metadata.name}-5d8f7c9b6d" has successfully progressed.`,
        lastUpdateTime: now,
        lastTransitionTime: now,
      },
    ],
  };
}

/** Half-way through a rollout: the new spec is observed, one of two replicas updated. */
function progressingStatus(obj) {
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return {
    observedGeneration: obj.metadata.generation,
    replicas: REPLICAS + 1,
    updatedReplicas: 1,
    readyReplicas: REPLICAS,
    availableReplicas: REPLICAS,
    unavailableReplicas: 1,
    conditions: [
      {
        type: 'Available',
        status: 'True',
        reason: 'MinimumReplicasAvailable',
        message: 'Deployment has minimum availability.',
        lastUpdateTime: now,
        lastTransitionTime: now,
      },
      {
        type: 'Progressing',
        status: 'True',
        reason: 'ReplicaSetUpdated',
        message: `ReplicaSet "${obj.metadata.name}-7b9c6d5f4e" is progressing.`,
        lastUpdateTime: now,
        lastTransitionTime: now,
      },
    ],
  };
}

export async function startCluster(ctx, log) {
  if (!existsSync(path.join(ctx.root, 'test', 'k8s-sim', 'index.ts'))) {
    log('bench: test/k8s-sim/index.ts not found — Kubernetes cases skipped');
    return null;
  }
  let sim;
  try {
    const out = await bundleSimulator(ctx.root, ctx.benchDir, log);
    sim = await import(pathToFileURL(path.join(out, 'index.js')).href);
  } catch (err) {
    log(
      `bench: could not build the simulated cluster (${String(err.message).split('\n')[0].slice(0, 200)}) — Kubernetes cases skipped`,
    );
    return null;
  }
  const cluster = await sim.startCluster({ controller: false });
  const caFile = path.join(ctx.benchDir, 'out', 'k8s-sim', 'fixtures', 'ca.pem');
  let revision = 0;

  const ensure = (name) => {
    const existing = cluster.get('Deployment', name, NAMESPACE);
    if (existing) return existing;
    return cluster.apply(
      sim.deployment({
        name,
        namespace: NAMESPACE,
        replicas: REPLICAS,
        image: 'registry.example.com/team/api:1.0.0',
      }),
    );
  };
  const complete = (name) => {
    const obj = cluster.get('Deployment', name, NAMESPACE);
    cluster.setStatus('Deployment', name, rolledOutStatus(obj), NAMESPACE);
    return performance.now();
  };

  // An exec credential plugin as EKS/GKE/AKS kubeconfigs use (aws eks get-token, ...): a stand-in
  // that prints an ExecCredential with the cluster's token.
  const plugin = path.join(ctx.benchDir, 'out', 'k8s-sim', 'exec-credential.sh');
  writeFileSync(
    plugin,
    '#!/bin/sh\nprintf \'{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s"}}\\n\' "$BENCH_TOKEN"\n',
  );
  chmodSync(plugin, 0o755);
  const execUser = {
    exec: {
      apiVersion: 'client.authentication.k8s.io/v1',
      command: plugin,
      args: [],
      env: [{ name: 'BENCH_TOKEN', value: cluster.token }],
      interactiveMode: 'Never',
    },
  };

  const api = {
    namespace: NAMESPACE,
    url: cluster.url,
    kubeconfig: () => cluster.kubeconfig(),
    /** The same cluster reached through an exec credential plugin (the client-node path). */
    execPluginKubeconfig: () => cluster.kubeconfig({ user: execUser }),
    requests: () => cluster.requests.length,
    /** The request records (method, path, watch, status, userAgent, ...), for per-client counts. */
    requestLog: () => cluster.requests,
    watches: () => cluster.requests.filter((r) => r.watch).length,
    /** performance.now() of the last request received (to wait until the client went quiet). */
    lastRequestAt: () => lastRequestAt,
    floorEnv: () => ({
      BENCH_K8S_SERVER: cluster.url,
      BENCH_K8S_TOKEN: cluster.token,
      BENCH_K8S_CA: caFile,
      BENCH_K8S_PATH: `/apis/apps/v1/namespaces/${NAMESPACE}/deployments/api`,
    }),
    ensureRolledOut(name) {
      ensure(name);
      complete(name);
    },
    /** Changes the image (a new generation) and leaves the rollout half-way. */
    startRollout(name) {
      ensure(name);
      const obj = cluster.setImage(
        'Deployment',
        name,
        `registry.example.com/team/api:1.0.${++revision}`,
        { namespace: NAMESPACE },
      );
      cluster.setStatus('Deployment', name, progressingStatus(obj), NAMESPACE);
    },
    /** Writes the status that completes the rollout; returns when (performance.now()). */
    completeRollout: (name) => complete(name),
    close: () => cluster.close(),
  };
  let lastRequestAt = 0;
  const push = cluster.requests.push.bind(cluster.requests);
  // The request log is a live array; note the arrival time of each entry as it is appended.
  cluster.requests.push = (...records) => {
    lastRequestAt = performance.now();
    return push(...records);
  };
  api.ensureRolledOut('api');
  return api;
}
