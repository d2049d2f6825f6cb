// One file (or one section of it) edited as a whole: every value change planned against one
// parse and applied together, then key creations and removals, then the safety check.
import { isMap, type Node, type Scalar } from 'yaml';
import { formatPath, type Segment } from './path';
import { helmDocument, isMergeKey, showHelm, type HelmValue } from './helm-read';
import { renderScalar, type JsonScalar } from './scalar';
import {
  type ChangeSpec,
  type AppliedEdit,
  type EditOptions,
  type EditResult,
  type EditProblem,
  YamlEditError,
  type Parsed,
  parseText,
  position,
  where,
  type Replacement,
  applyReplacements,
} from './edit-types';
import {
  type Resolution,
  anchorOffset,
  resolvePath,
  sharedBy,
  inFlowCollection,
  pairAt,
  helmOf,
  inherited,
} from './edit-locate';
import { createKeys, removeKey } from './edit-keys';
import { setIn, deleteIn, sameRead, fastResult, verifyEdit } from './edit-verify';

/** The offset to write a value for an empty scalar: right after its `key:` or `-`, so `key:  # note` keeps its comment. */
function emptyValueAt(text: string, start: number): { at: number; pad: string } {
  if (start > 0 && /[ \t]/.test(text[start - 1]) && text[start] !== '#')
    return { at: start, pad: '' };
  let i = start - 1;
  while (i >= 0 && /[ \t]/.test(text[i])) i--;
  return { at: i + 1, pad: ' ' };
}

interface Structural {
  change: ChangeSpec;
}

/**
 * Plans one value change in every document that has the path: adds its replacements of the text
 * to `pending` and the new values of the edited nodes to `overrides`. Returns 'structural' when
 * the path is missing everywhere (a key to create) and that is allowed to be tried later.
 */
