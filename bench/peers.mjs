// The peer actions people use today for the same jobs, measured the same way as ours when their
// published bundles are present (BENCH_PEERS_DIR). Their code is never committed here: this file
// only says where each bundle comes from and which inputs point it at our loopback servers.
//
// Prepare the bundles from git clones (one per peer, named owner+name, each a git dir or a
// checkout) into a directory outside the repository:
//   node bench/peers.mjs <clones-dir> /tmp/peers
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PEERS = [
  {
    id: 'Jtalk/url-health-check-action',
    ref: 'v4',
    paths: ['action.yml', 'dist'],
    entry: 'dist/index.js',
    ours: 'health-check-retry',
    floor: 'fetch',
    // One attempt at an already healthy URL; it runs curl, as its action.yml says.
    inputs: (ctx) => ({
      url: `${ctx.health.base}/healthz`,
      'max-attempts': '1',
      'retry-delay': '1s',
    }),
    expects: { counter: 'health', path: '/healthz' },
  },
  {
    id: 'slackapi/slack-github-action',
    ref: 'v4.0.0',
    paths: ['action.yml', 'dist'],
    entry: 'dist/index.js',
    ours: 'slack-discord-notify',
    floor: 'https-post',
    inputs: (ctx) => ({
      webhook: `${ctx.sink.base}/services/T000/B000/XXXXXXXX`,
      'webhook-type': 'incoming-webhook',
      payload: 'text: "deploy 1.2.3 succeeded"',
    }),
    expects: { counter: 'sink' },
  },
  {
    id: 'sarisia/actions-status-discord',
    ref: 'v1.15.5',
    paths: ['action.yml', 'lib'],
    entry: 'lib/index.js',
    ours: 'slack-discord-notify',
    floor: 'https-post',
    inputs: (ctx) => ({
      webhook: `${ctx.sink.base}/api/webhooks/1/abc`,
      status: 'success',
      nofail: 'false',
    }),
    expects: { counter: 'sink' },
  },
  {
    id: 'fjogeleit/yaml-update-action',
    ref: 'v0.16.1',
    paths: ['action.yml', 'dist'],
    entry: 'dist/index.js',
    ours: 'bump-helm-values',
    floor: 'file-edit',
    // Edit the file in the workspace and stop there (no commit, no GitHub API), like our no-commit case.
    inputs: (ctx) => ({
      valueFile: ctx.valuesFile,
      propertyPath: 'api.image.tag',
      value: ctx.targetTag,
      commitChange: 'false',
      updateFile: 'true',
    }),
    expects: { counter: 'none' },
  },
];

export function peerDirName(id) {
  return id.replace('/', '+');
}

function gitDirOf(clone) {
  return existsSync(path.join(clone, 'repo')) ? path.join(clone, 'repo') : clone;
}

/** Exports each peer's published files at its ref into outDir/<owner+name>/ with PEER.json. */
export function preparePeers(clonesDir, outDir) {
  for (const peer of PEERS) {
    const clone = path.join(clonesDir, peerDirName(peer.id));
    if (!existsSync(clone)) {
      console.log(`skip ${peer.id}: no clone at ${clone}`);
      continue;
    }
    const gitDir = gitDirOf(clone);
    const git = (...args) =>
      execFileSync(
        'git',
        [
          '--git-dir',
          existsSync(path.join(gitDir, '.git')) ? path.join(gitDir, '.git') : gitDir,
          ...args,
        ],
        { maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] },
      );
    const commit = git('rev-parse', `${peer.ref}^{commit}`).toString().trim();
    const target = path.join(outDir, peerDirName(peer.id));
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    const files = git('ls-tree', '-r', '--name-only', commit, '--', ...peer.paths)
      .toString()
      .split('\n')
      .filter(Boolean);
    const missing = [];
    for (const file of files) {
      let bytes;
      try {
        bytes = git('show', `${commit}:${file}`);
      } catch {
        // Snapshots may lack their largest blobs (source maps); the bundle runs without them.
        missing.push(file);
        continue;
      }
      mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
      writeFileSync(path.join(target, file), bytes);
    }
    if (!existsSync(path.join(target, peer.entry)))
      throw new Error(`${peer.id}: ${peer.entry} missing at ${commit}`);
    writeFileSync(
      path.join(target, 'PEER.json'),
      JSON.stringify({ repo: peer.id, ref: peer.ref, commit, missing }, null, 2) + '\n',
    );
    console.log(`${peer.id}@${peer.ref} (${commit}) → ${target}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [clonesDir, outDir] = process.argv.slice(2);
  if (!clonesDir || !outDir) {
    console.error('usage: node bench/peers.mjs <clones-dir> <out-dir>');
    process.exit(2);
  }
  preparePeers(clonesDir, outDir);
}
