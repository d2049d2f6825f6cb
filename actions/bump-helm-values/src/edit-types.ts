// The YAML editor's shared vocabulary: a change and the edit it made, the options, problems
// (YamlEditError), a parsed file with its line positions, and text replacements applied together.
import { Document, LineCounter, parseAllDocuments } from 'yaml';
import { type Segment } from './path';
import { type HelmValue } from './helm-read';
import { type JsonScalar, type ValueType, type WantedValue } from './scalar';

export interface ChangeSpec {
  path: Segment[];
  /** Canonical spelling of the path, as shown in logs and previous-values. */
  pathText: string;
  wanted: WantedValue;
}

export interface AppliedEdit {
  pathText: string;
  /** The path with list indices resolved (negative ones counted from the end). */
  path: Segment[];
  /** 0-based document index in a multi-document file. */
  document: number;
  oldValue: JsonScalar;
  newValue: JsonScalar;
  oldText: string;
  newText: string;
  /** 1-based position of the value in the original text. */
  line: number;
  col: number;
  created: boolean;
  /** The key was removed (a revert of a key an earlier run created). */
  removed?: boolean;
  /** Aliases of the edited anchor, which now read the new value too (allow-anchors). */
  aliases?: string[];
}

export interface EditOptions {
  valueType: ValueType;
  createMissing: boolean;
  /** Edit an anchored value in place, changing every alias of it (each one is listed). */
  allowAnchors?: boolean;
  /** Parse the whole file even when it splits into independent sections (tests compare both). */
  wholeFile?: boolean;
}

export interface EditResult {
  text: string;
  /** Every change with its old value, including those already set (old equals new). */
  edits: AppliedEdit[];
  changed: boolean;
  warnings: string[];
  /** Type changes and the aliases an anchored edit changed with it. */
  notices: string[];
}

export interface EditProblem {
  message: string;
  line?: number;
  col?: number;
}

/** One or more reasons why a file cannot be edited; the file must be left as it is. */
export class YamlEditError extends Error {
  constructor(readonly problems: EditProblem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'YamlEditError';
  }
}

export interface Parsed {
  text: string;
  docs: Document[];
  lines: LineCounter;
}

export function parseText(text: string): Parsed {
  const lines = new LineCounter();
  const docs = [
    ...parseAllDocuments(text, { lineCounter: lines, prettyErrors: false }),
  ] as Document[];
  return { text, docs, lines };
}

export function position(p: Parsed, offset: number): { line: number; col: number } {
  const { line, col } = p.lines.linePos(offset);
  // The column of a character on the first line must not count a byte-order mark.
  return { line, col: line === 1 && p.text.charCodeAt(0) === 0xfeff && col > 1 ? col - 1 : col };
}

export function where(p: Parsed, offset: number): string {
  const { line, col } = position(p, offset);
  return `line ${line}, column ${col}`;
}

export interface Replacement {
  start: number;
  end: number;
  text: string;
  pathText: string;
  /** A rendered scalar (not a revert's own bytes): what it must read as, and where it sits. */
  scalar?: { value: HelmValue; inFlow: boolean; mergeSafe: boolean };
}

export function applyReplacements(text: string, reps: Replacement[]): string {
  let out = text;
  for (const r of [...reps].sort((a, b) => b.start - a.start))
    out = out.slice(0, r.start) + r.text + out.slice(r.end);
  return out;
}