function planChange(
  p: Parsed,
  change: ChangeSpec,
  opts: EditOptions,
  out: { edits: AppliedEdit[]; warnings: string[]; notices: string[] },
  pending: Replacement[],
  overrides: Array<Map<Node, HelmValue>>,
): 'planned' | 'structural' | EditProblem {
  const found: Array<{ doc: number; r: Extract<Resolution, { kind: 'found' }> }> = [];
  const others: Array<{ doc: number; r: Resolution }> = [];
  p.docs.forEach((doc, i) => {
    const r = resolvePath(p, doc, change.path, change.pathText, opts.allowAnchors);
    if (r.kind === 'found') found.push({ doc: i, r });
    else others.push({ doc: i, r });
  });
  const docLabel = (i: number) => (p.docs.length > 1 ? ` (document ${i + 1})` : '');

  if (found.length === 0) {
    const first = others[0]?.r;
    if (!first) return { message: `'${change.pathText}': the file has no YAML document` };
    if (first.kind === 'problem') return first.problem;
    if (change.wanted.kind === 'absent') return 'structural';
    const m = first as Extract<Resolution, { kind: 'missing' }>;
    const missingKey = String(change.path[m.depth]);
    const from = inherited(p.docs[others[0].doc], m.parent, missingKey);
    const parentText = formatPath(change.path.slice(0, m.depth)) || '(document root)';
    const rest = change.path.length - m.depth;
    if (from && rest > 1) {
      const drop = from.value && typeof from.value === 'object' ? Object.keys(from.value) : [];
      return {
        message: `'${change.pathText}': '${formatPath(change.path.slice(0, m.depth + 1))}' comes from the merge key << at ${where(p, from.merge.range![0])}; a '${missingKey}' key written under '${parentText}' would replace the whole inherited mapping (a merge is one level deep) and drop ${drop.length ? drop.map((k) => `'${k}'`).join(', ') : 'its other keys'} — refusing; change it at the anchor (with allow-anchors: true every user of it follows) or write '${formatPath(change.path.slice(0, m.depth + 1))}' in full by hand`,
        ...position(p, m.parent.range?.[0] ?? 0),
      };
    }
    const missing = others.filter((o) => o.r.kind === 'missing');
    if (!opts.createMissing || missing.length !== others.length || p.docs.length !== 1) {
      const inheritedNote = from
        ? `; it comes from the merge key << at ${where(p, from.merge.range![0])}`
        : '';
      const hint =
        opts.createMissing && p.docs.length > 1
          ? '; create-missing only creates keys in single-document files'
          : opts.createMissing
            ? ''
            : ` (set create-missing: true to add it${from ? ' as an override after the merge key' : ''})`;
      return {
        message: `'${change.pathText}': key '${missingKey}' is missing under '${parentText}'${inheritedNote}${hint}`,
        ...position(p, m.parent.range?.[0] ?? 0),
      };
    }
    return 'structural';
  }
  if (change.wanted.kind === 'absent') return 'structural';

  const olds = found.map((f) => helmOf(f.r.scalar));
  if (found.length > 1 && !olds.every((v) => sameRead(v, olds[0]))) {
    const list = found.map((f, i) => `document ${f.doc + 1}: ${showHelm(olds[i])}`).join(', ');
    return {
      message: `'${change.pathText}' has different values in different documents (${list}); refusing to set them all to one value`,
      ...position(p, found[1].r.scalar.range![0]),
    };
  }

  const reps: Replacement[] = [];
  for (const { doc, r } of found) {
    const { scalar, chain } = r;
    const start = scalar.range![0];
    const pos = position(p, start);
    const shared = sharedBy(p.docs[doc], chain);
    let aliases: string[] | undefined;
    if (shared.length) {
      const anchors = [...new Set(shared.map((a) => a.resolve(p.docs[doc]) as Node))];
      const anchorText = anchors
        .map((n) => `anchor &${n.anchor} at ${where(p, anchorOffset(p, n))}`)
        .join(' and ');
      aliases = shared.map((a) => `*${a.source} at ${where(p, a.range![0])}`);
      if (!opts.allowAnchors)
        return {
          message: `'${change.pathText}'${docLabel(doc)} is inside ${anchorText}, also used by ${aliases.join(', ')}; editing it would change those too — refusing (set allow-anchors: true to edit it in place for all of them)`,
          ...pos,
        };
    }
    const oldValue = helmOf(scalar);
    let rendered;
    try {
      rendered = renderScalar(
        { value: oldValue, style: scalar.type, inFlow: inFlowCollection(chain) },
        change.wanted,
        opts.valueType,
      );
    } catch (err) {
      return { message: `'${change.pathText}'${docLabel(doc)}: ${(err as Error).message}`, ...pos };
    }
    const oldText = p.text.slice(start, scalar.range![1]);
    const same = rendered.verbatim ? oldText === rendered.text : sameRead(oldValue, rendered.value);
    if (rendered.typeChanged && !same)
      out.notices.push(`'${change.pathText}'${docLabel(doc)}: ${rendered.typeChanged}`);
    if (aliases && !same)
      out.notices.push(
        `'${change.pathText}'${docLabel(doc)} is anchored (allow-anchors): ${aliases.join(', ')} now read ${showHelm(rendered.value)} too`,
      );
    out.edits.push({
      pathText: change.pathText,
      path: r.path,
      document: doc,
      oldValue,
      newValue: rendered.value,
      oldText,
      newText: same ? oldText : rendered.text,
      ...pos,
      created: false,
      aliases,
    });
    if (same) continue;
    overrides[doc].set(scalar, rendered.value);
    const end = scalar.range![1];
    const clash =
      pending.find((x) => x.start < end && start < x.end) ??
      pending.find((x) => x.start === start) ??
      reps.find((x) => x.start === start);
    if (clash)
      return {
        message: `'${change.pathText}'${docLabel(doc)} is the same value as '${clash.pathText}', changed by another line`,
        ...pos,
      };
    if (rendered.text === '' && /[:-] $/.test(p.text.slice(start - 2, start))) {
      // Back to an empty value (a revert): the space written before the value goes too.
      reps.push({ start: start - 1, end, text: '', pathText: change.pathText });
    } else {
      const check = rendered.verbatim
        ? undefined
        : {
            value: rendered.value as HelmValue,
            inFlow: inFlowCollection(chain),
            mergeSafe: noLaterMerge(chain, scalar),
          };
      if (oldText === '') {
        // An empty null (`key:` or `key:  # note`) has no text of its own.
        const { at, pad } = emptyValueAt(p.text, start);
        reps.push({
          start: at,
          end: at,
          text: pad + rendered.text,
          pathText: change.pathText,
          scalar: check,
        });
      } else
        reps.push({ start, end, text: rendered.text, pathText: change.pathText, scalar: check });
    }
  }
  pending.push(...reps);
  return 'planned';
}

