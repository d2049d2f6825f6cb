// The floor of a Node 24 rollout watcher: the least any node24 action can do between a watch
// event arriving and its success line — one LIST, one WATCH from its resourceVersion (a field
// selector for one Deployment, the namespace's collection for several, as wait-rollout does), one
// JSON.parse per event, kubectl's Deployment rule reduced to its success branch, one write per
// line, process.exit when all are done. No inputs validated, no summary, no outputs, no progress,
// no retries: not a product, a yardstick for bench/wait-rollout-scale.mjs.
// Reads the step's own environment: INPUT_KUBECONFIG (server + token), INPUT_NAMESPACE,
// INPUT_RESOURCES (deployment/<name> lines); the CA comes from NODE_EXTRA_CA_CERTS.
import https from 'node:https';
import { parse } from 'yaml';

const config = parse(process.env.INPUT_KUBECONFIG);
const server = new URL(config.clusters[0].cluster.server);
const token = config.users[0].user.token;
const namespace = process.env.INPUT_NAMESPACE;
const pending = new Set(
  process.env.INPUT_RESOURCES.split('\n')
    .filter(Boolean)
    .map((line) => line.split('/')[1]),
);
const agent = new https.Agent({ keepAlive: true });
const options = (path) => ({
  host: server.hostname,
  port: server.port,
  path,
  agent,
  headers: { authorization: `Bearer ${token}`, 'user-agent': 'node-watch-floor/1' },
});
const only = pending.size === 1 ? `?fieldSelector=metadata.name%3D${[...pending][0]}` : '';
const collection = `/apis/apps/v1/namespaces/${namespace}/deployments${only}`;

/** kubectl's "successfully rolled out" branch for a Deployment. */
const rolledOut = (d) => {
  const want = d.spec?.replicas ?? 1;
  const s = d.status ?? {};
  return (
    (s.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0) &&
    (s.updatedReplicas ?? 0) >= want &&
    (s.replicas ?? 0) <= (s.updatedReplicas ?? 0) &&
    (s.availableReplicas ?? 0) >= (s.updatedReplicas ?? 0)
  );
};
const seen = (d) => {
  const name = d.metadata?.name;
  if (!pending.has(name) || !rolledOut(d)) return;
  pending.delete(name);
  process.stdout.write(`deployment/${name}: deployment "${name}" successfully rolled out\n`);
  if (pending.size === 0) process.exit(0);
};

https.get(options(collection), (res) => {
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (c) => (body += c));
  res.on('end', () => {
    const list = JSON.parse(body);
    for (const d of list.items) seen(d);
    const sep = only ? '&' : '?';
    https.get(
      options(`${collection}${sep}watch=true&resourceVersion=${list.metadata.resourceVersion}`),
      (watch) => {
        let partial = '';
        watch.setEncoding('utf8');
        watch.on('data', (chunk) => {
          partial += chunk;
          let nl;
          while ((nl = partial.indexOf('\n')) >= 0) {
            const line = partial.slice(0, nl);
            partial = partial.slice(nl + 1);
            if (line.trim()) seen(JSON.parse(line).object);
          }
        });
      },
    );
  });
});
