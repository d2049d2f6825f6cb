export * from './workload-ref';
export * from './rollout-status';
export * from './kubeconfig';
export * from './kube-api';
export * from './diagnostics';
export * from './watch-rollout';
export * from './credential-plugin';
export * from './cluster-session';
