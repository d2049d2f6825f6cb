import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  chmodSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveFiles, writeAtomically } from '../src/files';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bhv-files-'));
  for (const f of [
    'values.yaml',
    'envs/prod/values.yaml',
    'envs/dev/values.yaml',
    'envs/dev/other.yaml',
  ]) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), 'a: 1\n');
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('resolveFiles', () => {
  test('literal paths and globs, in pattern order, globs sorted, duplicates dropped', async () => {
    expect(
      await resolveFiles(
        ['values.yaml', 'envs/*/values.yaml', './values.yaml', 'envs/prod/values.yaml'],
        dir,
      ),
    ).toEqual(['values.yaml', 'envs/dev/values.yaml', 'envs/prod/values.yaml']);
  });

  test('** matches files at any depth, never directories', async () => {
    expect(await resolveFiles(['envs/**'], dir)).toEqual([
      'envs/dev/other.yaml',
      'envs/dev/values.yaml',
      'envs/prod/values.yaml',
    ]);
  });

  test.each([
    {
      name: 'a glob matching nothing',
      patterns: ['envs/*/missing.yaml'],
      error: "Input 'files': the pattern 'envs/*/missing.yaml' matched no file",
    },
    {
      name: 'a missing file',
      patterns: ['nope.yaml'],
      error: "Input 'files': 'nope.yaml' does not exist",
    },
    { name: 'a directory', patterns: ['envs'], error: "Input 'files': 'envs' is not a file" },
  ])('rejects $name', async ({ patterns, error }) => {
    await expect(resolveFiles(patterns, dir)).rejects.toThrow(error);
  });
});

describe('writeAtomically', () => {
  test('replaces the content, keeps the mode, leaves no temp file', async () => {
    const file = path.join(dir, 'values.yaml');
    chmodSync(file, 0o640);
    await writeAtomically(file, 'a: 2\n');
    expect(readFileSync(file, 'utf8')).toBe('a: 2\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(['envs', 'values.yaml']);
  });

  test('a byte-order mark written as text is kept as EF BB BF', async () => {
    const file = path.join(dir, 'values.yaml');
    await writeAtomically(file, '\ufeffa: 1\r\n');
    expect([...readFileSync(file).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
