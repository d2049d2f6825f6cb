// The bundled action against real git: a bare repository as the remote, clones as workspaces.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  ROOT,
  runBundle,
  cleanupRun,
  type ActionRun,
  type RunOptions,
} from '../../../test/harness/run-action';
import { GitSandbox, git } from './git-remote';

const VALUES = `# Production values (Argo CD syncs this file)
imprun-server:
  image:
    repository: ghcr.io/imprun/server
    tag: "1.2.2"   # bumped by CI

imprun-console:
  image:
    repository: ghcr.io/imprun/console
    tag: 1.2.2
`;

// Written by hand: only the two tag scalars differ from VALUES.
const BUMPED = `# Production values (Argo CD syncs this file)
imprun-server:
  image:
    repository: ghcr.io/imprun/server
    tag: "1.2.3"   # bumped by CI

imprun-console:
  image:
    repository: ghcr.io/imprun/console
    tag: 1.2.2
`;

const FILE = 'values-production.yaml';
const runs: ActionRun[] = [];
let box: GitSandbox;

async function run(
  workspace: string,
  inputs: RunOptions['inputs'],
  extra: Partial<RunOptions> = {},
): Promise<ActionRun> {
  const r = await runBundle('bump-helm-values', {
    workspace,
    inputs,
    env: { ...box.env(), ...extra.env },
    timeoutMs: 40_000,
    githubToken: extra.githubToken,
    onSpawn: extra.onSpawn,
  });
  runs.push(r);
  return r;
}

afterEach(() => {
  for (const r of runs.splice(0)) cleanupRun(r);
});

/** A fresh remote for each test that pushes, one shared remote for the tests that must not change anything. */
function freshRemoteEach(): void {
  beforeEach(() => {
    box = new GitSandbox({ [FILE]: VALUES });
  });
  afterEach(() => box.cleanup());
}

function sharedRemote(): void {
  beforeAll(() => {
    box = new GitSandbox({ [FILE]: VALUES });
  });
  beforeEach(() => box.forgetInvocations());
  afterAll(() => box.cleanup());
}

