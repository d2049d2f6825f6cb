// The simulated cluster (test/k8s-sim, TypeScript) for the Kubernetes cases. Filled in once the
// simulator's entry point exists; until then the Kubernetes cases are skipped.
export async function startCluster(_ctx, log) {
  log('bench: simulated cluster not available yet — Kubernetes cases skipped');
  return null;
}