export function editWhole(source: string, changes: ChangeSpec[], opts: EditOptions): EditResult {
  const original = parseText(source);
  const problems: EditProblem[] = [];
  for (const doc of original.docs) {
    for (const e of doc.errors)
      problems.push({
        message: `not valid YAML: ${e.message.split('\n')[0]}`,
        ...position(original, e.pos[0]),
      });
  }
  if (problems.length) throw new YamlEditError(problems);
  if (original.docs.length === 0)
    throw new YamlEditError([{ message: 'the file has no YAML document' }]);

  const out = { edits: [] as AppliedEdit[], warnings: [] as string[], notices: [] as string[] };
  const pending: Replacement[] = [];
  const overrides = original.docs.map(() => new Map<Node, HelmValue>());
  const structural: Structural[] = [];
  for (const change of changes) {
    const r = planChange(original, change, opts, out, pending, overrides);
    if (r === 'structural') structural.push({ change });
    else if (r !== 'planned') problems.push(r);
  }
  if (problems.length) throw new YamlEditError(problems);

  if (structural.length === 0 && pending.every((r) => r.scalar?.mergeSafe))
    return fastResult(source, pending, out);

  let current = pending.length ? parseText(applyReplacements(source, pending)) : original;
  const creations: Array<{ path: Segment[]; value: JsonScalar }> = [];
  const removals: Segment[][] = [];
  const removedPairs = new Set<unknown>();
  for (const { change } of structural) {
    if (change.wanted.kind === 'absent') {
      const r = removeKey(current, change, out.edits);
      if (r === 'absent') continue;
      if ('message' in r) {
        problems.push(r);
        continue;
      }
      // The same pair in the original parse, so that what a `<<` merge brings in shows through.
      const pair = pairAt(original.docs[0], r.path);
      if (pair) removedPairs.add(pair);
      else removals.push(r.path);
      current = parseText(applyReplacements(current.text, [r.rep]));
      continue;
    }
    const m = resolvePath(current, current.docs[0], change.path, change.pathText);
    if (m.kind !== 'missing') {
      problems.push(
        m.kind === 'problem' ? m.problem : { message: `'${change.pathText}': created twice` },
      );
      continue;
    }
    const created = createKeys(current, m, change, opts, out.edits);
    if ('message' in created) {
      problems.push(created);
      continue;
    }
    creations.push({ path: m.path, value: out.edits[out.edits.length - 1].newValue });
    current = parseText(applyReplacements(current.text, [created]));
  }
  if (problems.length) throw new YamlEditError(problems);

  const expected = original.docs.map((doc, i) => helmDocument(doc, overrides[i], removedPairs));
  for (const c of creations) expected[0] = setIn(expected[0], c.path, c.value) as HelmValue;
  for (const path of removals) deleteIn(expected[0], path);
  verifyEdit(original, current, expected, out.edits);
  return {
    text: current.text,
    edits: out.edits,
    changed: current.text !== source,
    warnings: out.warnings,
    notices: out.notices,
  };
}

/** False when a `<<` after the edited key's pair in its mapping could override it (then the full guard decides). */
function noLaterMerge(chain: Node[], node: Scalar): boolean {
  const map = chain[chain.length - 2];
  if (!isMap(map)) return true;
  const at = map.items.findIndex((it) => it.value === node);
  return !map.items.slice(at + 1).some((it) => isMergeKey(it.key));
}