describe('against a bare remote', () => {
  freshRemoteEach();

  test('commits the byte-exact edit as github-actions[bot] and pushes it', async () => {
    const ws = box.clone();
    const before = box.tip();
    const r = await run(ws, { files: FILE, changes: 'imprun-server.image.tag=1.2.3' });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(box.remoteFile(FILE)).toBe(BUMPED);
    expect(r.outputs.changed).toBe('true');
    expect(r.outputs['commit-sha']).toBe(box.tip());
    expect(git(box.remote, 'rev-parse', 'main~1').trim()).toBe(before);
    expect(git(box.remote, 'log', '-1', '--format=%an <%ae>|%cn|%s', 'main').trim()).toBe(
      'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>|github-actions[bot]|chore: update imprun-server.image.tag to 1.2.3',
    );
    expect(JSON.parse(r.outputs['previous-values'])).toEqual({
      [FILE]: { 'imprun-server.image.tag': { value: '1.2.2', yaml: '"1.2.2"' } },
    });
    expect(r.outputs.diff).toContain(
      '-    tag: "1.2.2"   # bumped by CI\n+    tag: "1.2.3"   # bumped by CI\n',
    );
    expect(r.stdout).toContain('::group::Diff');
    expect(r.summary).toContain(
      '| `values-production.yaml` | `imprun-server.image.tag` | `1.2.2` | `1.2.3` | changed |',
    );
    expect(r.summary).toContain(r.outputs['commit-sha'].slice(0, 12));
    // One line for the notify step's reason: what, where, which commit.
    expect(r.outputs.message).toBe(
      `Committed 1 key in 1 file at ${box.tip().slice(0, 12)}, pushed to origin/main`,
    );
  });

  test('values already set: changed=false, no commit, no push', async () => {
    const ws = box.clone();
    const before = box.tip();
    const r = await run(ws, {
      files: FILE,
      changes: 'imprun-server.image.tag=1.2.2\nimprun-console.image.tag=1.2.2',
    });
    expect(r.code).toBe(0);
    expect(r.outputs.changed).toBe('false');
    expect(r.outputs['commit-sha']).toBe('');
    expect(box.tip()).toBe(before);
    expect(git(ws, 'rev-parse', 'HEAD').trim()).toBe(before);
    expect(box.gitInvocations().filter((l) => /^(commit|push)/.test(l))).toEqual([]);
    expect(r.summary).toContain('already set');
    expect(r.outputs.message).toBe('Nothing to change: the values are already set');
  });

  test('remote moved (another key changed meanwhile): re-applies the edit on the new tip, both changes land, history stays linear', async () => {
    const ws = box.clone();
    const theirs = box.pushFromElsewhere(
      FILE,
      (t) => t.replace('    tag: 1.2.2\n', '    tag: 2.0.0\n'),
      'console to 2.0.0',
    );
    const r = await run(ws, { files: FILE, changes: 'imprun-server.image.tag=1.2.3' });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Push rejected \(\[rejected\] HEAD -> main \(fetch first\)\): main moved on origin\. Re-applying/,
    );
    expect(box.remoteFile(FILE)).toBe(BUMPED.replace('    tag: 1.2.2\n', '    tag: 2.0.0\n'));
    expect(git(box.remote, 'rev-parse', 'main~1').trim()).toBe(theirs);
    expect(git(box.remote, 'rev-list', '--merges', '--count', 'main').trim()).toBe('0');
    expect(git(box.remote, 'rev-list', '--count', 'main').trim()).toBe('3');
    expect(r.outputs['commit-sha']).toBe(box.tip());
  });

  test('someone else set the same value meanwhile: no second commit, changed=false', async () => {
    const ws = box.clone();
    const theirs = box.pushFromElsewhere(FILE, (t) => t.replace('tag: "1.2.2"', 'tag: "1.2.3"'));
    const r = await run(ws, { files: FILE, changes: 'imprun-server.image.tag=1.2.3' });
    expect(r.code).toBe(0);
    expect(r.outputs.changed).toBe('false');
    expect(r.outputs['commit-sha']).toBe('');
    expect(box.tip()).toBe(theirs);
    expect(box.remoteFile(FILE)).toBe(BUMPED);
  });

  test('8 bumps of different keys of one file at the same moment all land, one commit each, linear history', async () => {
    const services = Array.from({ length: 8 }, (_, i) => `svc-${i + 1}`);
    const many = services.map((s) => `${s}:\n  image:\n    tag: "0.0.1"  # ${s}\n`).join('\n');
    box.pushFromElsewhere(FILE, () => many, 'eight services');
    const base = box.tip();
    const workspaces = services.map(() => box.clone());
    const results = await Promise.all(
      services.map((s, i) =>
        run(workspaces[i], { files: FILE, changes: `${s}.image.tag=1.0.${i + 1}` }),
      ),
    );
    for (const r of results) {
      expect(r.errors).toEqual([]);
      expect(r.code).toBe(0);
    }
    const expected = services
      .map((s, i) => `${s}:\n  image:\n    tag: "1.0.${i + 1}"  # ${s}\n`)
      .join('\n');
    expect(box.remoteFile(FILE)).toBe(expected);
    expect(git(box.remote, 'rev-list', '--count', `${base}..main`).trim()).toBe('8');
    expect(git(box.remote, 'rev-list', '--merges', '--count', 'main').trim()).toBe('0');
    const shas = results.map((r) => r.outputs['commit-sha']).sort();
    expect(shas).toEqual(git(box.remote, 'rev-list', `${base}..main`).trim().split('\n').sort());
  });

  test('a branch that keeps moving: gives up after push-retries with the reason, one push per attempt', async () => {
    // The hook commits on main inside every push, so git itself rejects each push as a lost race.
    box.hook(
      'pre-receive',
      [
        'unset GIT_QUARANTINE_PATH GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES',
        'tip=$(git rev-parse refs/heads/main)',
        'c=$(GIT_AUTHOR_NAME=o GIT_AUTHOR_EMAIL=o@o GIT_COMMITTER_NAME=o GIT_COMMITTER_EMAIL=o@o git commit-tree -p "$tip" -m moved "$tip^{tree}")',
        'git update-ref refs/heads/main "$c"',
      ].join('\n'),
    );
    const r = await run(box.clone(), {
      files: FILE,
      changes: 'imprun-server.image.tag=1.2.3',
      'push-retries': '1',
    });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      expect.stringMatching(
        /^git push to origin\/main was rejected 2 times because the branch kept moving \(push-retries: 1\); the change is committed locally as [0-9a-f]{12} but not pushed$/,
      ),
    ]);
    expect(r.stdout).toContain(
      'Push rejected ([remote rejected] HEAD -> main (failed to update ref))',
    );
    expect(box.gitInvocations().filter((l) => l.startsWith('push '))).toHaveLength(2);
    expect(box.remoteFile(FILE)).toBe(VALUES);
    // The failure's reason is the message (for a notification), the same line as the error.
    expect(r.outputs.message).toBe(r.errors[0]);
  });

  test('a push refused for another reason fails at once, without retries', async () => {
    box.hook('pre-receive', 'echo "main is frozen" >&2\nexit 1');
    const r = await run(box.clone(), { files: FILE, changes: 'imprun-server.image.tag=1.2.3' });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      'git push to origin/main failed: [remote rejected] HEAD -> main (pre-receive hook declined)',
    ]);
    expect(r.outputs.message).toBe(
      'git push to origin/main failed: [remote rejected] HEAD -> main (pre-receive hook declined)',
    );
    expect(box.gitInvocations().filter((l) => l.startsWith('push '))).toHaveLength(1);
  });

  test('timeout bounds git: a push that hangs is stopped at the deadline, one clear line', async () => {
    box.hook('pre-receive', 'sleep 30');
    const started = Date.now();
    const r = await run(box.clone(), {
      files: FILE,
      changes: 'imprun-server.image.tag=1.2.3',
      timeout: '2s',
    });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      'git push did not finish before the deadline and was stopped (timeout: 2s); raise the timeout input if the remote is slow',
    ]);
    // Well before the hook's 30 s: the push was stopped, not waited for.
    expect(Date.now() - started).toBeLessThan(25_000);
    expect(box.remoteFile(FILE)).toBe(VALUES);
  });

  test('SIGTERM during a hanging push: git is stopped, the run says cancelled, exits at once', async () => {
    const marker = path.join(box.remote, 'push-started');
    box.hook('pre-receive', `touch '${marker}'\nsleep 30`);
    let signalledAt = 0;
    const r = await run(
      box.clone(),
      { files: FILE, changes: 'imprun-server.image.tag=1.2.3' },
      {
        onSpawn: (child) => {
          const poll = setInterval(() => {
            if (!existsSync(marker)) return;
            clearInterval(poll);
            signalledAt = Date.now();
            child.kill('SIGTERM');
          }, 20);
        },
      },
    );
    expect(r.code).not.toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(5_000);
    expect(r.errors).toEqual([expect.stringMatching(/^cancelled \(SIGTERM\)/)]);
    expect(r.outputs.message).toMatch(/^Cancelled: /);
    expect(r.outputs.message).not.toContain('\n');
    expect(box.remoteFile(FILE)).toBe(VALUES);
  });

  test('a value with shell metacharacters is written literally, never run; log lines are plain text', async () => {
    const marker = path.join(box.remote, 'pwned');
    const value = `$(touch ${marker});x\`touch ${marker}\`|y&z>w`;
    const r = await run(box.clone(), { files: FILE, changes: `imprun-server.image.tag=${value}` });
    expect(r.errors).toEqual([]);
    expect(existsSync(marker)).toBe(false);
    expect(box.remoteFile(FILE)).toBe(VALUES.replace('"1.2.2"', JSON.stringify(value)));
    const sha = box.tip();
    // The summary note is Markdown; its log line is the same sentence in plain text.
    expect(r.stdout).toContain(`\nCommitted ${sha.slice(0, 12)} and pushed it to origin/main.\n`);
    expect(r.summary).toContain(
      `Committed \`${sha.slice(0, 12)}\` and pushed it to \`origin/main\`.`,
    );
    const logLines = r.stdout.split('\n').filter((l) => !l.startsWith('::') && !l.includes(value));
    expect(logLines.filter((l) => /\*\*|`|\]\(/.test(l))).toEqual([]);
  });

  test('a glob edits every matching file in one commit; per-file previous-values reverts them', async () => {
    const staging = VALUES.replace('tag: "1.2.2"', "tag: '1.2.0'");
    box.pushFromElsewhere(FILE, (t) => t);
    const ws = box.clone();
    for (const env of ['production', 'staging']) {
      const dir = path.join(ws, 'envs', env);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'values.yaml'), env === 'production' ? VALUES : staging);
    }
    git(ws, 'add', 'envs');
    git(ws, 'commit', '--quiet', '-m', 'two environments');
    git(ws, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');
    const base = box.tip();
    const r = await run(ws, {
      files: 'envs/*/values.yaml',
      changes: 'imprun-server.image.tag=1.2.3',
    });
    expect(r.errors).toEqual([]);
    expect(git(box.remote, 'rev-list', '--count', `${base}..main`).trim()).toBe('1');
    expect(git(box.remote, 'show', '--name-only', '--format=', 'main').trim().split('\n')).toEqual([
      'envs/production/values.yaml',
      'envs/staging/values.yaml',
    ]);
    expect(box.remoteFile('envs/staging/values.yaml')).toBe(
      staging.replace("tag: '1.2.0'", "tag: '1.2.3'"),
    );
    expect(JSON.parse(r.outputs['previous-values'])).toEqual({
      'envs/production/values.yaml': {
        'imprun-server.image.tag': { value: '1.2.2', yaml: '"1.2.2"' },
      },
      'envs/staging/values.yaml': {
        'imprun-server.image.tag': { value: '1.2.0', yaml: "'1.2.0'" },
      },
    });
    const back = await run(ws, {
      files: 'envs/*/values.yaml',
      'changes-json': r.outputs['previous-values'],
    });
    expect(back.errors).toEqual([]);
    expect(box.remoteFile('envs/production/values.yaml')).toBe(VALUES);
    expect(box.remoteFile('envs/staging/values.yaml')).toBe(staging);
  });

  test('previous-values passed back through changes-json reverts the bump byte for byte', async () => {
    const ws = box.clone();
    const bumped = await run(ws, {
      files: FILE,
      changes: 'imprun-server.image.tag=1.2.3\nimprun-console.image.tag=1.2.3',
    });
    expect(bumped.code).toBe(0);
    const reverted = await run(ws, {
      files: FILE,
      'changes-json': bumped.outputs['previous-values'],
      'commit-message': 'revert: image tags back',
    });
    expect(reverted.errors).toEqual([]);
    expect(reverted.code).toBe(0);
    expect(box.remoteFile(FILE)).toBe(VALUES);
    expect(git(box.remote, 'log', '--format=%s', '-2', 'main').trim().split('\n')).toEqual([
      'revert: image tags back',
      'chore: update imprun-server.image.tag, imprun-console.image.tag to 1.2.3',
    ]);
  });

  test('working-directory: the repository checked out into a subdirectory (actions/checkout path: infra)', async () => {
    const workspace = path.join(box.root, 'workspace');
    mkdirSync(workspace);
    git(workspace, 'clone', '--quiet', box.remote, 'infra');
    const r = await run(workspace, {
      'working-directory': 'infra',
      files: FILE,
      changes: 'imprun-server.image.tag=1.2.3',
    });
    expect(r.errors).toEqual([]);
    expect(box.remoteFile(FILE)).toBe(BUMPED);
    expect(JSON.parse(r.outputs['previous-values'])).toEqual({
      [FILE]: { 'imprun-server.image.tag': { value: '1.2.2', yaml: '"1.2.2"' } },
    });
  });

  test('branch: pushes to another branch and leaves the checked-out one alone', async () => {
    const ws = box.clone();
    const main = box.tip();
    const r = await run(ws, {
      files: FILE,
      changes: 'imprun-server.image.tag=1.2.3',
      branch: 'env/production',
    });
    expect(r.errors).toEqual([]);
    expect(box.remoteFile(FILE, 'env/production')).toBe(BUMPED);
    expect(box.tip('env/production')).toBe(r.outputs['commit-sha']);
    expect(box.tip()).toBe(main);
    expect(git(ws, 'rev-parse', 'refs/heads/main').trim()).toBe(main);
  });

  test('detached HEAD without a branch input: clear error before any file is written', async () => {
    const ws = box.clone();
    git(ws, 'checkout', '--quiet', '--detach');
    const r = await run(ws, { files: FILE, changes: 'imprun-server.image.tag=1.2.3' });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      'HEAD is detached (a tag or pull request checkout), so there is no branch to push to; set the branch input',
    ]);
    expect(readFileSync(path.join(ws, FILE), 'utf8')).toBe(VALUES);
  });

  test('the GitHub client is not in the main bundle but in a chunk imported only in PR mode', () => {
    const dist = path.join(ROOT, 'dist', 'bump-helm-values');
    const chunks = readdirSync(dist).filter((f) => f.endsWith('.js') && f !== 'index.js');
    expect(readFileSync(path.join(dist, 'index.js'), 'utf8')).not.toMatch(/@octokit|octokit\.rest/);
    expect(
      chunks.some((f) => /@octokit|Octokit/.test(readFileSync(path.join(dist, f), 'utf8'))),
    ).toBe(true);
  });

  test('dry-run reports the diff and writes, commits and pushes nothing', async () => {
    const ws = box.clone();
    const before = box.tip();
    const r = await run(ws, {
      files: FILE,
      changes: 'imprun-server.image.tag=1.2.3',
      'dry-run': 'true',
    });
    expect(r.code).toBe(0);
    expect(r.outputs.changed).toBe('true');
    expect(r.outputs.diff).toContain('+    tag: "1.2.3"   # bumped by CI');
    expect(readFileSync(path.join(ws, FILE), 'utf8')).toBe(VALUES);
    expect(box.tip()).toBe(before);
    expect(box.gitInvocations()).toEqual([]);
    expect(r.summary).toContain('Dry run');
    expect(r.outputs.message).toBe(
      'Dry run: would change 1 key in 1 file; nothing was written or committed',
    );
  });

  test('dry-run with the values already set: the message says nothing to change', async () => {
    const r = await run(box.clone(), {
      files: FILE,
      changes: 'imprun-server.image.tag=1.2.2',
      'dry-run': 'true',
    });
    expect(r.code).toBe(0);
    expect(r.outputs.message).toBe('Dry run: nothing to change, the values are already set');
  });

  test('commit: false only writes the file', async () => {
    const ws = box.clone();
    const r = await run(ws, {
      files: FILE,
      changes: 'imprun-server.image.tag=1.2.3',
      commit: 'false',
    });
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(ws, FILE), 'utf8')).toBe(BUMPED);
    expect(box.gitInvocations()).toEqual([]);
    expect(r.outputs.message).toBe(
      'Wrote 1 key in 1 file; nothing was committed (commit is false)',
    );
  });

  test('push: false commits locally; the message counts keys and files and says not pushed', async () => {
    const ws = box.clone();
    writeFileSync(path.join(ws, 'values-staging.yaml'), VALUES);
    git(ws, 'add', 'values-staging.yaml');
    git(ws, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'staging');
    const r = await run(ws, {
      files: `${FILE}\nvalues-staging.yaml`,
      changes: 'imprun-server.image.tag=1.2.3\nimprun-console.image.tag=1.2.3',
      push: 'false',
    });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    const head = git(ws, 'rev-parse', 'HEAD').trim();
    expect(r.outputs['commit-sha']).toBe(head);
    expect(r.outputs.message).toBe(
      `Committed 4 keys in 2 files at ${head.slice(0, 12)}; not pushed (push is false)`,
    );
  });

  describe('pull request mode', () => {
    interface Seen {
      method: string;
      url: string;
      auth?: string;
      body?: unknown;
    }
    let server: http.Server;
    let seen: Seen[];
    let openPulls: Array<Record<string, unknown>>;
    let refuseCreate: boolean;
    let hang: boolean;

    beforeEach(async () => {
      seen = [];
      openPulls = [];
      refuseCreate = false;
      hang = false;
      server = http.createServer((req, res) => {
        // An API that accepts the request and never answers.
        if (hang) return;
        let data = '';
        req.on('data', (d) => (data += d));
        req.on('end', () => {
          const body = data ? JSON.parse(data) : undefined;
          seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body });
          const reply = (status: number, json: unknown) => {
            res.writeHead(status, { 'content-type': 'application/json' });
            res.end(JSON.stringify(json));
          };
          const url = new URL(req.url!, 'http://x');
          if (req.method === 'GET' && url.pathname === '/repos/octo-org/octo-repo/pulls') {
            const head = url.searchParams.get('head');
            return reply(
              200,
              openPulls.filter((p) => `octo-org:${(p.head as { ref: string }).ref}` === head),
            );
          }
          if (req.method === 'POST' && refuseCreate)
            return reply(403, { message: 'Resource not accessible by integration' });
          if (req.method === 'POST' && url.pathname === '/repos/octo-org/octo-repo/pulls') {
            const pr = {
              number: 7 + openPulls.length,
              html_url: `https://github.test/octo-org/octo-repo/pull/${7 + openPulls.length}`,
              head: { ref: body.head },
              base: { ref: body.base },
            };
            openPulls.push(pr);
            return reply(201, pr);
          }
          reply(404, { message: 'Not Found' });
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterEach(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    test('timeout bounds the API: a pull request call that hangs is stopped, one clear line', async () => {
      hang = true;
      const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const started = Date.now();
      const r = await run(
        box.clone(),
        {
          files: FILE,
          changes: 'imprun-server.image.tag=1.2.3',
          'create-pr': 'true',
          'pr-branch': 'bump/hang',
          timeout: '3s',
        },
        { env: { GITHUB_API_URL: api }, githubToken: 'ghs_hangTokenValue789' },
      );
      expect(r.code).toBe(1);
      expect(r.errors).toEqual([
        'GitHub API: listing open pull requests from bump/hang was stopped: the timeout passed or the job is being cancelled',
      ]);
      expect(Date.now() - started).toBeLessThan(25_000);
    });

    test('pushes to pr-branch, opens the pull request, and reuses it on the next run', async () => {
      const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const token = 'ghs_prModeTokenValue123';
      const mainBefore = box.tip();
      const inputs = {
        files: FILE,
        changes: 'imprun-server.image.tag=1.2.3',
        'create-pr': 'true',
        'pr-branch': 'bump/server-1.2.3',
      };
      const first = await run(box.clone(), inputs, {
        env: { GITHUB_API_URL: api },
        githubToken: token,
      });
      expect(first.errors).toEqual([]);
      expect(first.code).toBe(0);
      expect(box.tip()).toBe(mainBefore);
      expect(box.remoteFile(FILE, 'bump/server-1.2.3')).toBe(BUMPED);
      expect(first.outputs['pr-number']).toBe('7');
      expect(first.outputs['pr-url']).toBe('https://github.test/octo-org/octo-repo/pull/7');
      expect(first.outputs.message).toBe(
        `Committed 1 key in 1 file at ${first.outputs['commit-sha'].slice(0, 12)}, pushed to origin/bump/server-1.2.3; pull request #7 opened: https://github.test/octo-org/octo-repo/pull/7`,
      );
      expect(first.outputs['commit-sha']).toBe(
        git(box.remote, 'rev-parse', 'bump/server-1.2.3').trim(),
      );
      const post = seen.find((s) => s.method === 'POST');
      expect(post?.body).toMatchObject({
        head: 'bump/server-1.2.3',
        base: 'main',
        title: 'chore: update imprun-server.image.tag to 1.2.3',
      });
      expect(seen.every((s) => s.auth === `token ${token}`)).toBe(true);
      expect(first.masks).toEqual([token]);
      expect(first.stdout.replace(`::add-mask::${token}`, '')).not.toContain(token);

      // A second bump to the same PR branch (from a workspace still on main): re-applied on the branch, PR reused.
      seen = [];
      const second = await run(
        box.clone(),
        { ...inputs, changes: 'imprun-server.image.tag=1.2.3\nimprun-console.image.tag=1.2.3' },
        { env: { GITHUB_API_URL: api }, githubToken: token },
      );
      expect(second.errors).toEqual([]);
      expect(second.code).toBe(0);
      expect(second.outputs['pr-number']).toBe('7');
      expect(seen.filter((s) => s.method === 'POST')).toEqual([]);
      expect(box.remoteFile(FILE, 'bump/server-1.2.3')).toBe(
        BUMPED.replace('    tag: 1.2.2\n', '    tag: 1.2.3\n'),
      );
      expect(git(box.remote, 'rev-list', '--count', 'main..bump/server-1.2.3').trim()).toBe('2');
      expect(second.summary).toContain('reused');
      expect(second.outputs.message).toMatch(
        /^Committed 1 key in 1 file at [0-9a-f]{12}, pushed to origin\/bump\/server-1\.2\.3; pull request #7 was already open \(reused\): https:\/\/github\.test\/octo-org\/octo-repo\/pull\/7$/,
      );
    });

    test('an API refusal is one clear error line and never shows the token', async () => {
      refuseCreate = true;
      const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const token = 'ghs_refusedTokenValue456';
      const r = await run(
        box.clone(),
        {
          files: FILE,
          changes: 'imprun-server.image.tag=1.2.3',
          'create-pr': 'true',
          'pr-branch': 'bump/x',
        },
        { env: { GITHUB_API_URL: api }, githubToken: token },
      );
      expect(r.code).toBe(1);
      expect(r.errors).toEqual([
        'GitHub API: creating the pull request bump/x → main failed: HTTP 403: Resource not accessible by integration',
      ]);
      expect(r.stdout.replace(`::add-mask::${token}`, '') + r.stderr).not.toContain(token);
    });
  });
});

