// Renders the figures as a console table and as the generated section of bench/results.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const START = '<!-- bench:generated:start (written by bench/run.mjs; edit outside the markers) -->';
const END = '<!-- bench:generated:end -->';
const RECORDED = 'peers.recorded.json';

const ms = (v) => (Number.isFinite(v) ? v.toFixed(0) : '–');
const x = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '–');
const mib = (v) => (Number.isFinite(v) ? v.toFixed(1) : '–');
const verdict = (ok) => (ok === null ? '–' : ok ? 'met' : '**not met**');

export function readRecordedPeers(benchDir) {
  const file = path.join(benchDir, RECORDED);
  if (!existsSync(file)) return null;
  return { ...JSON.parse(readFileSync(file, 'utf8')), source: 'recorded' };
}

export function writeRecordedPeers(benchDir, peers) {
  const rows = peers.rows.map(
    ({
      name,
      repo,
      ref,
      commit,
      floor,
      wallMs,
      madMs,
      floorMs,
      ratio,
      cpuMs,
      cpuRatio,
      rssMiB,
      runs,
    }) => ({
      name,
      repo,
      ref,
      commit,
      floor,
      wallMs,
      madMs,
      floorMs,
      ratio,
      cpuMs,
      cpuRatio,
      rssMiB,
      runs,
    }),
  );
  writeFileSync(
    path.join(benchDir, RECORDED),
    JSON.stringify({ date: peers.date, nodeVersion: peers.nodeVersion, rows }, null, 2) + '\n',
  );
}

