// Parsing of action inputs. Every input arrives as a string; every parser either returns a
// typed value or throws an InputError that names the input and what was expected.
import { InputError } from './errors';
import { workspacePath, type WorkspacePathOptions } from './paths';
import { preview } from './preview';

export { preview } from './preview';
import type { Runner } from './runner';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `5m`, `1h30m`, `250ms`, `1.5s`; a bare number is seconds. Returns milliseconds. */
export function parseDuration(text: string): number | undefined {
  const s = text.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(s)) return Math.round(Number(s) * 1000);
  if (!/^(\d+(\.\d+)?(ms|s|m|h|d))+$/.test(s)) return undefined;
  let total = 0;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) total += Number(m[1]) * UNIT_MS[m[2]];
  return Math.round(total);
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 59_950) return `${Number((ms / 1000).toFixed(1))}s`;
  // Round once, before splitting, so 239.6 s reads 4m and not 3m60s.
  const totalSeconds = Math.round(ms / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const sec = totalSeconds % 60;
  return [h ? `${h}h` : '', m ? `${m}m` : '', sec ? `${sec}s` : ''].join('') || '0s';
}

// The runner's booleans (core.getBooleanInput: YAML 1.2 core schema), so a value that works for
// one action works for every action: `yes`, `on` or `1` are errors, not true.
const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);

/** true/True/TRUE or false/False/FALSE; anything else is undefined. */
export function parseBoolean(text: string): boolean | undefined {
  const s = text.trim();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return undefined;
}

/** The longest delay Node's timers hold (2^31-1 ms, about 24.8 days); a longer one fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export function parseInteger(text: string): number | undefined {
  const s = text.trim();
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Items separated by newlines and/or commas, trimmed, empties dropped. */
export function parseList(text: string): string[] {
  return text
    .split(/[\r\n,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Items separated by newlines only (for values that may contain commas). */
export function parseLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('#'));
}

/**
 * Lines of `key<sep>value` (e.g. `Name: value` or `path=value`), split at the first separator.
 * Returns the pairs in order, or the 1-based number of the first malformed line.
 */
export function parsePairs(
  text: string,
  separator: string,
): { pairs: Array<[string, string]> } | { badLine: number } {
  const pairs: Array<[string, string]> = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const at = line.indexOf(separator);
    if (at <= 0) return { badLine: i + 1 };
    pairs.push([line.slice(0, at).trim(), line.slice(at + separator.length).trim()]);
  }
  return { pairs };
}

/** Typed access to a runner's inputs; every failure names the input. */
export class Inputs {
  constructor(private readonly runner: Runner) {}

  /** The trimmed string, or `fallback` when the input is empty. */
  string(name: string, fallback = ''): string {
    const v = this.runner.input(name);
    return v === '' ? fallback : v;
  }

  /** The string without trimming inner content (only for free text like bodies and messages). */
  raw(name: string): string {
    return this.runner.rawInput(name);
  }

  required(name: string): string {
    const v = this.runner.input(name);
    if (v === '') throw new InputError(name, 'is required and was empty');
    return v;
  }

  boolean(name: string, fallback: boolean): boolean {
    const v = this.runner.input(name);
    if (v === '') return fallback;
    const b = parseBoolean(v);
    if (b === undefined) {
      const hint = /^(yes|no|on|off|y|n|1|0|true|false)$/i.test(v)
        ? " (the runner's booleans: true, True, TRUE, false, False, FALSE)"
        : '';
      throw new InputError(name, `expected true or false, got ${preview(v)}${hint}`);
    }
    return b;
  }

  integer(name: string, fallback: number, bounds: { min?: number; max?: number } = {}): number {
    const v = this.runner.input(name);
    if (v === '') return fallback;
    const n = parseInteger(v);
    const { min, max } = bounds;
    const range =
      min !== undefined && max !== undefined
        ? ` from ${min} to ${max}`
        : min !== undefined
          ? ` >= ${min}`
          : max !== undefined
            ? ` <= ${max}`
            : '';
    if (n === undefined || (min !== undefined && n < min) || (max !== undefined && n > max)) {
      throw new InputError(name, `expected a whole number${range}, got ${preview(v)}`);
    }
    return n;
  }

  /** A duration in milliseconds. */
  duration(name: string, fallback: string, bounds: { min?: number; max?: number } = {}): number {
    const v = this.runner.input(name) || fallback;
    const ms = parseDuration(v);
    if (ms === undefined)
      throw new InputError(name, `expected a duration like 30s, 5m or 1h30m, got ${preview(v)}`);
    if (bounds.min !== undefined && ms < bounds.min)
      throw new InputError(
        name,
        `must be at least ${formatDuration(bounds.min)}, got ${preview(v)}`,
      );
    const max = Math.min(bounds.max ?? MAX_TIMER_MS, MAX_TIMER_MS);
    if (ms > max)
      throw new InputError(name, `must be at most ${formatDuration(max)}, got ${preview(v)}`);
    return ms;
  }

  list(name: string): string[] {
    return parseList(this.runner.input(name));
  }

  lines(name: string): string[] {
    return parseLines(this.runner.input(name));
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const v = this.runner.input(name).toLowerCase();
    if (v === '') return fallback;
    if (!(allowed as readonly string[]).includes(v))
      throw new InputError(name, `expected one of ${allowed.join(', ')}, got ${preview(v)}`);
    return v as T;
  }

  /** A path inside the workspace (symlinks followed); see workspacePath. '' when empty and no fallback. */
  path(
    name: string,
    options: Omit<WorkspacePathOptions, 'env'> & { fallback?: string } = {},
  ): string {
    const v = this.runner.input(name) || options.fallback || '';
    if (v === '') return '';
    return workspacePath(name, v, { ...options, env: this.runner.env });
  }

  /** Multiline `key<sep>value` pairs. */
  pairs(name: string, separator: string, shape: string): Array<[string, string]> {
    const result = parsePairs(this.runner.input(name), separator);
    if ('badLine' in result) throw new InputError(name, `line ${result.badLine} is not ${shape}`);
    return result.pairs;
  }
}