const OUTSIDE = path.join(tmpdir(), `bump-outside-${process.pid}`);
const BIG = 'x'.repeat(100_000);

const BAD_INPUTS: Array<{
  name: string;
  inputs: Record<string, string>;
  error: RegExp;
  /** Prepares the workspace (links, files outside it). */
  setup?: (ws: string) => void;
}> = [
  {
    name: 'files empty',
    inputs: { files: '  \n ', changes: 'a=1' },
    error: /^Input 'files': is required/,
  },
  {
    name: 'files outside the workspace (..)',
    inputs: { files: `../${path.basename(OUTSIDE)}/values.yaml`, changes: 'a=1' },
    setup: (ws) => {
      mkdirSync(path.join(path.dirname(ws), path.basename(OUTSIDE)), { recursive: true });
      writeFileSync(path.join(path.dirname(ws), path.basename(OUTSIDE), 'values.yaml'), 'a: 0\n');
    },
    error: /^Input 'files': .*outside the workspace/,
  },
  {
    name: 'files an absolute path outside the workspace',
    inputs: { files: path.join(OUTSIDE, 'values.yaml'), changes: 'a=1' },
    setup: () => {
      mkdirSync(OUTSIDE, { recursive: true });
      writeFileSync(path.join(OUTSIDE, 'values.yaml'), 'a: 0\n');
    },
    error: /^Input 'files': .*outside the workspace/,
  },
  {
    name: 'files a symbolic link to a file outside the workspace',
    inputs: { files: 'linked.yaml', changes: 'a=1' },
    setup: (ws) => {
      mkdirSync(OUTSIDE, { recursive: true });
      writeFileSync(path.join(OUTSIDE, 'values.yaml'), 'a: 0\n');
      symlinkSync(path.join(OUTSIDE, 'values.yaml'), path.join(ws, 'linked.yaml'));
    },
    error: /^Input 'files': .*outside the workspace.* through a symbolic link/,
  },
  {
    name: 'working-directory outside the workspace',
    inputs: { files: FILE, changes: 'a=1', 'working-directory': '..' },
    error: /^Input 'working-directory': .*outside the workspace/,
  },
  {
    name: 'working-directory a symbolic link out of the workspace',
    inputs: { files: 'values.yaml', changes: 'a=1', 'working-directory': 'out' },
    setup: (ws) => {
      mkdirSync(OUTSIDE, { recursive: true });
      writeFileSync(path.join(OUTSIDE, 'values.yaml'), 'a: 0\n');
      symlinkSync(OUTSIDE, path.join(ws, 'out'));
    },
    error: /^Input 'working-directory': .*outside the workspace.* through a symbolic link/,
  },
  {
    name: 'working-directory missing',
    inputs: { files: FILE, changes: 'a=1', 'working-directory': 'nope' },
    error: /^Input 'working-directory': 'nope' is not a directory/,
  },
  {
    name: 'a 100 KB value',
    inputs: { files: FILE, changes: `imprun-server.image.tag=${BIG}` },
    error: /^Input 'changes': line 1: the value is longer than 65536 characters$/,
  },
  {
    name: 'a 100 KB value in changes-json',
    inputs: { files: FILE, 'changes-json': JSON.stringify({ 'imprun-server.image.tag': BIG }) },
    error:
      /^Input 'changes-json': changes-json: the value of 'imprun-server\.image\.tag' is longer than 65536 characters$/,
  },
  {
    name: 'changes-json number out of range (1e400)',
    inputs: { files: FILE, 'changes-json': '{"imprun-server.replicas": 1e400}' },
    error: /^Input 'changes-json': .*out of the range of a float64; Helm cannot read it/,
  },
  {
    name: 'changes-json revert entry of the wrong shape',
    inputs: { files: FILE, 'changes-json': JSON.stringify({ [FILE]: { 'a.b': { old: 1 } } }) },
    error:
      /^Input 'changes-json': file 'values-production\.yaml': the value of 'a\.b' must be a string, number, boolean, null, \{"value": …, "yaml": "…"\} or \{"absent": true\}/,
  },
  {
    name: 'boolean expected (value-type)',
    inputs: { files: FILE, changes: 'a=maybe', 'value-type': 'boolean' },
    error: /^Input 'changes': line 1: 'maybe' is not a boolean/,
  },
  {
    name: 'create-missing not a boolean',
    inputs: { files: FILE, changes: 'a=1', 'create-missing': 'sometimes' },
    error: /^Input 'create-missing': /,
  },
  {
    name: 'allow-anchors not a boolean',
    inputs: { files: FILE, changes: 'a=1', 'allow-anchors': '2' },
    error: /^Input 'allow-anchors': /,
  },
  {
    name: 'commit not a boolean',
    inputs: { files: FILE, changes: 'a=1', commit: 'no!' },
    error: /^Input 'commit': /,
  },
  {
    name: 'push not a boolean',
    inputs: { files: FILE, changes: 'a=1', push: '' + 'nah' },
    error: /^Input 'push': /,
  },
  {
    name: 'dry-run not a boolean',
    inputs: { files: FILE, changes: 'a=1', 'dry-run': 'y e s' },
    error: /^Input 'dry-run': /,
  },
  {
    name: 'remote with shell metacharacters',
    inputs: { files: FILE, changes: 'a=1', remote: 'origin;rm -rf /' },
    error: /^Input 'remote': expected a remote name like origin, got 'origin;rm -rf \/'/,
  },
  {
    name: 'branch with shell metacharacters',
    inputs: { files: FILE, changes: 'a=1', branch: 'main; rm -rf /' },
    error: /^Input 'branch': 'main; rm -rf \/' is not a valid branch name/,
  },
  {
    name: 'pr-branch with a backtick',
    inputs: { files: FILE, changes: 'a=1', 'pr-branch': 'bump/$(id) `id`' },
    error: /^Input 'pr-branch': .* is not a valid branch name/,
  },
  {
    name: 'base invalid',
    inputs: { files: FILE, changes: 'a=1', base: 'ma..in' },
    error: /^Input 'base': 'ma\.\.in' is not a valid branch name/,
  },
  {
    name: 'repository with shell metacharacters',
    inputs: { files: FILE, changes: 'a=1', repository: 'octo/repo;ls' },
    error: /^Input 'repository': expected owner\/name, got 'octo\/repo;ls'/,
  },
  {
    name: 'author-email not an email',
    inputs: { files: FILE, changes: 'a=1', 'author-email': 'bot at example' },
    error: /^Input 'author-email': expected an email address/,
  },
  {
    name: 'author-name with <>',
    inputs: { files: FILE, changes: 'a=1', 'author-name': 'bot <evil>' },
    error: /^Input 'author-name': must not contain < or >/,
  },
  {
    name: 'push-retries above 20',
    inputs: { files: FILE, changes: 'a=1', 'push-retries': '21' },
    error: /^Input 'push-retries': /,
  },
  {
    name: 'push-retries negative',
    inputs: { files: FILE, changes: 'a=1', 'push-retries': '-1' },
    error: /^Input 'push-retries': /,
  },
  {
    name: 'pr-title of two lines',
    inputs: { files: FILE, changes: 'a=1', 'pr-title': 'one\ntwo' },
    error: /^Input 'pr-title': must be one line/,
  },
  {
    name: 'timeout not a duration',
    inputs: { files: FILE, changes: 'a=1', timeout: 'soon' },
    error: /^Input 'timeout': expected a duration like 30s, 5m or 1h30m, got 'soon'/,
  },
  {
    name: 'timeout too short',
    inputs: { files: FILE, changes: 'a=1', timeout: '500ms' },
    error: /^Input 'timeout': must be at least 1s/,
  },
  {
    name: 'timeout too long',
    inputs: { files: FILE, changes: 'a=1', timeout: '100d' },
    error: /^Input 'timeout': must be at most /,
  },
  {
    name: 'commit-via unknown',
    inputs: { files: FILE, changes: 'a=1', 'commit-via': 'ssh' },
    error: /^Input 'commit-via': expected one of git, api, got 'ssh'/,
  },
  {
    name: 'commit-via api without a token',
    inputs: { files: FILE, changes: 'a=1', 'commit-via': 'api', 'github-token': '' },
    error: /^Input 'github-token': is required when commit-via is api/,
  },
  {
    name: 'commit-via api with commit false',
    inputs: {
      files: FILE,
      changes: 'a=1',
      'commit-via': 'api',
      commit: 'false',
      'github-token': 'ghs_x',
    },
    error:
      /^Input 'commit-via': api commits through GitHub, so it needs commit: true and push: true/,
  },
  {
    name: 'labels without create-pr',
    inputs: { files: FILE, changes: 'a=1', labels: 'deploy' },
    error: /^Input 'labels': applies to the pull request, so it needs create-pr: true/,
  },
  {
    name: 'reviewers with shell metacharacters',
    inputs: {
      files: FILE,
      changes: 'a=1',
      'create-pr': 'true',
      'github-token': 'ghs_x',
      reviewers: 'octocat;rm',
    },
    error: /^Input 'reviewers': expected GitHub logins or org\/team names, got 'octocat;rm'/,
  },
  {
    name: 'auto-merge unknown',
    inputs: {
      files: FILE,
      changes: 'a=1',
      'create-pr': 'true',
      'github-token': 'ghs_x',
      'auto-merge': 'yes',
    },
    error: /^Input 'auto-merge': expected one of false, merge, squash, rebase, got 'yes'/,
  },
  { name: 'changes missing', inputs: { files: FILE }, error: /^Input 'changes': is required/ },
  {
    name: 'changes line without =',
    inputs: { files: FILE, changes: 'imprun-server.image.tag' },
    error: /^Input 'changes': line 1 is not path=value/,
  },
  {
    name: 'bad path syntax',
    inputs: { files: FILE, changes: 'a..b=1' },
    error: /^Input 'changes': line 1: path 'a\.\.b' is not valid/,
  },
  {
    name: 'same path twice',
    inputs: { files: FILE, changes: 'a.b=1\n.a.b=2' },
    error: /^Input 'changes': changes: path 'a\.b' is given twice/,
  },
  {
    name: 'number expected',
    inputs: { files: FILE, changes: 'a=abc', 'value-type': 'number' },
    error: /^Input 'changes': line 1: 'abc' is not a number/,
  },
  {
    name: 'unknown value-type',
    inputs: { files: FILE, changes: 'a=1', 'value-type': 'int' },
    error: /^Input 'value-type': expected one of auto, string, number, boolean/,
  },
  {
    name: 'both changes and changes-json',
    inputs: { files: FILE, changes: 'a=1', 'changes-json': '{"a":1}' },
    error: /^Input 'changes': give either changes or changes-json/,
  },
  {
    name: 'changes-json not JSON',
    inputs: { files: FILE, 'changes-json': '{a:1}' },
    error: /^Input 'changes-json': not valid JSON/,
  },
  {
    name: 'changes-json with a nested non-scalar',
    inputs: { files: FILE, 'changes-json': '{"a":[1]}' },
    error: /^Input 'changes-json': changes-json: the value of 'a' must be a string/,
  },
  {
    name: 'push-retries not a number',
    inputs: { files: FILE, changes: 'a=1', 'push-retries': 'many' },
    error: /^Input 'push-retries': expected a whole number from 0 to 20/,
  },
  {
    name: 'invalid branch',
    inputs: { files: FILE, changes: 'a=1', branch: 'bad..name' },
    error: /^Input 'branch': 'bad\.\.name' is not a valid branch name/,
  },
  {
    name: 'create-pr without token',
    inputs: { files: FILE, changes: 'a=1', 'create-pr': 'true' },
    error: /^Input 'github-token': is required when create-pr is true/,
  },
  {
    name: 'create-pr with push false',
    inputs: { files: FILE, changes: 'a=1', 'create-pr': 'true', push: 'false' },
    error: /^Input 'create-pr': needs commit: true and push: true/,
  },
  {
    name: 'bad boolean',
    inputs: { files: FILE, changes: 'a=1', 'dry-run': 'maybe' },
    error: /^Input 'dry-run': expected true or false/,
  },
  {
    name: 'glob matching nothing',
    inputs: { files: 'envs/*/values.yaml', changes: 'a=1' },
    error: /^Input 'files': the pattern 'envs\/\*\/values\.yaml' matched no file/,
  },
  {
    name: 'file missing',
    inputs: { files: 'nope.yaml', changes: 'a=1' },
    error: /^Input 'files': 'nope\.yaml' does not exist/,
  },
  {
    name: 'per-file JSON naming another file',
    inputs: { files: FILE, 'changes-json': '{"other.yaml":{"a":"1"}}' },
    error: /^Input 'changes-json': has no entry for 'values-production\.yaml'/,
  },
];

