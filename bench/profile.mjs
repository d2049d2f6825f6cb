// Where the cold start goes: each of our actions runs PROFILE_RUNS times under `node --cpu-prof`
// (100 µs sampling); each profile is summarised as time by category, by function (self time) and
// by module of the bundle (the innermost bundle frame on the stack owns the sample, so the Node
// internals a module calls — loading a built-in, TLS, sockets — count for that module). The
// median over the runs is reported, so one descheduled sample on a busy machine does not lead.
// The .cpuprofile files stay in bench/out/profiles for Chrome DevTools / speedscope.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { coldStartCases } from './cases.mjs';
import { measureProcess, median } from './lib/measure.mjs';

const TOP = 10;
const PROFILE_RUNS = 5;

// A numbered module that only re-exports a Node built-in says so a few lines below its marker.
function requiredName(lines, n) {
  const near = lines.slice(n, n + 4).join(' ');
  const m = /\("(node:[^"]+)"\)/.exec(near) ?? /require\("([^"]+)"\)/.exec(near);
  return m ? ` (${m[1]})` : '';
}

/** Maps a line of a bundle file to the module it belongs to (ncc/webpack markers). */
function moduleIndex(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const chunk = path.basename(file) === 'index.js' ? '' : `${path.basename(file)}: `;
  // "// EXTERNAL MODULE: <what>" above "var x = __nccwpck_require__(<id>)" names a numbered module.
  const named = new Map();
  lines.forEach((line, n) => {
    const ext = /^\/\/ EXTERNAL MODULE: (.+)$/.exec(line);
    const id = ext && /__nccwpck_require__\((\d+)\)/.exec(lines[n + 1] ?? '');
    if (id && !ext[1].startsWith('external ')) named.set(id[1], ext[1]);
  });
  const marks = [];
  lines.forEach((line, n) => {
    const m =
      /^;?\/\/ CONCATENATED MODULE: (.+)$/.exec(line) ?? /^\/\*\*\*\/ ("?[^:]+"?):/.exec(line);
    const label = (id) =>
      named.has(id) ? `${named.get(id)} (top level)` : `module ${id}${requiredName(lines, n)}`;
    if (m)
      marks.push({ line: n, name: /^\d+$/.test(m[1]) ? label(m[1]) : m[1].replace(/^"|"$/g, '') });
    // After the module table comes webpack's runtime (the require function and its helpers).
    else if (line.startsWith('/************') && !marks.some((k) => k.name === '(webpack runtime)'))
      marks.push({ line: n, name: '(webpack runtime)' });
  });
  return (line) => {
    let lo = 0;
    let hi = marks.length - 1;
    let best = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid].line <= line) {
        best = marks[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return chunk + (best?.name ?? '(bundle top)');
  };
}

