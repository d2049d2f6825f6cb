// Byte-exact edits of a YAML file: the yaml package finds each target scalar and its source
// range; only that range of the original text is replaced, so comments, blank lines, quoting,
// anchors, flow maps, block scalars, CRLF, a BOM and a missing final newline all survive.
// The result is parsed again and must read, the way Helm reads values (YAML 1.1 scalars, `<<`
// merges, aliases), as the original with exactly the asked values changed.
import { type ChangeSpec, type AppliedEdit, type EditOptions, type EditResult } from './edit-types';
import { editWhole } from './edit-whole';
export { YamlEditError } from './edit-types';
export type { AppliedEdit, ChangeSpec, EditOptions, EditProblem, EditResult } from './edit-types';

/**
 * Applies the changes (each to every document that has its path). Value changes are planned
 * against one parse and applied together; key creations and removals follow, one parse each.
 * Throws YamlEditError listing every problem; the caller then leaves the file alone.
 */
export function editYaml(source: string, changes: ChangeSpec[], opts: EditOptions): EditResult {
  return (
    (opts.wholeFile ? undefined : bySections(source, changes, opts)) ??
    editWhole(source, changes, opts)
  );
}

const SECTION_MIN_CHARS = 20_000;
// Anything that can tie one top-level section to another (anchors, aliases, merges), or make
// column-0 lines mean something else (directives, document markers, tags).
const CROSS_SECTION = /(^|[\s[{,])[&*!]|<<|^%|^---|^\.\.\./m;
const TOP_KEY = /^([A-Za-z0-9_][A-Za-z0-9_./-]*)[ \t]*:(?=[ \t\r\n]|$)/;

/**
 * A large values file is mostly a root mapping of independent top-level sections (one per
 * service or component); parsing only the sections a change reaches is the same edit at a
 * fraction of the cost (50 changes in a 5,000-line file). Used only when nothing can tie the
 * sections together and every change is a value replacement; otherwise, and on any problem,
 * the whole file is edited (and its messages are the ones reported).
 */
function bySections(
  source: string,
  changes: ChangeSpec[],
  opts: EditOptions,
): EditResult | undefined {
  if (source.length < SECTION_MIN_CHARS || CROSS_SECTION.test(source)) return undefined;
  if (changes.some((c) => c.wanted.kind === 'absent' || typeof c.path[0] !== 'string'))
    return undefined;
  const sections: Array<{ key: string; start: number; end: number; line: number }> = [];
  let line = 1;
  for (let at = 0; at < source.length; line++) {
    const nl = source.indexOf('\n', at);
    const next = nl < 0 ? source.length : nl + 1;
    const first = source[at] === '\ufeff' ? source[at + 1] : source[at];
    if (first !== undefined && !/[ \t#\r\n]/.test(first)) {
      const m = TOP_KEY.exec(source.slice(at, next).replace(/^\ufeff/, ''));
      if (!m) return undefined;
      if (sections.length) sections[sections.length - 1].end = at;
      sections.push({
        key: m[1],
        start: sections.length ? at : 0,
        end: source.length,
        line: sections.length ? line : 1,
      });
    }
    at = next;
  }
  const byKey = new Map(sections.map((s) => [s.key, s]));
  if (byKey.size !== sections.length) return undefined;
  const groups = new Map<(typeof sections)[number], ChangeSpec[]>();
  for (const c of changes) {
    const section = byKey.get(c.path[0] as string);
    if (!section) return undefined;
    groups.set(section, [...(groups.get(section) ?? []), c]);
  }
  const order = new Map(changes.map((c, i) => [c.pathText, i]));
  const results: Array<{ section: (typeof sections)[number]; r: EditResult }> = [];
  for (const [section, list] of groups) {
    let r: EditResult;
    try {
      const text = source.slice(section.start, section.end);
      r = bySubsections(text, list, opts) ?? editWhole(text, list, opts);
    } catch {
      return undefined;
    }
    if (r.edits.some((e) => e.created || e.removed)) return undefined;
    results.push({ section, r });
  }
  let text = '';
  let at = 0;
  const edits: AppliedEdit[] = [];
  const out = { warnings: [] as string[], notices: [] as string[] };
  for (const { section, r } of [...results].sort((a, b) => a.section.start - b.section.start)) {
    text += source.slice(at, section.start) + r.text;
    at = section.end;
    edits.push(...r.edits.map((e) => ({ ...e, line: e.line + section.line - 1 })));
    out.warnings.push(...r.warnings);
    out.notices.push(...r.notices);
  }
  text += source.slice(at);
  edits.sort((a, b) => order.get(a.pathText)! - order.get(b.pathText)! || a.document - b.document);
  return { text, edits, changed: text !== source, ...out };
}

/**
 * Within one top-level section (`key:` and a block mapping under it whose own keys are plain and
 * unique), only the second-level blocks the changes reach are parsed: the section's key line with
 * that block is the same YAML as the section for them. Undefined when the section is not so.
 */
function bySubsections(
  text: string,
  list: ChangeSpec[],
  opts: EditOptions,
): EditResult | undefined {
  if (list.some((c) => c.path.length < 3 || typeof c.path[1] !== 'string')) return undefined;
  const lines: Array<{ start: number; end: number }> = [];
  for (let at = 0; at < text.length;) {
    const nl = text.indexOf('\n', at);
    const next = nl < 0 ? text.length : nl + 1;
    lines.push({ start: at, end: next });
    at = next;
  }
  const body = (l: { start: number; end: number }) =>
    text.slice(l.start, l.end).replace(/\r?\n$/, '');
  const skip = (t: string) => /^\s*(#.*)?$/.test(t);
  const keyIndex = lines.findIndex((l) => !skip(body(l).replace(/^\ufeff/, '')));
  if (
    keyIndex < 0 ||
    !/^[A-Za-z0-9_][A-Za-z0-9_./-]*[ \t]*:[ \t]*(#.*)?$/.test(
      body(lines[keyIndex]).replace(/^\ufeff/, ''),
    )
  )
    return undefined;
  const prefix = text.slice(0, lines[keyIndex].end);
  const prefixLines = keyIndex + 1;
  let indent = -1;
  const subs: Array<{ key: string; from: number; to: number }> = [];
  for (let i = keyIndex + 1; i < lines.length; i++) {
    const t = body(lines[i]);
    if (skip(t)) continue;
    const n = /^ */.exec(t)![0].length;
    if (t[n] === '\t') return undefined;
    if (indent < 0) indent = n;
    if (n < indent || n === 0) return undefined;
    if (n > indent) {
      if (!subs.length) return undefined;
      continue;
    }
    const m = TOP_KEY.exec(t.slice(n));
    if (!m) return undefined;
    if (subs.length) subs[subs.length - 1].to = i;
    subs.push({ key: m[1], from: i, to: lines.length });
  }
  const byKey = new Map(subs.map((x) => [x.key, x]));
  if (!subs.length || byKey.size !== subs.length) return undefined;
  const groups = new Map<(typeof subs)[number], ChangeSpec[]>();
  for (const c of list) {
    const sub = byKey.get(c.path[1] as string);
    if (!sub) return undefined;
    groups.set(sub, [...(groups.get(sub) ?? []), c]);
  }
  const parts: Array<{ sub: (typeof subs)[number]; r: EditResult }> = [];
  for (const [sub, group] of groups) {
    const start = lines[sub.from].start;
    const end = lines[sub.to - 1].end;
    const r = editWhole(prefix + text.slice(start, end), group, opts);
    if (!r.text.startsWith(prefix)) return undefined;
    parts.push({ sub, r });
  }
  let out = '';
  let at = 0;
  const edits: AppliedEdit[] = [];
  const warnings: string[] = [];
  const notices: string[] = [];
  for (const { sub, r } of [...parts].sort((a, b) => a.sub.from - b.sub.from)) {
    out += text.slice(at, lines[sub.from].start) + r.text.slice(prefix.length);
    at = lines[sub.to - 1].end;
    // Line L of the small document is line sub.from + 1 + (L - prefixLines - 1) of the section.
    edits.push(...r.edits.map((e) => ({ ...e, line: sub.from + e.line - prefixLines })));
    warnings.push(...r.warnings);
    notices.push(...r.notices);
  }
  out += text.slice(at);
  return { text: out, edits, changed: out !== text, warnings, notices };
}