describe('bad inputs: one ::error:: naming the input, exit 1, nothing modified, no git command', () => {
  sharedRemote();
  afterAll(() => rmSync(OUTSIDE, { recursive: true, force: true }));
  test.each(BAD_INPUTS)('$name', async ({ inputs, error, setup }) => {
    const ws = box.clone();
    setup?.(ws);
    const before = box.tip();
    const r = await run(ws, inputs);
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(error);
    expect(r.errors[0]).not.toContain('\n');
    expect(r.stdout).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(ws, FILE), 'utf8')).toBe(VALUES);
    if (existsSync(OUTSIDE))
      expect(readFileSync(path.join(OUTSIDE, 'values.yaml'), 'utf8')).toBe('a: 0\n');
    expect(box.gitInvocations()).toEqual([]);
    expect(box.tip()).toBe(before);
  });
});

describe('bad files: error with file:line:column, file unchanged byte for byte, no commit', () => {
  sharedRemote();
  test.each([
    {
      name: 'malformed YAML',
      text: 'a: [1, 2\nb: 3\n',
      changes: 'b=4',
      error: /^values-production\.yaml:2:1: not valid YAML: /,
    },
    {
      name: 'missing path',
      text: VALUES,
      changes: 'imprun-server.image.digest=sha256:1',
      error:
        /^values-production\.yaml:4:5: 'imprun-server\.image\.digest': key 'digest' is missing under 'imprun-server\.image' \(set create-missing: true to add it\)/,
    },
    {
      name: 'path into a scalar',
      text: VALUES,
      changes: 'imprun-server.image.tag.major=1',
      error:
        /^values-production\.yaml:5:10: 'imprun-server\.image\.tag\.major': 'imprun-server\.image\.tag' is the string '1\.2\.2', a scalar/,
    },
    {
      name: 'non-scalar target',
      text: VALUES,
      changes: 'imprun-server.image=x',
      error:
        /^values-production\.yaml:4:5: 'imprun-server\.image' is a mapping, not a scalar value/,
    },
    {
      name: 'alias target',
      text: 'base: &tag 1.0.0\napp:\n  tag: *tag\n',
      changes: 'app.tag=1.1.0',
      error:
        /^values-production\.yaml:3:8: 'app\.tag' is the alias \*tag at line 3, column 8 \(anchor &tag at line 1, column 7\); refusing to flatten it/,
    },
    {
      name: 'anchor used elsewhere',
      text: 'base: &tag 1.0.0\napp:\n  tag: *tag\n',
      changes: 'base=1.1.0',
      error:
        /^values-production\.yaml:1:12: 'base' is inside anchor &tag at line 1, column 7, also used by \*tag at line 3, column 8; .*set allow-anchors: true to edit it in place/,
    },
  ])('$name', async ({ text, changes, error }) => {
    const before = box.pushFromElsewhere(FILE, () => text);
    const ws = box.clone();
    const r = await run(ws, { files: FILE, changes });
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(error);
    expect(r.errors[0]).toMatch(/no file was changed$/);
    expect(readFileSync(path.join(ws, FILE), 'utf8')).toBe(text);
    expect(git(ws, 'status', '--porcelain')).toBe('');
    expect(box.gitInvocations().filter((l) => /^(commit|push|add)/.test(l))).toEqual([]);
    expect(box.tip()).toBe(before);
  });

  test('a problem in one file leaves every file untouched', async () => {
    box.pushFromElsewhere(FILE, () => VALUES);
    const ws = box.clone();
    writeFileSync(path.join(ws, 'values-staging.yaml'), 'imprun-server:\n  image: {}\n');
    const r = await run(ws, {
      files: `${FILE}\nvalues-staging.yaml`,
      changes: 'imprun-server.image.tag=1.2.3',
    });
    expect(r.code).toBe(1);
    expect(r.errors[0]).toMatch(
      /^values-staging\.yaml:2:10: 'imprun-server\.image\.tag': key 'tag' is missing/,
    );
    expect(readFileSync(path.join(ws, FILE), 'utf8')).toBe(VALUES);
  });
});
