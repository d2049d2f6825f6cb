// A loopback stand-in for the parts of GitHub's API that bump-helm-values uses: GraphQL (read a
// branch head with files at it, createCommitOnBranch enforcing expectedHeadOid exactly as GitHub
// does, enablePullRequestAutoMerge) and REST (pulls, labels, reviewers, refs). Commits are kept
// as full file maps, so tests can read any commit and the branch history.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCommit {
  oid: string;
  parent?: string;
  message: string;
  files: Map<string, string>;
}

export interface FakeRequest {
  method: string;
  path: string;
  auth?: string;
  body?: Record<string, unknown>;
}

export class FakeGitHub {
  readonly branches = new Map<string, string>();
  readonly commits = new Map<string, FakeCommit>();
  readonly requests: FakeRequest[] = [];
  readonly pulls: Array<{
    number: number;
    head: string;
    base: string;
    title: string;
    node_id: string;
  }> = [];
  readonly labels = new Map<number, string[]>();
  readonly reviewers = new Map<number, { users: string[]; teams: string[] }>();
  readonly autoMerge = new Map<string, string>();
  /** Runs once, just before the next createCommitOnBranch is judged (e.g. someone else commits first). */
  beforeNextCommit?: () => void;
  private server?: http.Server;
  private counter = 0;

  constructor(
    readonly owner: string,
    readonly repo: string,
    files: Record<string, string>,
    readonly token: string,
  ) {
    const c = this.addCommit(undefined, 'initial', new Map(Object.entries(files)));
    this.branches.set('main', c.oid);
  }

  addCommit(parent: string | undefined, message: string, files: Map<string, string>): FakeCommit {
    const oid = createHash('sha1')
      .update(`${parent ?? ''}\0${message}\0${++this.counter}\0${JSON.stringify([...files])}`)
      .digest('hex');
    const c = { oid, parent, message, files };
    this.commits.set(oid, c);
    return c;
  }

  /** Someone else commits to a branch (a concurrent pipeline), changing one file. */
  pushElsewhere(branch: string, file: string, edit: (text: string) => string): string {
    const head = this.commits.get(this.branches.get(branch)!)!;
    const files = new Map(head.files);
    files.set(file, edit(files.get(file)!));
    const c = this.addCommit(head.oid, 'elsewhere', files);
    this.branches.set(branch, c.oid);
    return c.oid;
  }

  file(branch: string, file: string): string | undefined {
    return this.commits.get(this.branches.get(branch)!)?.files.get(file);
  }

