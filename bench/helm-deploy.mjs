// helm-deploy's whole path with a helm stand-in (POSIX sh answering from fixtures), as for
// helm-rollback: helm version, history, upgrade --install, history again, get manifest, then our
// wait on the Deployment in the simulated cluster (already rolled out, so the wait is one list and
// one watch). Held to the same floor as helm-rollback: five stand-in calls and one HTTPS GET.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const row = (revision, status, description) => ({
  revision,
  updated: `2026-11-2${revision}T10:00:00Z`,
  status,
  chart: 'api-1.0.0',
  app_version: '1.0.0',
  description,
});
const HISTORY_BEFORE = [row(1, 'deployed', 'Install complete')];
const HISTORY_AFTER = [
  row(1, 'superseded', 'Install complete'),
  row(2, 'deployed', 'Upgrade complete'),
];

const STUB = `#!/bin/sh
# helm stand-in for the bench: answers the commands helm-deploy runs, from fixture files.
dir=$(dirname "$0")
case "$1" in
  version) echo 'version.BuildInfo{Version:"v3.17.3", GitCommit:"e4da49785aa6e6ee2b86efd5dd9e43400318262b", GitTreeState:"clean", GoVersion:"go1.23.7"}' ;;
  history) if [ -f "$BENCH_HELM_STATE" ]; then cat "$dir/history-after.json"; else cat "$dir/history-before.json"; fi ;;
  upgrade) : > "$BENCH_HELM_STATE"; echo 'Release "api" has been upgraded. Happy Helming!' ;;
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

/** Writes the stand-in into bench/out/helm-deploy-stub/ and returns the case factory. */
export function helmDeployCase(ctx) {
  const dir = path.join(ctx.benchDir, 'out', 'helm-deploy-stub');
  mkdirSync(dir, { recursive: true });
  const helm = path.join(dir, 'helm');
  writeFileSync(helm, STUB);
  chmodSync(helm, 0o755);
  writeFileSync(path.join(dir, 'history-before.json'), JSON.stringify(HISTORY_BEFORE));
  writeFileSync(path.join(dir, 'history-after.json'), JSON.stringify(HISTORY_AFTER));
  writeFileSync(path.join(dir, 'manifest.yaml'), manifest(ctx.cluster?.namespace ?? 'default'));
  return (step) => {
    // The chart is a directory in the workspace, as in a checkout.
    mkdirSync(path.join(step.workspace, 'chart'), { recursive: true });
    writeFileSync(
      path.join(step.workspace, 'chart', 'Chart.yaml'),
      'apiVersion: v2\nname: api\nversion: 1.0.0\n',
    );
    return {
      inputs: {
        release: 'api',
        chart: './chart',
        namespace: ctx.cluster.namespace,
        kubeconfig: ctx.cluster.kubeconfig(),
        helm,
        timeout: '60s',
      },
      env: { BENCH_HELM_STATE: path.join(step.dir, 'helm-upgraded') },
      expects: { counter: 'k8s' },
      verify: (outputs) =>
        outputs.status === 'deployed' && outputs.revision === '2'
          ? null
          : `expected status=deployed, revision=2; got ${JSON.stringify(outputs).slice(0, 200)}`,
    };
  };
}
