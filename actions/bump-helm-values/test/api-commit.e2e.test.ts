// commit-via: api, the bundle against a loopback fake of GitHub's GraphQL and REST API that
// enforces createCommitOnBranch's expectedHeadOid. The workspace is a plain directory with the
// values file: no git repository, no remote, no push credentials.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runBundle, cleanupRun, type ActionRun } from '../../../test/harness/run-action';
import { FakeGitHub } from './github-fake';

const FILE = 'values-production.yaml';
const VALUES = `# Production values
server:
  image:
    tag: "1.2.2"   # bumped by CI
console:
  image:
    tag: 16
workers:
${Array.from({ length: 6 }, (_, i) => `  w${i}:\n    tag: v0`).join('\n')}
`;
const TOKEN = 'ghs_apiModeTokenValue123';

let fake: FakeGitHub;
let api: string;
const runs: ActionRun[] = [];
const dirs: string[] = [];

beforeEach(async () => {
  fake = new FakeGitHub('octo-org', 'octo-repo', { [FILE]: VALUES }, TOKEN);
  api = await fake.start();
});
afterEach(async () => {
  await fake.stop();
  for (const r of runs.splice(0)) cleanupRun(r);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A workspace that is only a directory with the file (as the local copy, possibly stale). */
function workspace(text = VALUES): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bump-api-ws-'));
  dirs.push(dir);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, FILE), text);
  return dir;
}

async function run(inputs: Record<string, string>, ws = workspace()): Promise<ActionRun> {
  const r = await runBundle('bump-helm-values', {
    workspace: ws,
    inputs: { files: FILE, 'commit-via': 'api', ...inputs },
    env: {
      GITHUB_API_URL: api,
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_REF: 'refs/heads/main',
    },
    githubToken: TOKEN,
    timeoutMs: 40_000,
  });
  runs.push(r);
  return r;
}

test('commits through createCommitOnBranch with the head it read: byte-exact, one commit, no push credentials', async () => {
  const before = fake.branches.get('main');
  const r = await run({ changes: 'server.image.tag=1.2.3\nconsole.image.tag=16.10' });
  expect(r.errors).toEqual([]);
  expect(r.code).toBe(0);
  // Written by hand: only the two scalars differ.
  expect(fake.file('main', FILE)).toBe(
    VALUES.replace('tag: "1.2.2"', 'tag: "1.2.3"').replace('tag: 16\n', 'tag: "16.10"\n'),
  );
  const [head, parent] = fake.history('main');
  expect(parent.oid).toBe(before);
  expect(r.outputs['commit-sha']).toBe(head.oid);
  expect(r.outputs.changed).toBe('true');
  expect(r.outputs.message).toBe(
    `Committed 2 keys in 1 file at ${head.oid.slice(0, 12)}, pushed to octo-org/octo-repo@main via the GitHub API`,
  );
  expect(head.message).toMatch(
    /^chore: update server\.image\.tag to 1\.2\.3, console\.image\.tag to "16\.10"\n\n/,
  );
  const commit = fake.requests.find(
    (q) => q.path === '/graphql' && String(q.body?.query).includes('createCommitOnBranch'),
  );
  expect(
    (commit?.body?.variables as { input: { expectedHeadOid: string } }).input.expectedHeadOid,
  ).toBe(before);
  expect(r.notices).toEqual([
    expect.stringContaining('\'console.image.tag\': was the number 16, now the string "16.10"'),
  ]);
  expect(r.masks).toContain(TOKEN);
  expect(r.stdout.replaceAll(`::add-mask::${TOKEN}`, '')).not.toContain(TOKEN);
});

test('the branch moved before the commit: refused on expectedHeadOid, files re-read at the new head, re-applied, both changes land', async () => {
  fake.beforeNextCommit = () =>
    fake.pushElsewhere('main', FILE, (t) => t.replace('  w0:\n    tag: v0', '  w0:\n    tag: v9'));
  const r = await run({ changes: 'server.image.tag=1.2.3' });
  expect(r.errors).toEqual([]);
  const text = fake.file('main', FILE)!;
  expect(text).toContain('  w0:\n    tag: v9');
  expect(text).toContain('tag: "1.2.3"   # bumped by CI');
  expect(fake.history('main').map((c) => c.message.split('\n')[0])).toEqual([
    'chore: update server.image.tag to 1.2.3',
    'elsewhere',
    'initial',
  ]);
  expect(r.stdout).toMatch(/Commit refused: main moved \(Expected branch to point to/);
});

test('6 concurrent bumps of different keys all land, one commit each, none lost', async () => {
  const results = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      run({ changes: `workers.w${i}.tag=v${i + 1}`, 'push-retries': '20' }),
    ),
  );
  for (const r of results)
    expect({ code: r.code, errors: r.errors }).toEqual({ code: 0, errors: [] });
  const text = fake.file('main', FILE)!;
  for (let i = 0; i < 6; i++) expect(text).toContain(`  w${i}:\n    tag: v${i + 1}\n`);
  expect(fake.history('main')).toHaveLength(7);
  expect(new Set(results.map((r) => r.outputs['commit-sha'])).size).toBe(6);
});