/** One profile → { totalMs, byCategory, byFunction, byModule } (maps of ms). */
export function summariseProfile(profile, bundleFile) {
  const bundleDir = `file://${path.dirname(bundleFile)}/`;
  const inBundle = (url) => url.startsWith(bundleDir);
  const nodes = new Map(profile.nodes.map((n) => [n.id, { ...n, self: 0 }]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // timeDeltas[i] is the time before sample i; it belongs to the frame of the previous sample.
  for (let i = 1; i < profile.samples.length; i++)
    nodes.get(profile.samples[i - 1]).self += profile.timeDeltas[i] / 1000;
  const category = (n) => {
    const { url, functionName } = n.callFrame;
    if (!url) return functionName.startsWith('(') ? functionName : '(native/V8)';
    if (inBundle(url)) return 'bundle code';
    if (url.startsWith('node:')) return 'Node internals';
    return 'other';
  };
  const add = (map, k, v) => map.set(k, (map.get(k) ?? 0) + v);
  const byCategory = new Map();
  const byFunction = new Map();
  const byModule = new Map();
  const indexes = new Map();
  const moduleOf = (url, line) => {
    if (!indexes.has(url)) indexes.set(url, moduleIndex(fileURLToPath(url)));
    return indexes.get(url)(line);
  };
  for (const n of nodes.values()) {
    if (!n.self) continue;
    add(byCategory, category(n), n.self);
    const { functionName, url, lineNumber } = n.callFrame;
    add(
      byFunction,
      `${functionName || '(anonymous)'} ${url.startsWith(bundleDir) ? url.slice(bundleDir.length) : url}:${lineNumber + 1}`,
      n.self,
    );
    let owner = '(outside the bundle: bootstrap, loader, event loop)';
    for (let id = n.id; id !== undefined; id = parent.get(id)) {
      const f = nodes.get(id);
      if (inBundle(f.callFrame.url)) {
        owner = moduleOf(f.callFrame.url, f.callFrame.lineNumber);
        break;
      }
    }
    add(byModule, owner, n.self);
  }
  return {
    totalMs: (profile.endTime - profile.startTime) / 1000,
    byCategory,
    byFunction,
    byModule,
  };
}

/** Median per key over several summaries (a key missing from a run counts as 0 there). */
function medianMap(maps) {
  const keys = new Set(maps.flatMap((m) => [...m.keys()]));
  return new Map([...keys].map((k) => [k, median(maps.map((m) => m.get(k) ?? 0))]));
}

const top = (m, n = TOP) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);

export async function profileActions(ctx, log) {
  const dir = path.join(ctx.benchDir, 'out', 'profiles');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const md = [];
  const con = [];
  for (const c of coldStartCases(ctx).filter((k) => k.kind === 'ours' || k.kind === 'variant')) {
    const summaries = [];
    const walls = [];
    let failure = null;
    for (let i = 0; i < PROFILE_RUNS && !failure; i++) {
      const p = c.prepare();
      const bundle = p.args[p.args.length - 1];
      const name = `${c.name}.${i + 1}.cpuprofile`;
      try {
        const r = await measureProcess({
          command: p.command,
          args: [
            '--cpu-prof',
            '--cpu-prof-interval',
            '100',
            '--cpu-prof-dir',
            dir,
            '--cpu-prof-name',
            name,
            ...p.args,
          ],
          env: p.env,
          cwd: p.cwd,
        });
        if (r.code !== 0) throw new Error(`exit ${r.code}`);
        summaries.push(
          summariseProfile(JSON.parse(readFileSync(path.join(dir, name), 'utf8')), bundle),
        );
        walls.push(r.wallMs);
      } catch (err) {
        failure = err.message;
      } finally {
        p.cleanup();
      }
    }
    if (!summaries.length) {
      md.push(`**${c.name}** — profile failed: ${failure}`, '');
      continue;
    }
    const byCategory = medianMap(summaries.map((s) => s.byCategory));
    const byModule = medianMap(summaries.map((s) => s.byModule));
    const byFunction = medianMap(summaries.map((s) => s.byFunction));
    const totalMs = median(summaries.map((s) => s.totalMs));
    const cats = top(byCategory, 20)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(', ');
    const mods = top(byModule);
    const funcs = top(byFunction);
    md.push(
      `**${c.name}** — median of ${summaries.length} profiled runs: ${totalMs.toFixed(0)} ms profiled of a ${median(walls).toFixed(0)} ms run (profiling slows it); by category (ms): ${cats}.`,
      '',
      '| Bundle module (ms, with the Node internals it called) | ms | Function (self) | ms |',
      '| --- | --- | --- | --- |',
      ...Array.from({ length: TOP }, (_, i) => {
        const m = mods[i];
        const f = funcs[i];
        return `| ${m ? `\`${m[0]}\`` : ''} | ${m ? m[1].toFixed(1) : ''} | ${f ? `\`${f[0]}\`` : ''} | ${f ? f[1].toFixed(1) : ''} |`;
      }),
      '',
    );
    con.push(
      `${c.name}: ${totalMs.toFixed(0)} ms profiled (median of ${summaries.length}) — ${cats}`,
      ...mods.slice(0, 7).map(([k, v]) => `   module ${v.toFixed(1).padStart(6)} ms  ${k}`),
      ...funcs.slice(0, 7).map(([k, v]) => `   self   ${v.toFixed(1).padStart(6)} ms  ${k}`),
    );
    log(`  profiled ${c.name} ×${summaries.length}`);
  }
  return {
    markdown: md.join('\n'),
    console: ['Where the time goes (--cpu-prof, medians)', ...con].join('\n'),
  };
}
