// Builds the test cluster's binaries into test/cluster/bin (git-ignored) with `go build`, from the
// pinned Go modules in go/ (control plane, etcd, pki) and kwok/ (the fake kubelet). A stamp of
// the inputs (go.mod/go.sum, our Go sources, the Go version, the flags) makes a second run skip
// the build entirely; Go's own build cache makes a rebuild after a change cheap.
// Usage: node test/cluster/build.mjs [--force]
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLUSTER_DIR = path.dirname(fileURLToPath(import.meta.url));
export const BIN_DIR = path.join(CLUSTER_DIR, 'bin');
export const KUBERNETES_VERSION = 'v1.34.4';
// The release's own date (the module proxy's .info Time), so the link is reproducible and cached.
const BUILD_DATE = '2026-02-10T12:53:36Z';

// kube-* report their version from link-time variables (as Kubernetes' own build sets them):
// without them /version says v0.0.0-master and the emulation-version logic misbehaves.
const [major, minor] = KUBERNETES_VERSION.slice(1).split('.');
const versionFlags = ['k8s.io/component-base/version', 'k8s.io/client-go/pkg/version'].flatMap(
  (pkg) => [
    `-X ${pkg}.gitVersion=${KUBERNETES_VERSION}`,
    `-X ${pkg}.gitMajor=${major}`,
    `-X ${pkg}.gitMinor=${minor}`,
    `-X ${pkg}.gitTreeState=clean`,
    `-X ${pkg}.buildDate=${BUILD_DATE}`,
  ],
);
// -s -w drops the symbol tables: roughly a third smaller binaries, nothing tests need.
const LDFLAGS = ['-s', '-w', ...versionFlags].join(' ');

/** What is built, from which module directory, into which file. */
const TARGETS = [
  { module: 'go', pkg: 'go.etcd.io/etcd/server/v3', out: 'etcd' },
  { module: 'go', pkg: 'k8s.io/kubernetes/cmd/kube-apiserver', out: 'kube-apiserver' },
  {
    module: 'go',
    pkg: 'k8s.io/kubernetes/cmd/kube-controller-manager',
    out: 'kube-controller-manager',
  },
  { module: 'go', pkg: 'k8s.io/kubernetes/cmd/kube-scheduler', out: 'kube-scheduler' },
  { module: 'go', pkg: './pki', out: 'pki' },
  { module: 'kwok', pkg: 'sigs.k8s.io/kwok/cmd/kwok', out: 'kwok' },
];

const STAMP = path.join(BIN_DIR, '.stamp');

function goEnv() {
  // GOTOOLCHAIN=local: never fetch another Go toolchain behind the user's back.
  return { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '-buildvcs=false' };
}

function inputsHash() {
  const hash = createHash('sha256');
  let goVersion;
  try {
    goVersion = execFileSync('go', ['version'], { env: goEnv(), encoding: 'utf8' });
  } catch {
    throw new Error('go is not on PATH: test/cluster builds Kubernetes from source (Go >= 1.24)');
  }
  hash.update(goVersion).update(LDFLAGS).update(JSON.stringify(TARGETS));
  for (const file of ['go/go.mod', 'go/go.sum', 'kwok/go.mod', 'kwok/go.sum'])
    hash.update(readFileSync(path.join(CLUSTER_DIR, file)));
  for (const file of readdirSync(path.join(CLUSTER_DIR, 'go', 'pki')).sort())
    hash.update(readFileSync(path.join(CLUSTER_DIR, 'go', 'pki', file)));
  return hash.digest('hex');
}

/** Builds what is missing or stale; returns the seconds spent (0 when everything was current). */
export function build({ force = false, log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  const want = inputsHash();
  const current =
    !force &&
    existsSync(STAMP) &&
    readFileSync(STAMP, 'utf8') === want &&
    TARGETS.every((t) => existsSync(path.join(BIN_DIR, t.out)));
  if (current) {
    log('test/cluster: binaries are up to date (test/cluster/bin)');
    return 0;
  }
  mkdirSync(BIN_DIR, { recursive: true });
  const started = Date.now();
  for (const module of ['go', 'kwok']) {
    for (const target of TARGETS.filter((t) => t.module === module)) {
      const t0 = Date.now();
      log(`test/cluster: go build ${target.pkg}`);
      const args = ['build', '-ldflags', LDFLAGS, '-o', path.join(BIN_DIR, target.out), target.pkg];
      const result = spawnSync('go', args, {
        cwd: path.join(CLUSTER_DIR, module),
        env: goEnv(),
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      if (result.status !== 0)
        throw new Error(`go ${args.join(' ')} (in test/cluster/${module}) failed`);
      log(`test/cluster:   ${target.out} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  }
  writeFileSync(STAMP, want);
  const seconds = (Date.now() - started) / 1000;
  log(`test/cluster: built in ${seconds.toFixed(1)} s`);
  return seconds;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    build({ force: process.argv.includes('--force') });
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
}