test('a stale local copy does not matter: the edit applies to the head on GitHub', async () => {
  fake.pushElsewhere('main', FILE, (t) => t.replace('tag: "1.2.2"', 'tag: "1.2.2-hotfix"'));
  const r = await run({ changes: 'console.image.tag=17' }, workspace(VALUES));
  expect(r.errors).toEqual([]);
  expect(fake.file('main', FILE)).toContain('tag: "1.2.2-hotfix"');
  expect(fake.file('main', FILE)).toContain('    tag: 17\n');
  // The workspace is left alone (the commit is on GitHub).
  expect(readFileSync(path.join(r.workspace, FILE), 'utf8')).toBe(VALUES);
});

test('values already set on GitHub: changed=false, no commit', async () => {
  const r = await run({ changes: 'server.image.tag=1.2.2' });
  expect(r.errors).toEqual([]);
  expect(r.outputs.changed).toBe('false');
  expect(r.outputs.message).toBe('Nothing to change: the values are already set');
  expect(fake.history('main')).toHaveLength(1);
});

test('PR mode through the API: branch created at the base, commit on it, PR with labels, reviewers and auto-merge', async () => {
  const r = await run({
    changes: 'server.image.tag=1.2.3',
    'create-pr': 'true',
    'pr-branch': 'bump/server',
    labels: 'deploy, automated',
    reviewers: 'octocat, octo-org/platform',
    'auto-merge': 'squash',
  });
  expect(r.errors).toEqual([]);
  expect(fake.file('main', FILE)).toBe(VALUES);
  expect(fake.file('bump/server', FILE)).toBe(VALUES.replace('tag: "1.2.2"', 'tag: "1.2.3"'));
  expect(fake.history('bump/server')[1].oid).toBe(fake.branches.get('main'));
  expect(r.outputs['pr-number']).toBe('7');
  expect(r.outputs.message).toMatch(
    /^Committed 1 key in 1 file at [0-9a-f]{12}, pushed to octo-org\/octo-repo@bump\/server via the GitHub API; pull request #7 opened: \S+\/7$/,
  );
  expect(fake.labels.get(7)).toEqual(['deploy', 'automated']);
  expect(fake.reviewers.get(7)).toEqual({ users: ['octocat'], teams: ['platform'] });
  expect(fake.autoMerge.get('PR_7')).toBe('SQUASH');
});

test('a refused token is one clear line, nothing committed', async () => {
  const r = await runBundle('bump-helm-values', {
    workspace: workspace(),
    inputs: { files: FILE, 'commit-via': 'api', changes: 'server.image.tag=1.2.3' },
    env: {
      GITHUB_API_URL: api,
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_REF: 'refs/heads/main',
    },
    githubToken: 'ghs_wrongTokenValue000',
    timeoutMs: 40_000,
  });
  runs.push(r);
  expect(r.code).toBe(1);
  expect(r.errors).toEqual([
    'GitHub API: reading main of octo-org/octo-repo failed: HTTP 401: Bad credentials',
  ]);
  expect(r.outputs.message).toBe(
    'GitHub API: reading main of octo-org/octo-repo failed: HTTP 401: Bad credentials',
  );
  expect(fake.history('main')).toHaveLength(1);
});

test("the API goes through HTTP_PROXY by core's rules (absolute-form to the proxy), NO_PROXY bypasses it", async () => {
  const target = new URL(api);
  const proxied: string[] = [];
  const proxy = http.createServer((req, res) => {
    proxied.push(`${req.method} ${req.url}`);
    const u = new URL(req.url!);
    const up = http.request(
      {
        host: '127.0.0.1',
        port: target.port,
        method: req.method,
        path: u.pathname + u.search,
        headers: req.headers,
      },
      (r) => {
        res.writeHead(r.statusCode!, r.headers);
        r.pipe(res);
      },
    );
    req.pipe(up);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  // A name only the proxy can reach: the request must go through it.
  const viaName = `http://api.github.invalid:${target.port}`;
  try {
    const r = await runBundle('bump-helm-values', {
      workspace: workspace(),
      inputs: { files: FILE, 'commit-via': 'api', changes: 'server.image.tag=1.2.3' },
      env: {
        GITHUB_API_URL: viaName,
        GITHUB_REPOSITORY: 'octo-org/octo-repo',
        GITHUB_REF: 'refs/heads/main',
        HTTP_PROXY: proxyUrl,
      },
      githubToken: TOKEN,
      timeoutMs: 40_000,
    });
    runs.push(r);
    expect(r.errors).toEqual([]);
    expect(proxied).toEqual(expect.arrayContaining([`POST ${viaName}/graphql`]));
    const direct = await runBundle('bump-helm-values', {
      workspace: workspace(),
      inputs: {
        files: FILE,
        'commit-via': 'api',
        changes: 'server.image.tag=1.2.4',
        timeout: '20s',
      },
      env: {
        GITHUB_API_URL: viaName,
        GITHUB_REPOSITORY: 'octo-org/octo-repo',
        GITHUB_REF: 'refs/heads/main',
        HTTP_PROXY: proxyUrl,
        NO_PROXY: '.github.invalid',
      },
      githubToken: TOKEN,
      timeoutMs: 40_000,
    });
    runs.push(direct);
    const before = proxied.length;
    expect(direct.code).toBe(1);
    expect(direct.errors).toEqual([
      expect.stringMatching(/^GitHub API: reading main of octo-org\/octo-repo failed: /),
    ]);
    expect(proxied.length).toBe(before);
  } finally {
    proxy.closeAllConnections();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  }
});
