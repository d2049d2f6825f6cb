// Files an action reads or writes stay inside the job's workspace (or the runner's temp dir):
// a path input is resolved against GITHUB_WORKSPACE, symlinks followed, and refused with a
// one-line InputError when it points anywhere else (`files: /proc/self/environ`, `../../etc`,
// a link in the repository that leads out of it).
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { InputError } from './errors';
import { preview } from './preview';
import type { Env } from './runner';

export interface WorkspacePathOptions {
  env: Env;
  /** What a relative value is relative to; default GITHUB_WORKSPACE (else the process's cwd). */
  base?: string;
  /** RUNNER_TEMP is allowed too (for files the workflow wrote there). */
  allowTemp?: boolean;
  /** The path must exist. */
  mustExist?: boolean;
}

/** The workspace root: GITHUB_WORKSPACE, or the current directory outside the runner. */
export function workspaceRoot(env: Env): string {
  return path.resolve(env.GITHUB_WORKSPACE || process.cwd());
}

/** The real path of `p`, or of its deepest existing ancestor joined with the rest (for new files). */
function realish(p: string): string {
  let existing = p;
  const rest: string[] = [];
  while (!existsSync(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) break;
    rest.unshift(path.basename(existing));
    existing = parent;
  }
  let real: string;
  try {
    real = realpathSync(existing);
  } catch {
    real = existing;
  }
  return path.join(real, ...rest);
}

function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The allowed roots, each as a real path. */
export function allowedRoots(env: Env, allowTemp = false): string[] {
  const roots = [realish(workspaceRoot(env))];
  if (allowTemp && env.RUNNER_TEMP) roots.push(realish(path.resolve(env.RUNNER_TEMP)));
  return roots;
}

/**
 * Resolves a path input (symlinks followed) and returns the absolute path as given (not the real
 * path, so messages show what the user wrote), or throws InputError naming the input.
 */
export function workspacePath(input: string, value: string, options: WorkspacePathOptions): string {
  if (value.includes('\0'))
    throw new InputError(input, `${preview(value)} contains a NUL character`);
  const base = path.resolve(options.base ?? workspaceRoot(options.env));
  const resolved = path.resolve(base, value);
  const roots = allowedRoots(options.env, options.allowTemp);
  const real = realish(resolved);
  if (!roots.some((root) => inside(real, root))) {
    const where = options.allowTemp
      ? 'the workspace (GITHUB_WORKSPACE) or RUNNER_TEMP'
      : 'the workspace (GITHUB_WORKSPACE)';
    const via =
      real !== resolved && roots.some((root) => inside(resolved, root))
        ? ' through a symbolic link'
        : '';
    throw new InputError(
      input,
      `${preview(value)} points outside ${where}${via}; only files inside it can be used`,
    );
  }
  if (options.mustExist && !existsSync(resolved))
    throw new InputError(input, `${preview(value)} does not exist`);
  return resolved;
}
