// The documents agree with each other and with the code: one org name and one set of pins in
// README, catalog, per-action READMEs, examples and workflows; the permissions the catalog lists
// are what the examples grant; every relative link resolves; every action.yml description is
// whole after YAML parsing (a ` #` in a plain scalar starts a comment) and shown as written.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, parseDocument, parse as parseYaml, type Scalar } from 'yaml';
import { ROOT } from '../harness/run-action';
import { expectedPin, OUR_ORG, OUR_PIN, OUR_REPOSITORY } from './pins';

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const list = (dir: string, ext: RegExp) =>
  existsSync(path.join(ROOT, dir))
    ? readdirSync(path.join(ROOT, dir))
        .filter((f) => ext.test(f))
        .sort()
        .map((f) => `${dir}/${f}`)
    : [];
const ACTIONS = readdirSync(path.join(ROOT, 'actions')).filter((d) =>
  existsSync(path.join(ROOT, 'actions', d, 'action.yml')),
);
const WORKFLOWS = [...list('examples', /\.ya?ml$/), ...list('.github/workflows', /\.ya?ml$/)];
const MARKDOWN = [
  ...['README.md', 'CONTRIBUTING.md', 'SECURITY.md', 'CHANGELOG.md', 'action-catalog.md'],
  ...ACTIONS.map((a) => `actions/${a}/README.md`),
  ...list('docs', /\.md$/),
  ...list('demo', /\.md$/),
  ...list('packages/kube', /\.md$/),
].filter((f) => existsSync(path.join(ROOT, f)));
const CATALOG_SOURCES = ACTIONS.map((a) => `actions/${a}/catalog.yml`).filter((f) =>
  existsSync(path.join(ROOT, f)),
);
/** Every file that shows a `uses:` line to a reader. */
const DOCS = [...MARKDOWN, ...WORKFLOWS, ...CATALOG_SOURCES];

interface Uses {
  file: string;
  line: number;
  action: string;
  ref: string;
  comment: string;
}

