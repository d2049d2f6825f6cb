// Locating what a change reaches in a parsed file: the path resolved to its scalar (or the
// mapping a missing key would go in), the aliases that share a node, what a `<<` merge brings in.
import {
  Alias,
  Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  visit,
  type Node,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import { formatPath, type Segment } from './path';
import { helmNode, helmScalarOf, isMergeKey, scalarValue, type HelmValue } from './helm-read';
import { type JsonScalar } from './scalar';
import { type EditProblem, type Parsed, position, where } from './edit-types';

function describe(node: unknown): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node))
    return node.value === null ? 'null' : `the ${typeof node.value} '${String(node.value)}'`;
  return 'nothing';
}

export type Resolution =
  | { kind: 'found'; scalar: Scalar; chain: Node[]; path: Segment[] }
  | { kind: 'missing'; parent: YAMLMap; depth: number; chain: Node[]; path: Segment[] }
  | { kind: 'problem'; problem: EditProblem };

function problemAt(p: Parsed, offset: number | undefined, message: string): Resolution {
  if (offset === undefined) return { kind: 'problem', problem: { message } };
  const pos = position(p, offset);
  return { kind: 'problem', problem: { message, ...pos } };
}

/** Where `&name` is written: the node's range starts after its anchor and tag. */
export function anchorOffset(p: Parsed, node: Node): number {
  const start = node.range![0];
  const at = node.anchor ? p.text.lastIndexOf(`&${node.anchor}`, start) : -1;
  return at >= 0 ? at : start;
}

function aliasNote(p: Parsed, doc: Document, alias: Alias): string {
  const target = alias.resolve(doc) as Node | undefined;
  const at = target?.range
    ? ` (anchor &${alias.source} at ${where(p, anchorOffset(p, target))})`
    : '';
  return `alias *${alias.source} at ${where(p, alias.range![0])}${at}`;
}

export function resolvePath(
  p: Parsed,
  doc: Document,
  path: Segment[],
  pathText: string,
  allowAnchors = false,
): Resolution {
  let node: unknown = doc.contents;
  const chain: Node[] = [];
  const resolved: Segment[] = [];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const sofar = formatPath(path.slice(0, i)) || '(document root)';
    // With allow-anchors a path may go through an alias: the anchored node itself is edited.
    if (isAlias(node) && allowAnchors) node = node.resolve(doc);
    if (isAlias(node)) {
      return problemAt(
        p,
        node.range?.[0],
        `'${pathText}' goes through the ${aliasNote(p, doc, node)}; editing it would change every place that uses the anchor — change the anchor's own path instead`,
      );
    }
    if (node === null || node === undefined)
      return problemAt(p, undefined, `'${pathText}': the document is empty`);
    chain.push(node as Node);
    if (isMap(node)) {
      if (typeof seg === 'number')
        return problemAt(
          p,
          node.range?.[0],
          `'${pathText}': '${sofar}' is a mapping, not a list, so [${seg}] does not apply`,
        );
      const pair = node.items.find(
        (it) => isScalar(it.key) && !isMergeKey(it.key) && String(it.key.value) === seg,
      );
      if (!pair)
        return {
          kind: 'missing',
          parent: node,
          depth: i,
          chain,
          path: [...resolved, ...path.slice(i)],
        };
      resolved.push(seg);
      node = pair.value;
      if (node === null || node === undefined) {
        return problemAt(
          p,
          (pair.key as Scalar).range?.[0],
          `'${pathText}': key '${seg}' has no value node to replace`,
        );
      }
      continue;
    }
    if (isSeq(node)) {
      const index = typeof seg === 'number' ? seg : /^\d+$/.test(seg) ? Number(seg) : undefined;
      if (index === undefined)
        return problemAt(
          p,
          node.range?.[0],
          `'${pathText}': '${sofar}' is a list; use an index like [0], not '${seg}'`,
        );
      const at = index < 0 ? node.items.length + index : index;
      if (at < 0 || at >= node.items.length)
        return problemAt(
          p,
          node.range?.[0],
          `'${pathText}': '${sofar}' is a list of ${node.items.length} item(s), there is no [${seg}]`,
        );
      resolved.push(at);
      node = node.items[at];
      continue;
    }
    const offset = isScalar(node) ? node.range?.[0] : undefined;
    return problemAt(
      p,
      offset,
      `'${pathText}': '${sofar}' is ${describe(node)}, a scalar — the path cannot go into it`,
    );
  }
  if (isAlias(node) && allowAnchors) node = node.resolve(doc);
  if (isAlias(node)) {
    return problemAt(
      p,
      node.range?.[0],
      `'${pathText}' is the ${aliasNote(p, doc, node)}; refusing to flatten it — change the anchor's own path instead, or set allow-anchors: true to edit the anchored value in place (every alias follows)`,
    );
  }
  if (!isScalar(node)) {
    return problemAt(
      p,
      (node as Node | null)?.range?.[0],
      `'${pathText}' is ${describe(node)}, not a scalar value`,
    );
  }
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    return problemAt(
      p,
      node.range?.[0],
      `'${pathText}' is a block scalar (| or >); edit multi-line text by hand`,
    );
  }
  chain.push(node);
  return { kind: 'found', scalar: node, chain, path: resolved };
}

const aliasCache = new WeakMap<Document, Array<{ alias: Alias; target: Node | undefined }>>();

/** The aliases whose anchor is the target or one of the nodes above it: editing would change them too. */
export function sharedBy(doc: Document, chain: Node[]): Alias[] {
  let aliases = aliasCache.get(doc);
  if (!aliases) {
    const list: Array<{ alias: Alias; target: Node | undefined }> = [];
    visit(doc, {
      Alias(_key, alias) {
        list.push({ alias, target: alias.resolve(doc) as Node | undefined });
      },
    });
    aliasCache.set(doc, list);
    aliases = list;
  }
  return aliases.filter((a) => a.target && chain.includes(a.target)).map((a) => a.alias);
}

export function inFlowCollection(chain: Node[]): boolean {
  const parent = chain[chain.length - 2];
  return (isMap(parent) || isSeq(parent)) && parent.flow === true;
}

/** The map pair at `path` (keys only, no aliases), or undefined. */
export function pairAt(doc: Document, path: Segment[]): unknown {
  let node: unknown = doc.contents;
  let pair: unknown;
  for (const seg of path) {
    if (!isMap(node)) return undefined;
    pair = node.items.find(
      (it) => isScalar(it.key) && !isMergeKey(it.key) && String(it.key.value) === seg,
    );
    if (!pair) return undefined;
    node = (pair as { value: unknown }).value;
  }
  return pair;
}

export function helmOf(node: Scalar): JsonScalar {
  return scalarValue(helmScalarOf(node)) as JsonScalar;
}

/** Keys a `<<` merge brings into `map` (as Helm reads them), for messages and the override rule. */
export function inherited(
  doc: Document,
  map: YAMLMap,
  key: string,
): { value: HelmValue; merge: Node } | undefined {
  for (const pair of [...map.items].reverse()) {
    if (!isMergeKey(pair.key)) continue;
    const from = helmNode(doc, pair.value);
    const sources = Array.isArray(from) ? from : [from];
    for (const src of sources)
      if (src && typeof src === 'object' && !Array.isArray(src) && key in src)
        return { value: (src as Record<string, HelmValue>)[key], merge: pair.key as Node };
  }
  return undefined;
}
