// Finding the values files (globs through Node's own fs.promises.glob) and replacing them
// atomically: a temp file in the same directory, then rename, so a reader never sees half a file.
import { glob, readFile, rename, stat, unlink, writeFile, chmod } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { InputError } from '@cicd-actions/core';

const GLOB_CHARS = /[*?[\]{}]/;

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** The files the patterns name, relative to `cwd` (posix separators), in pattern order, no duplicates. */
export async function resolveFiles(patterns: string[], cwd: string): Promise<string[]> {
  const found: string[] = [];
  const seen = new Set<string>();
  const add = (rel: string) => {
    const key = toPosix(path.normalize(rel));
    if (!seen.has(key)) {
      seen.add(key);
      found.push(key);
    }
  };
  for (const pattern of patterns) {
    if (!GLOB_CHARS.test(pattern)) {
      const st = await stat(path.resolve(cwd, pattern)).catch(() => undefined);
      if (!st) throw new InputError('files', `'${pattern}' does not exist (in ${cwd})`);
      if (!st.isFile()) throw new InputError('files', `'${pattern}' is not a file`);
      add(pattern);
      continue;
    }
    const matches: string[] = [];
    for await (const m of glob(pattern, { cwd })) {
      const st = await stat(path.resolve(cwd, m)).catch(() => undefined);
      if (st?.isFile()) matches.push(m);
    }
    if (matches.length === 0)
      throw new InputError('files', `the pattern '${pattern}' matched no file (in ${cwd})`);
    for (const m of matches.sort()) add(m);
  }
  return found;
}

export async function readText(file: string): Promise<string> {
  return readFile(file, 'utf8');
}

/** Replaces a file's content atomically, keeping its permission bits. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  const st = await stat(file).catch(() => undefined);
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
    if (st) await chmod(temp, st.mode & 0o7777);
    await rename(temp, file);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}
