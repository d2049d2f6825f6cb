// What the bench uses of the simulated cluster; bundled with ncc into bench/out/k8s-sim/ at bench
// start so that the plain .mjs bench can run the TypeScript simulator without a build step.
export { startCluster, deployment, rolloutComplete } from '../../test/k8s-sim/index';
