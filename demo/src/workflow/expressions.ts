// Evaluates workflow expressions the way the runner does, with GitHub's own expression engine
// (@actions/expressions: lexer, parser, evaluator, format/fromJSON/contains/…). The runner adds
// the status functions and hashFiles; they are defined here over the job's state.
import { createHash } from 'node:crypto';
import { globSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import type { ExpressionData } from '@actions/expressions/data/expressiondata';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';

export type JobStatus = 'success' | 'failure' | 'cancelled';

export interface ExpressionScope {
  /** Named contexts (github, env, steps, needs, job, secrets, vars, runner, inputs, matrix, strategy). */
  contexts: Record<string, unknown>;
  /** The job's status as the status functions see it at this point. */
  status: JobStatus;
  /** For hashFiles(): the workspace the patterns are relative to. */
  workspace: string;
}

/** A plain JS value as expression data (objects and arrays deeply). */
export function toData(value: unknown): ExpressionData {
  if (value === null || value === undefined) return new data.Null();
  if (typeof value === 'string') return new data.StringData(value);
  if (typeof value === 'number') return new data.NumberData(value);
  if (typeof value === 'boolean') return new data.BooleanData(value);
  if (Array.isArray(value)) return new data.Array(...value.map(toData));
  const dict = new data.Dictionary();
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) dict.add(k, toData(v));
  return dict;
}

/** The runner's string conversion of a result: null → '', true → 'true', objects → JSON. */
export function toText(value: ExpressionData): string {
  switch (value.kind) {
    case data.Kind.Null:
      return '';
    case data.Kind.Array:
    case data.Kind.Dictionary:
      return JSON.stringify(toPlain(value), null, 2);
    default:
      return value.coerceString();
  }
}

function toPlain(value: ExpressionData): unknown {
  if (value instanceof data.Array) return value.values().map(toPlain);
  if (value instanceof data.Dictionary)
    return Object.fromEntries(value.pairs().map((p) => [p.key, toPlain(p.value)]));
  if (value.kind === data.Kind.Null) return null;
  if (value.kind === data.Kind.Number) return value.number();
  if (value.kind === data.Kind.Boolean) return (value as data.BooleanData).value;
  return value.coerceString();
}

function truthy(value: ExpressionData): boolean {
  switch (value.kind) {
    case data.Kind.Null:
      return false;
    case data.Kind.Boolean:
      return (value as data.BooleanData).value;
    case data.Kind.Number: {
      const n = value.number();
      return n !== 0 && !Number.isNaN(n);
    }
    case data.Kind.String:
      return value.coerceString().length > 0;
    default:
      return true;
  }
}

const fn = (name: string, min: number, max: number, call: FunctionDefinition['call']) =>
  [name.toLowerCase(), { name, minArgs: min, maxArgs: max, call }] as const;

/** hashFiles(patterns…): SHA-256 over each matching file's SHA-256, in path order, '' for none. */
function hashFiles(workspace: string, patterns: string[]): string {
  const files = new Set<string>();
  for (const pattern of patterns)
    for (const match of globSync(pattern, { cwd: workspace }))
      if (statSync(path.join(workspace, match)).isFile()) files.add(match);
  if (!files.size) return '';
  const outer = createHash('sha256');
  for (const file of [...files].sort())
    outer.update(
      createHash('sha256')
        .update(readFileSync(path.join(workspace, file)))
        .digest(),
    );
  return outer.digest('hex');
}

function functions(scope: ExpressionScope): Map<string, FunctionDefinition> {
  return new Map([
    fn('success', 0, 0, () => new data.BooleanData(scope.status === 'success')),
    fn('failure', 0, 0, () => new data.BooleanData(scope.status === 'failure')),
    fn('cancelled', 0, 0, () => new data.BooleanData(scope.status === 'cancelled')),
    fn('always', 0, 0, () => new data.BooleanData(true)),
    fn(
      'hashFiles',
      1,
      255,
      (...args) =>
        new data.StringData(
          hashFiles(
            scope.workspace,
            args.map((a) => a.coerceString()),
          ),
        ),
    ),
  ]);
}

const STATUS_FUNCTIONS = ['success', 'failure', 'cancelled', 'always', 'hashFiles'].map((name) => ({
  name,
  minArgs: 0,
  maxArgs: 255,
}));

/** Evaluates one expression (the text between `${{` and `}}`). */
export function evaluate(expression: string, scope: ExpressionScope): ExpressionData {
  const lexed = new Lexer(expression).lex();
  const parsed = new Parser(lexed.tokens, Object.keys(scope.contexts), STATUS_FUNCTIONS).parse();
  const context = new data.Dictionary();
  for (const [name, value] of Object.entries(scope.contexts)) context.add(name, toData(value));
  return new Evaluator(parsed, context, functions(scope)).evaluate();
}

/** An `if:` condition: already an expression (the parser adds success() when none is called). */
export function evaluateCondition(expression: string, scope: ExpressionScope): boolean {
  return truthy(evaluate(expression, scope));
}

export interface Segment {
  literal?: string;
  expression?: string;
}

/**
 * Splits a YAML string value into literal text and `${{ … }}` expressions, as the runner does:
 * the closing `}}` is the first one outside a single-quoted string literal.
 */
export function splitTemplate(value: string): Segment[] {
  const segments: Segment[] = [];
  let i = 0;
  while (i < value.length) {
    const open = value.indexOf('${{', i);
    if (open < 0) {
      segments.push({ literal: value.slice(i) });
      break;
    }
    if (open > i) segments.push({ literal: value.slice(i, open) });
    let inString = false;
    let close = -1;
    for (let j = open + 3; j < value.length; j++) {
      if (value[j] === "'") inString = !inString;
      else if (!inString && value[j] === '}' && value[j + 1] === '}') {
        close = j;
        break;
      }
    }
    if (close < 0) throw new Error(`an expression is not closed: ${value.slice(open, open + 40)}`);
    segments.push({ expression: value.slice(open + 3, close).trim() });
    i = close + 2;
  }
  return segments;
}

/** A `with:`/`env:`/`run:` value with its expressions replaced by their results. */
export function evaluateTemplate(value: string, scope: ExpressionScope): string {
  return splitTemplate(value)
    .map((s) => (s.literal !== undefined ? s.literal : toText(evaluate(s.expression!, scope))))
    .join('');
}
