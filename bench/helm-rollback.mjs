// helm-rollback has no "nothing to do" path: every run asks helm for its version and the history,
// rolls back, reads the history again and the manifest, then verifies the workloads. The bench
// runs that whole path with a helm stand-in (a few lines of POSIX sh answering from fixtures in
// well under a millisecond) instead of the real 100 MB Go binary, whose own start-up (~tens of ms
// per call, five calls) would drown what the action itself costs. The floor runs the same five
// stand-in calls with child_process and one HTTPS GET of the Deployment (the verify step).
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const HISTORY_BEFORE = [
  {
    revision: 1,
    updated: '2026-11-20T10:00:00Z',
    status: 'superseded',
    chart: 'api-1.0.0',
    app_version: '1.0.0',
    description: 'Install complete',
  },
  {
    revision: 2,
    updated: '2026-11-21T10:00:00Z',
    status: 'failed',
    chart: 'api-1.1.0',
    app_version: '1.1.0',
    description: 'Upgrade "api" failed',
  },
];
const HISTORY_AFTER = [
  ...HISTORY_BEFORE.map((r) => (r.revision === 2 ? r : { ...r })),
  {
    revision: 3,
    updated: '2026-11-22T10:00:00Z',
    status: 'deployed',
    chart: 'api-1.0.0',
    app_version: '1.0.0',
    description: 'Rollback to 1',
  },
];

const STUB = `#!/bin/sh
# helm stand-in for the bench: answers the five commands helm-rollback runs, from fixture files.
dir=$(dirname "$0")
case "$1" in
  version) echo 'version.BuildInfo{Version:"v3.17.3", GitCommit:"e4da49785aa6e6ee2b86efd5dd9e43400318262b", GitTreeState:"clean", GoVersion:"go1.23.7"}' ;;
  history) if [ -f "$BENCH_HELM_STATE" ]; then cat "$dir/history-after.json"; else cat "$dir/history-before.json"; fi ;;
  rollback) : > "$BENCH_HELM_STATE"; echo 'Rollback was a success! Happy Helming!' ;;
  get) cat "$dir/manifest.yaml" ;;
  *) echo "Error: unknown command \\"$1\\" for \\"helm\\"" >&2; exit 1 ;;
esac
`;

function manifest(namespace) {
  return [
    '---',
    '# Source: api/templates/deployment.yaml',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: api',
    `  namespace: ${namespace}`,
    'spec:',
    '  replicas: 2',
    '',
  ].join('\n');
}

/** Writes the stand-in into bench/out/helm-stub/ and returns the case factory. */
export function helmRollbackCase(ctx) {
  const dir = path.join(ctx.benchDir, 'out', 'helm-stub');
  mkdirSync(dir, { recursive: true });
  const helm = path.join(dir, 'helm');
  writeFileSync(helm, STUB);
  chmodSync(helm, 0o755);
  writeFileSync(path.join(dir, 'history-before.json'), JSON.stringify(HISTORY_BEFORE));
  writeFileSync(path.join(dir, 'history-after.json'), JSON.stringify(HISTORY_AFTER));
  writeFileSync(path.join(dir, 'manifest.yaml'), manifest(ctx.cluster?.namespace ?? 'default'));
  ctx.helmStub = helm;
  return (step) => ({
    inputs: {
      release: 'api',
      namespace: ctx.cluster.namespace,
      kubeconfig: ctx.cluster.kubeconfig(),
      helm,
      timeout: '60s',
    },
    env: { BENCH_HELM_STATE: path.join(step.dir, 'helm-rolled-back') },
    expects: { counter: 'k8s' },
    verify: (outputs) =>
      outputs.status === 'verified' && outputs['new-revision'] === '3'
        ? null
        : `expected status=verified, new-revision=3; got ${JSON.stringify(outputs).slice(0, 200)}`,
  });
}
