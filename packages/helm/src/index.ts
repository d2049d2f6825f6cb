// Import modules one by one (`@cicd-actions/helm/helm-cli`): this index loads them all.
export * from './helm-cli';
export * from './helm-version';
export * from './release-history';
export * from './release-names';
export * from './rollback-flags';
export * from './manifest-workloads';
export * from './history-table';
export * from './release-images';