  /** Commits from the branch head back to the first, newest first. */
  history(branch: string): FakeCommit[] {
    const out: FakeCommit[] = [];
    for (let oid = this.branches.get(branch); oid; oid = this.commits.get(oid)!.parent)
      out.push(this.commits.get(oid)!);
    return out;
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let data = '';
      req.on('data', (d) => (data += d));
      req.on('end', () => this.handle(req, res, data));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, data: string): void {
    const body = data ? (JSON.parse(data) as Record<string, unknown>) : undefined;
    const url = new URL(req.url!, 'http://x');
    this.requests.push({
      method: req.method!,
      path: url.pathname,
      auth: req.headers.authorization,
      body,
    });
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    if (req.headers.authorization !== `token ${this.token}`)
      return reply(401, { message: 'Bad credentials' });
    const repoPath = `/repos/${this.owner}/${this.repo}`;
    if (req.method === 'POST' && url.pathname === '/graphql')
      return reply(200, this.graphql(body!));
    if (req.method === 'GET' && url.pathname === `${repoPath}/pulls`) {
      const head = url.searchParams.get('head');
      return reply(
        200,
        this.pulls.filter((p) => `${this.owner}:${p.head}` === head).map((p) => this.pullJson(p)),
      );
    }
    if (req.method === 'POST' && url.pathname === `${repoPath}/pulls`) {
      const b = body as { head: string; base: string; title: string };
      if (!this.branches.has(b.head))
        return reply(422, { message: `No commits between ${b.base} and ${b.head}` });
      const pr = {
        number: 7 + this.pulls.length,
        head: b.head,
        base: b.base,
        title: b.title,
        node_id: `PR_${7 + this.pulls.length}`,
      };
      this.pulls.push(pr);
      return reply(201, this.pullJson(pr));
    }
    let m = new RegExp(`^${repoPath}/issues/(\\d+)/labels$`).exec(url.pathname);
    if (req.method === 'POST' && m) {
      this.labels.set(Number(m[1]), (body as { labels: string[] }).labels);
      return reply(200, []);
    }
    m = new RegExp(`^${repoPath}/pulls/(\\d+)/requested_reviewers$`).exec(url.pathname);
    if (req.method === 'POST' && m) {
      const b = body as { reviewers: string[]; team_reviewers: string[] };
      this.reviewers.set(Number(m[1]), { users: b.reviewers, teams: b.team_reviewers });
      return reply(201, {});
    }
    if (req.method === 'POST' && url.pathname === `${repoPath}/git/refs`) {
      const b = body as { ref: string; sha: string };
      const name = b.ref.replace(/^refs\/heads\//, '');
      if (this.branches.has(name)) return reply(422, { message: 'Reference already exists' });
      if (!this.commits.has(b.sha)) return reply(422, { message: 'Object does not exist' });
      this.branches.set(name, b.sha);
      return reply(201, { ref: b.ref, object: { sha: b.sha } });
    }
    reply(404, { message: 'Not Found' });
  }

  private pullJson(p: FakeGitHub['pulls'][number]) {
    return {
      number: p.number,
      node_id: p.node_id,
      html_url: `https://github.test/${this.owner}/${this.repo}/pull/${p.number}`,
      head: { ref: p.head },
      base: { ref: p.base },
    };
  }

  private graphql(body: Record<string, unknown>): unknown {
    const query = String(body.query);
    const vars = (body.variables ?? {}) as Record<string, unknown>;
    if (query.includes('createCommitOnBranch')) {
      this.beforeNextCommit?.();
      this.beforeNextCommit = undefined;
      const input = vars.input as {
        branch: { repositoryNameWithOwner: string; branchName: string };
        expectedHeadOid: string;
        message: { headline: string; body?: string };
        fileChanges: { additions?: Array<{ path: string; contents: string }> };
      };
      if (input.branch.repositoryNameWithOwner !== `${this.owner}/${this.repo}`)
        return {
          data: null,
          errors: [{ type: 'NOT_FOUND', message: 'Could not resolve to a Repository' }],
        };
      const head = this.branches.get(input.branch.branchName);
      if (!head)
        return {
          data: null,
          errors: [
            {
              type: 'NOT_FOUND',
              message: `A ref named "${input.branch.branchName}" does not exist`,
            },
          ],
        };
      if (head !== input.expectedHeadOid)
        return {
          data: { createCommitOnBranch: null },
          errors: [
            {
              type: 'STALE_DATA',
              path: ['createCommitOnBranch'],
              message: `Expected branch to point to "${input.expectedHeadOid}" but it did not. Pull and try again.`,
            },
          ],
        };
      const files = new Map(this.commits.get(head)!.files);
      for (const a of input.fileChanges.additions ?? [])
        files.set(a.path, Buffer.from(a.contents, 'base64').toString('utf8'));
      const message = input.message.body
        ? `${input.message.headline}\n\n${input.message.body}`
        : input.message.headline;
      const c = this.addCommit(head, message, files);
      this.branches.set(input.branch.branchName, c.oid);
      return {
        data: {
          createCommitOnBranch: {
            commit: {
              oid: c.oid,
              url: `https://github.test/${this.owner}/${this.repo}/commit/${c.oid}`,
            },
          },
        },
      };
    }
    if (query.includes('enablePullRequestAutoMerge')) {
      this.autoMerge.set(String(vars.id), String(vars.mergeMethod));
      return { data: { enablePullRequestAutoMerge: { clientMutationId: null } } };
    }
    if (query.includes('ref(qualifiedName')) {
      const name = String(vars.ref).replace(/^refs\/heads\//, '');
      const oid = this.branches.get(name);
      if (!oid) return { data: { repository: { ref: null } } };
      const files = this.commits.get(oid)!.files;
      const target: Record<string, unknown> = { oid };
      for (const [k, v] of Object.entries(vars)) {
        const fm = /^p(\d+)$/.exec(k);
        if (!fm) continue;
        const text = files.get(String(v));
        target[`f${fm[1]}`] = text === undefined ? null : { object: { text, isBinary: false } };
      }
      return { data: { repository: { ref: { target } } } };
    }
    return {
      data: null,
      errors: [{ type: 'UNKNOWN', message: `the fake does not know: ${query.slice(0, 60)}` }],
    };
  }
}
