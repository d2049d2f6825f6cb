import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createGit, GitError, gitErrorLine, withoutUrlCredentials } from '../src/git';

describe('gitErrorLine', () => {
  test.each([
    {
      name: 'fatal line wins over hints',
      input: 'hint: try this\nfatal: not a git repository\n',
      expected: 'fatal: not a git repository',
    },
    {
      name: 'error line',
      input:
        'To ../remote\n ! [rejected] main -> main (fetch first)\nerror: failed to push some refs\n',
      expected: 'error: failed to push some refs',
    },
    { name: 'first line otherwise', input: '\n  something odd\nmore\n', expected: 'something odd' },
    { name: 'empty', input: '', expected: '' },
  ])('$name', ({ input, expected }) => expect(gitErrorLine(input)).toBe(expected));
});

describe('withoutUrlCredentials', () => {
  test.each([
    {
      name: 'token in an https remote',
      input: "fatal: unable to access 'https://x-access-token:ghs_abc@github.com/o/r/': 403",
      expected: "fatal: unable to access 'https://***@github.com/o/r/': 403",
    },
    {
      name: 'user only',
      input: 'https://bot@github.com/o/r.git',
      expected: 'https://***@github.com/o/r.git',
    },
    {
      name: 'scp-style ssh is left alone',
      input: 'git@github.com:o/r.git',
      expected: 'git@github.com:o/r.git',
    },
    {
      name: 'no URL',
      input: 'error: failed to push some refs',
      expected: 'error: failed to push some refs',
    },
  ])('$name', ({ input, expected }) => expect(withoutUrlCredentials(input)).toBe(expected));
});

describe('createGit', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'core-git-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('runs git in the directory and returns its output', async () => {
    const git = createGit(dir);
    await git(['init', '-q', '-b', 'main']);
    const r = await git(['rev-parse', '--show-toplevel']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(dir);
  });

  test('arguments are passed literally, never through a shell', async () => {
    const git = createGit(dir);
    await git(['init', '-q', '-b', 'main']);
    const marker = path.join(dir, 'pwned');
    const message = `$(touch ${marker}); \`touch ${marker}\``;
    await git(['commit', '-q', '--allow-empty', '-m', message], {
      env: {
        GIT_AUTHOR_NAME: 'a',
        GIT_AUTHOR_EMAIL: 'a@b',
        GIT_COMMITTER_NAME: 'a',
        GIT_COMMITTER_EMAIL: 'a@b',
      },
    });
    expect((await git(['log', '-1', '--format=%s'])).stdout.trim()).toBe(message);
    expect(existsSync(marker)).toBe(false);
  });

  test('a failing command throws GitError with the exit code and the fatal line', async () => {
    const git = createGit(dir);
    const err = await git(['rev-parse', 'HEAD']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitError);
    expect((err as GitError).result.code).toBe(128);
    expect((err as GitError).message).toMatch(
      /^git rev-parse failed \(exit 128\): fatal: not a git repository/,
    );
  });

  test('a GitError never shows credentials from a remote URL', async () => {
    const git = createGit(dir);
    await git(['init', '-q', '-b', 'main']);
    const err = (await git(['fetch', 'http://bot:s3cr3t-token@127.0.0.1:1/o/r.git']).catch(
      (e: unknown) => e,
    )) as GitError;
    expect(err).toBeInstanceOf(GitError);
    expect(err.message).not.toContain('s3cr3t-token');
  });

  test('allowFailure returns the failure instead of throwing', async () => {
    const r = await createGit(dir)(['rev-parse', 'HEAD'], { allowFailure: true });
    expect(r.code).toBe(128);
    expect(r.stderr).toMatch(/not a git repository/);
  });

  test('a missing binary is reported by name', async () => {
    await expect(createGit(dir, process.env, 'no-such-git-binary')(['status'])).rejects.toThrow(
      /cannot run no-such-git-binary/,
    );
  });
});