function table(head, rows) {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function consoleTable(head, rows) {
  const all = [head, ...rows].map((r) => r.map((c) => String(c).replace(/\*\*/g, '')));
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  return all
    .map(
      (r, n) =>
        r.map((c, i) => c.padEnd(widths[i])).join('  ') +
        (n === 0 ? `\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : ''),
    )
    .join('\n');
}

export function renderReport({
  nodeVersion,
  rounds,
  rssMethod,
  cold,
  peers,
  latency,
  scale,
  profiles,
  floors,
  load,
  totalS,
}) {
  const floorRows = cold.filter((r) => r.kind === 'floor');
  const ours = cold.filter((r) => r.kind === 'ours' || r.kind === 'variant');
  const coldHead = [
    'Case',
    'Floor',
    'Wall ms (median ± MAD)',
    'Over floor ms',
    '× floor',
    'Budget',
    'Met (wall)',
    'CPU ms',
    'CPU × floor',
    'Peak RSS MiB',
    'RSS ≤ 100',
    'Runs',
  ];
  const coldRows = [
    ...floorRows.map((r) => [
      `floor: ${r.name}`,
      floors[r.name]?.what ?? '',
      `${ms(r.wallMs)} ± ${ms(r.madMs)}`,
      '',
      '1.00×',
      '',
      '',
      ms(r.cpuMs),
      '',
      mib(r.rssMiB),
      '',
      r.failure ? `failed: ${r.failure}` : r.runs,
    ]),
    ...ours.map((r) => {
      if (r.failure && !r.runs)
        return [
          r.name,
          r.floor,
          '–',
          '–',
          '–',
          r.budgetMs ? `≤ +${r.budgetMs} ms` : '(info)',
          '**failed**',
          '–',
          '–',
          '–',
          '–',
          `failed: ${r.failure}`,
        ];
      return [
        r.name,
        r.floor,
        `${ms(r.wallMs)} ± ${ms(r.madMs)}`,
        `+${ms(r.overMs)}`,
        x(r.ratio),
        r.budgetMs ? `≤ +${r.budgetMs} ms` : '(info)',
        r.budgetMs ? verdict(r.overMs <= r.budgetMs) : '–',
        ms(r.cpuMs),
        x(r.cpuRatio),
        mib(r.rssMiB),
        verdict(r.rssMiB <= 100),
        r.failure ? `${r.runs} (${r.failure})` : r.runs,
      ];
    }),
  ];
  const peerRows = (peers?.rows ?? []).map((r) => [
    `${r.repo}@${r.ref}`,
    `\`${r.commit?.slice(0, 12)}\``,
    r.floor,
    `${ms(r.wallMs)} ± ${ms(r.madMs)}`,
    x(r.ratio),
    x(r.cpuRatio),
    mib(r.rssMiB),
    r.runs,
  ]);
  const peerHead = [
    'Peer',
    'Commit',
    'Floor',
    'Wall ms',
    '× floor',
    'CPU × floor',
    'Peak RSS MiB',
    'Runs',
  ];
  const latHead = ['Case', 'What is timed', 'Median ms', 'Min–max ms', 'Target', 'Result', 'Runs'];
  const latRows = latency.map((r) => [
    r.name,
    r.what,
    ms(r.medianMs),
    `${ms(r.minMs)}–${ms(r.maxMs)}`,
    `≤ ${r.targetMs} ms`,
    r.failure ? `**failed**: ${r.failure}` : verdict(r.medianMs <= r.targetMs),
    r.runs,
  ]);
  const scaleHead = ['Case', 'What is timed', 'Median', 'Target', 'Result', 'Runs'];
  const scaleRows = scale.map((r) => [
    r.name,
    r.what,
    r.display,
    r.targetText,
    r.failure ? `**failed**: ${r.failure}` : verdict(r.ok),
    r.runs,
  ]);

  const md = [
    START,
    '',
    `Measured ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} on Node ${nodeVersion} (${process.platform}/${process.arch}), ${rounds} interleaved rounds per cold-start case; peak RSS and CPU time ${rssMethod === 'wait4' ? "from the kernel's rusage of the child (wait4)" : rssMethod === 'gnu-time' ? "via GNU time (`%M`, the child's ru_maxrss from wait4; no CPU time)" : 'from a preload reading process.resourceUsage() at exit'}. Whole run: ${totalS.toFixed(0)} s. Load average ${load.start} at the start, ${load.end} at the end, on ${load.cpus} CPUs, measured at ${load.priority} (other work on the machine inflates every absolute figure; the ratios to a floor of the same round hold better).`,
    '',
    '### Cold start (finish-at-once inputs)',
    '',
    '"× floor" is the median of per-round ratios (each run divided by its floor\'s run in the same round); the verdict is on wall time. "CPU × floor" is the same on user + system CPU time of the child, which a busy machine inflates much less — when the two disagree, the machine was busy.',
    '',
    table(coldHead, coldRows),
    '',
    `### Peers (${peers ? (peers.source === 'measured' ? `measured now` : `recorded ${peers.date}, Node ${peers.nodeVersion}; set BENCH_PEERS_DIR to re-measure`) : 'not measured yet'})`,
    '',
    peerRows.length ? table(peerHead, peerRows) : '_No peer figures._',
    '',
    '### Detection latency',
    '',
    latRows.length ? table(latHead, latRows) : '_Not measured in this run._',
    '',
    '### Scale',
    '',
    scaleRows.length ? table(scaleHead, scaleRows) : '_Not measured in this run._',
    '',
    ...(profiles
      ? [
          '### Where the time goes (`node --cpu-prof`, medians of 5 runs per action)',
          '',
          profiles.markdown,
          '',
        ]
      : []),
    END,
  ].join('\n');

  const out = [
    '',
    `Cold start — Node ${nodeVersion}, ${rounds} rounds, RSS via ${rssMethod}`,
    consoleTable(coldHead, coldRows),
    '',
    `Peers (${peers ? peers.source : 'none'})`,
    peerRows.length ? consoleTable(peerHead, peerRows) : '(none)',
    '',
    'Detection latency',
    latRows.length ? consoleTable(latHead, latRows) : '(not run)',
    '',
    'Scale',
    scaleRows.length ? consoleTable(scaleHead, scaleRows) : '(not run)',
    '',
    ...(profiles ? [profiles.console, ''] : []),
  ].join('\n');
  return { markdown: md, console: out };
}

/** Replaces only the generated section of results.md; creates the file around it if missing. */
export function writeResults(benchDir, generated) {
  const file = path.join(benchDir, 'results.md');
  let text = existsSync(file)
    ? readFileSync(file, 'utf8')
    : `# Benchmark results\n\n${START}\n${END}\n`;
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) text = `${text.trimEnd()}\n\n${generated}\n`;
  else text = text.slice(0, a) + generated + text.slice(b + END.length);
  writeFileSync(file, text);
}
