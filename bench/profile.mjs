// Where the cold start goes: one run of each of our actions under `node --cpu-prof` (100 µs
// sampling), summarised as time by category, the heaviest functions by self time, and time per
// module of the bundle (including the Node internals that module's code called).
// The .cpuprofile files stay in bench/out/profiles for Chrome DevTools / speedscope.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { coldStartCases } from './cases.mjs';
import { measureProcess } from './lib/measure.mjs';

const TOP = 10;

// A numbered module that only re-exports a Node built-in says so a few lines below its marker.
function requiredName(lines, n) {
  const near = lines.slice(n, n + 4).join(' ');
  const m = /\("(node:[^"]+)"\)/.exec(near) ?? /require\("([^"]+)"\)/.exec(near);
  return m ? ` (${m[1]})` : '';
}

function moduleIndex(bundleFile) {
  // Lines of the bundle where a module starts: ncc/webpack marks them with /***/ <id> and,
  // for concatenated ESM, with "// CONCATENATED MODULE: <path>" or "// EXTERNAL MODULE: <path>".
  const lines = readFileSync(bundleFile, 'utf8').split('\n');
  const marks = [];
  lines.forEach((line, n) => {
    const m = /^;?\/\/ CONCATENATED MODULE: (.+)$/.exec(line) ?? /^\/\*\*\*\/ ("?[^:]+"?):/.exec(line);
    if (m) marks.push({ line: n, name: /^\d+$/.test(m[1]) ? `module ${m[1]}${requiredName(lines, n)}` : m[1].replace(/^"|"$/g, '') });
    // After the module table comes webpack's runtime (the require function and its helpers).
    else if (line.startsWith('/************') && !marks.some((k) => k.name === '(webpack runtime)')) marks.push({ line: n, name: '(webpack runtime)' });
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
    return best?.name ?? '(bundle top)';
  };
}

export function summariseProfile(profile, bundleFile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, { ...n, self: 0 }]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // timeDeltas[i] is the time before sample i; it belongs to the frame of the previous sample.
  for (let i = 1; i < profile.samples.length; i++) nodes.get(profile.samples[i - 1]).self += profile.timeDeltas[i] / 1000;
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const bundleUrl = `file://${bundleFile}`;
  const category = (n) => {
    const { url, functionName } = n.callFrame;
    if (!url) return functionName.startsWith('(') ? functionName : '(native/V8)';
    if (url === bundleUrl) return 'bundle code';
    if (url.startsWith('node:')) return 'Node internals';
    return 'other';
  };
  const byCategory = {};
  for (const n of nodes.values()) byCategory[category(n)] = (byCategory[category(n)] ?? 0) + n.self;
  const key = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(bundleUrl, 'bundle').replace(/^file:\/\/.*\//, '')}:${n.callFrame.lineNumber + 1}`;
  const selfBy = new Map();
  for (const n of nodes.values()) selfBy.set(key(n), (selfBy.get(key(n)) ?? 0) + n.self);
  // Time per bundle module: each sample goes to the innermost bundle frame on its stack, so the
  // Node internals a module calls (loading a built-in, TLS, sockets) count for that module.
  const moduleOf = moduleIndex(bundleFile);
  const byModule = new Map();
  for (const n of nodes.values()) {
    if (!n.self) continue;
    let owner = '(outside the bundle: bootstrap, loader, event loop)';
    for (let id = n.id; id !== undefined; id = parent.get(id)) {
      const f = nodes.get(id);
      if (f.callFrame.url === bundleUrl) {
        owner = moduleOf(f.callFrame.lineNumber);
        break;
      }
    }
    byModule.set(owner, (byModule.get(owner) ?? 0) + n.self);
  }
  const top = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  return { totalMs, byCategory, topSelf: top(selfBy), topModules: top(byModule) };
}

export async function profileActions(ctx, log) {
  const dir = path.join(ctx.benchDir, 'out', 'profiles');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const md = [];
  const con = [];
  for (const c of coldStartCases(ctx).filter((k) => k.kind === 'ours')) {
    const p = c.prepare();
    const bundle = p.args[p.args.length - 1];
    const name = `${c.name}.cpuprofile`;
    try {
      const r = await measureProcess({
        command: p.command,
        args: ['--cpu-prof', '--cpu-prof-interval', '100', '--cpu-prof-dir', dir, '--cpu-prof-name', name, ...p.args],
        env: p.env,
        cwd: p.cwd,
      });
      if (r.code !== 0) throw new Error(`exit ${r.code}`);
      const s = summariseProfile(JSON.parse(readFileSync(path.join(dir, name), 'utf8')), bundle);
      const cats = Object.entries(s.byCategory).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
      md.push(
        `**${c.name}** — profiled ${s.totalMs.toFixed(0)} ms of a ${r.wallMs.toFixed(0)} ms run; by category (ms): ${cats}.`,
        '',
        '| Bundle module (ms, with the Node internals it called) | | Function (self ms) | |',
        '| --- | --- | --- | --- |',
        ...Array.from({ length: TOP }, (_, i) => {
          const m = s.topModules[i];
          const f = s.topSelf[i];
          return `| ${m ? `\`${m[0]}\`` : ''} | ${m ? m[1].toFixed(1) : ''} | ${f ? `\`${f[0]}\`` : ''} | ${f ? f[1].toFixed(1) : ''} |`;
        }),
        '',
      );
      con.push(`${c.name}: ${s.totalMs.toFixed(0)} ms profiled — ${cats}`, ...s.topModules.slice(0, 6).map(([k, v]) => `   module ${v.toFixed(1).padStart(6)} ms  ${k}`), ...s.topSelf.slice(0, 6).map(([k, v]) => `   self   ${v.toFixed(1).padStart(6)} ms  ${k}`));
      log(`  profiled ${c.name}`);
    } catch (err) {
      md.push(`**${c.name}** — profile failed: ${err.message}`, '');
    } finally {
      p.cleanup();
    }
  }
  return { markdown: md.join('\n'), console: ['Where the time goes (--cpu-prof)', ...con].join('\n') };
}
