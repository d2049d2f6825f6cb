// Real git repositories for the end-to-end tests: a bare repository as the remote and clones of
// it as workspaces, all under one temp directory. Nothing reaches the network.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The identity of the tests' own commits ("someone else"), given through the environment only. */
const OTHER = {
  GIT_AUTHOR_NAME: 'Other Pipeline',
  GIT_AUTHOR_EMAIL: 'other@example.com',
  GIT_COMMITTER_NAME: 'Other Pipeline',
  GIT_COMMITTER_EMAIL: 'other@example.com',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...OTHER, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export class GitSandbox {
  readonly root = mkdtempSync(path.join(tmpdir(), 'bump-helm-values-git-'));
  readonly remote = path.join(this.root, 'remote.git');
  /** A `git` wrapper that logs every invocation, to prove that bad inputs run no git command. */
  readonly binDir = path.join(this.root, 'bin');
  readonly gitLog = path.join(this.root, 'git-invocations.log');
  private clones = 0;

  constructor(files: Record<string, string>) {
    git(this.root, 'init', '--quiet', '--bare', '--initial-branch=main', this.remote);
    const seed = this.clone();
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(seed, name)), { recursive: true });
      writeFileSync(path.join(seed, name), text);
    }
    git(seed, 'add', '--all');
    git(seed, 'commit', '--quiet', '-m', 'seed values');
    git(seed, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');
    mkdirSync(this.binDir);
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(
      path.join(this.binDir, 'git'),
      `#!/bin/sh\necho "$*" >> '${this.gitLog}'\nexec '${realGit}' "$@"\n`,
    );
    chmodSync(path.join(this.binDir, 'git'), 0o755);
  }

  clone(): string {
    const dir = path.join(this.root, `clone-${++this.clones}`);
    git(this.root, 'clone', '--quiet', this.remote, dir);
    return dir;
  }

  /** "Someone else" edits a file by text in a fresh clone and pushes to main. */
  pushFromElsewhere(
    file: string,
    edit: (text: string) => string,
    message = 'someone else',
  ): string {
    const dir = this.clone();
    const full = path.join(dir, file);
    writeFileSync(full, edit(readFileSync(full, 'utf8')));
    git(dir, 'commit', '--quiet', '--all', '--allow-empty', '-m', message);
    git(dir, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');
    return git(dir, 'rev-parse', 'HEAD').trim();
  }

  /** A server-side hook in the bare remote (a shell script, as git runs hooks). */
  hook(name: 'pre-receive', script: string): void {
    const file = path.join(this.remote, 'hooks', name);
    writeFileSync(file, `#!/bin/sh\n${script}\n`);
    chmodSync(file, 0o755);
  }

  remoteFile(file: string, ref = 'main'): string {
    return git(this.remote, 'show', `${ref}:${file}`);
  }

  tip(ref = 'main'): string {
    return git(this.remote, 'rev-parse', ref).trim();
  }

  /** Environment for the action: PATH with the logging git wrapper first, no global git config. */
  env(): Record<string, string> {
    return {
      PATH: `${this.binDir}:${process.env.PATH}`,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
    };
  }

  forgetInvocations(): void {
    rmSync(this.gitLog, { force: true });
  }

  gitInvocations(): string[] {
    try {
      return readFileSync(this.gitLog, 'utf8').split('\n').filter(Boolean);
    } catch {
      return [];
    }
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