function usesIn(file: string): Uses[] {
  const found: Uses[] = [];
  for (const [i, text] of read(file).split('\n').entries()) {
    const m =
      /^\s*(?:-\s+)?uses:\s*(['"]?)([^\s'"#@]+)(?:@([^\s'"#]+))?\1\s*(?:#\s*(.*?))?\s*$/.exec(text);
    if (m) found.push({ file, line: i + 1, action: m[2], ref: m[3] ?? '', comment: m[4] ?? '' });
  }
  return found;
}

describe('one set of pins', () => {
  test('every document has uses: lines to check', () => {
    for (const f of [...WORKFLOWS, 'README.md', 'action-catalog.md'])
      expect({ f, n: usesIn(f).length > 0 }).toEqual({ f, n: true });
  });

  test.each(DOCS)('%s pins each action as pins.ts says', (file) => {
    const problems: string[] = [];
    for (const u of usesIn(file)) {
      const where = `${file}:${u.line} ${u.action}@${u.ref}`;
      if (u.action.startsWith('./')) {
        if (!file.startsWith('.github/workflows/'))
          problems.push(`${where}: a local path works only inside this repository`);
        continue;
      }
      // The catalog's template line names no particular action.
      const action = u.action.replace('/actions/<name>', '/actions/wait-rollout');
      const ours = action.startsWith(`${OUR_REPOSITORY}/actions/`);
      if (ours && !ACTIONS.includes(action.split('/')[3]))
        problems.push(`${where}: there is no action ${action.split('/')[3]}`);
      // catalog.yml examples say @PIN; the generator writes the pin.
      const ref = file.endsWith('catalog.yml') && ours && u.ref === 'PIN' ? OUR_PIN.ref : u.ref;
      const comment = file.endsWith('catalog.yml') && u.ref === 'PIN' ? OUR_PIN.version : u.comment;
      const pin = expectedPin(action);
      if (!pin) problems.push(`${where}: not in test/lint/pins.ts (add it with its verified SHA)`);
      else if (ref !== pin.ref || comment.split(/\s+/)[0] !== pin.version)
        problems.push(`${where} # ${comment}: expected @${pin.ref} # ${pin.version}`);
    }
    expect(problems).toEqual([]);
  });

  test.each(DOCS)('%s names one org for our repositories', (file) => {
    const owners = [...read(file).matchAll(/(?<![$\w{/.-])([\w.<>-]+)\/(cicd-actions|infra)\b/g)]
      .map((m) => m[1])
      .filter((owner) => owner !== OUR_ORG && owner !== '}}');
    expect(owners).toEqual([]);
  });
});

describe('permissions', () => {
  const LEVEL: Record<string, number> = { none: 0, read: 1, write: 2 };
  type Perms = Record<string, string>;
  interface Job {
    permissions?: Perms | string;
    steps?: { uses?: string }[];
  }
  const granted = (job: Job, workflow: { permissions?: Perms | string }): Perms => {
    const p = job.permissions ?? workflow.permissions ?? {};
    if (typeof p === 'string') throw new Error(`permissions: ${p} is not per scope`);
    return p;
  };

  test.each(ACTIONS)(
    '%s: every example job that uses it grants what the catalog lists',
    (action) => {
      const catalog =
        (parseYaml(read(`actions/${action}/catalog.yml`)) as { permissions?: Perms }).permissions ??
        {};
      const problems: string[] = [];
      let jobs = 0;
      for (const file of list('examples', /\.ya?ml$/)) {
        const wf = parseYaml(read(file)) as {
          permissions?: Perms;
          jobs: Record<string, Job>;
        };
        for (const [id, job] of Object.entries(wf.jobs)) {
          if (!job.steps?.some((s) => s.uses?.startsWith(`${OUR_REPOSITORY}/actions/${action}@`)))
            continue;
          jobs++;
          const has = granted(job, wf);
          for (const [scope, level] of Object.entries(catalog))
            if ((LEVEL[has[scope] ?? 'none'] ?? 0) < LEVEL[level])
              problems.push(
                `${file} job ${id} grants ${scope}: ${has[scope] ?? 'none'}, the catalog says ${level}`,
              );
        }
      }
      expect(jobs).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    },
  );

  test('the catalog shows each action’s permissions from its catalog.yml', () => {
    const catalog = read('action-catalog.md');
    for (const action of ACTIONS) {
      const perms =
        (parseYaml(read(`actions/${action}/catalog.yml`)) as { permissions?: Perms }).permissions ??
        {};
      const section = catalog.slice(catalog.indexOf(`\n## ${action}\n`));
      const shown = section.slice(section.indexOf('### Permissions'), section.indexOf('\n## ', 5));
      if (Object.keys(perms).length === 0)
        expect(shown).toContain('No `GITHUB_TOKEN` permissions.');
      else for (const [k, v] of Object.entries(perms)) expect(shown).toContain(`  ${k}: ${v}`);
    }
  });
});

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    const m = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = m[1]
      .replace(/<[^>]+>/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  return out;
}

describe('links', () => {
  test.each(MARKDOWN)('every relative link in %s resolves', (file) => {
    const problems: string[] = [];
    const text = read(file).replace(/```[\s\S]*?```/g, '');
    for (const m of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = m[1];
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const [rawPath, anchor] = target.split('#');
      // A leading slash is the repository root on GitHub (docs/chaining.md is also shown inside the catalog).
      const resolved = !rawPath
        ? path.join(ROOT, file)
        : rawPath.startsWith('/')
          ? path.join(ROOT, rawPath)
          : path.resolve(path.dirname(path.join(ROOT, file)), rawPath);
      if (!resolved.startsWith(ROOT) || !existsSync(resolved)) {
        problems.push(`${target}: ${path.relative(ROOT, resolved)} does not exist`);
        continue;
      }
      if (anchor && statSync(resolved).isFile() && resolved.endsWith('.md')) {
        if (!anchors(readFileSync(resolved, 'utf8')).has(anchor))
          problems.push(`${target}: no heading #${anchor} in ${path.relative(ROOT, resolved)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('the anchor rule matches GitHub’s on the headings we link to', () => {
    expect([...anchors('# A `b` c\n## Set up\n## Set up\n### Pinning and updating')]).toEqual([
      'a-b-c',
      'set-up',
      'set-up-1',
      'pinning-and-updating',
    ]);
  });
});

describe('action.yml descriptions', () => {
  interface Described {
    where: string;
    node: Scalar;
  }
  const descriptions = (action: string): Described[] => {
    const doc = parseDocument(read(`actions/${action}/action.yml`));
    const out: Described[] = [];
    const top = doc.get('description', true);
    if (isScalar(top)) out.push({ where: 'description', node: top });
    for (const section of ['inputs', 'outputs']) {
      const map = doc.get(section, true);
      if (!isMap(map)) continue;
      for (const pair of map.items) {
        const spec = pair.value;
        const d = isMap(spec) ? spec.get('description', true) : undefined;
        if (isScalar(d)) out.push({ where: `${section}.${String(pair.key)}`, node: d });
      }
    }
    return out;
  };

  test.each(ACTIONS)('%s: no description is cut short by a comment', (action) => {
    const text = read(`actions/${action}/action.yml`);
    const cut = descriptions(action)
      .filter(({ node }) => {
        const end = node.range?.[1] ?? 0;
        const rest = text.slice(
          end,
          text.indexOf('\n', end) === -1 ? undefined : text.indexOf('\n', end),
        );
        return node.type === 'PLAIN' && /^\s+#/.test(rest);
      })
      .map(({ where, node }) => `${where}: '${String(node.value)}' is cut at a ' #'`);
    expect(cut).toEqual([]);
  });

  test.each(ACTIONS)('%s: the catalog shows every description as written', (action) => {
    const catalog = read('action-catalog.md');
    const cell = (v: string) => v.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').trim();
    const missing = descriptions(action)
      .filter(({ node }) => !catalog.includes(cell(String(node.value))))
      .map(({ where }) => where);
    expect(missing).toEqual([]);
  });

  test('the check catches the failure it is for', () => {
    const node = parseDocument('description: a #name only\n').get('description', true) as Scalar;
    expect(node.value).toBe('a');
    expect(node.type).toBe('PLAIN');
  });
});
