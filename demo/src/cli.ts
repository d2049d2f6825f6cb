// `npm run demo [-- --workflow examples/deploy-gitops.yml] [--scenario …] [--out DIR] [--debug]`:
// plays an example workflow and prints its log like the runner's log view, one block per step,
// then where the summary went. Plain text: the Markdown is for the summary files.
import path from 'node:path';
import { ROOT } from '../../test/harness/run-action';
import { colourStyle, plainStyle, renderLogText, type TerminalStyle } from './job-log';
import { DEFAULT_WORKFLOW, runDemo, WORKFLOWS } from './demo';
import { banner, seconds, uniqueAnnotations } from './report';
import { SCENARIO_NAMES, SCENARIOS, type ScenarioName } from './scenarios';
import type { EngineHooks, StepRecord } from './workflow/engine';

interface CliOptions {
  workflow: string;
  scenario: ScenarioName;
  outDir: string;
  debug: boolean;
}

export const USAGE = [
  'usage: npm run demo [-- --workflow FILE] [--scenario NAME] [--out DIR] [--debug]',
  `  --workflow  ${Object.keys(WORKFLOWS).join(' | ')} (default ${DEFAULT_WORKFLOW})`,
  '  --scenario',
  ...SCENARIO_NAMES.map(
    (n) =>
      `    ${n.padEnd(15)}${SCENARIOS[n].story}${SCENARIOS[n].workflows.length < 2 ? ` (${SCENARIOS[n].workflows.join(', ')} only)` : ''}`,
  ),
].join('\n');

export function parseArgs(argv: string[]): CliOptions | 'help' {
  const options: CliOptions = {
    workflow: DEFAULT_WORKFLOW,
    scenario: 'good',
    outDir: path.join(ROOT, 'demo', 'out'),
    debug: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--scenario') {
      const s = value();
      if (!(SCENARIO_NAMES as readonly string[]).includes(s))
        throw new Error(`--scenario must be one of ${SCENARIO_NAMES.join(', ')}, got '${s}'`);
      options.scenario = s as ScenarioName;
    } else if (flag === '--workflow') {
      const w = path.relative(ROOT, path.resolve(ROOT, value()));
      if (!WORKFLOWS[w])
        throw new Error(
          `--workflow must be one of ${Object.keys(WORKFLOWS).join(', ')}, got '${w}'`,
        );
      options.workflow = w;
    } else if (flag === '--out') options.outDir = path.resolve(value());
    else if (flag === '--debug') options.debug = true;
    else if (flag === '--help' || flag === '-h') return 'help';
    else throw new Error(`unknown argument '${arg}' (try --help)`);
  }
  const kind = WORKFLOWS[options.workflow];
  if (!SCENARIOS[options.scenario].workflows.includes(kind))
    throw new Error(
      `scenario ${options.scenario} does not apply to ${options.workflow}: ${SCENARIOS[options.scenario].notFor ?? ''}`.trim(),
    );
  return options;
}

const MARK = {
  success: '✓ success',
  failure: '✗ failure',
  cancelled: '⊘ cancelled',
  skipped: '– skipped',
};

function display(style: TerminalStyle, debug: boolean, print: (l: string) => void) {
  return (sinkLines: string[]): EngineHooks => ({
    onJobStart(job, standIn) {
      print('');
      print(style.bold(`══ job ${job.id}${standIn ? ` — ${standIn}` : ''}`));
    },
    onStepStart(record, index, total) {
      // What happened around the job just before this step (another pipeline's push, say).
      for (const line of sinkLines.splice(0)) print(style.cyan(`  ${line}`));
      print('');
      print(style.bold(`━━ [${index + 1}/${total}] ${record.name}`));
      print(style.dim(record.runs.split('\n')[0]));
      const entries = Object.entries(record.inputs);
      if (entries.length) {
        print(style.dim('  with:'));
        // Secrets show as *** because the runner masks them before the job starts.
        for (const [k, v] of entries)
          print(style.dim(`    ${k}: ${v.includes('\n') ? `${v.split('\n')[0]} …` : v}`));
      }
    },
    onStepEnd(record: StepRecord, index, total) {
      if (record.conclusion === 'skipped') {
        print('');
        print(
          style.dim(
            `━━ [${index + 1}/${total}] ${record.name} — skipped (if: ${record.condition})`,
          ),
        );
        return;
      }
      for (const note of record.notes) print(style.yellow(`  here, not on GitHub: ${note}`));
      for (const line of renderLogText(record.log, style, debug)) print(`  ${line}`);
      for (const line of sinkLines.splice(0)) print(style.cyan(`  ${line}`));
      const outputs = Object.entries(record.outputs).map(([k, v]) => {
        const flat = v.replace(/\r?\n/g, '⏎');
        return `${k}=${flat.length > 60 ? `${flat.slice(0, 57)}…` : flat}`;
      });
      if (outputs.length) print(style.dim(`  outputs: ${outputs.join(', ')}`));
      const colour =
        record.conclusion === 'success'
          ? style.green
          : record.conclusion === 'failure'
            ? style.red
            : style.dim;
      const exit =
        record.conclusion === 'failure'
          ? ` (exit ${record.exitCode ?? 'none: killed or not started'})`
          : '';
      const kept =
        record.outcome !== record.conclusion
          ? ` (outcome ${record.outcome}, continue-on-error)`
          : '';
      print(`  ${colour(MARK[record.conclusion])}${exit}${kept} in ${seconds(record.durationMs)}`);
    },
  });
}

export async function main(argv: string[]): Promise<number> {
  let parsed: CliOptions | 'help';
  try {
    parsed = parseArgs(argv);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    return 2;
  }
  if (parsed === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const options = parsed;
  const style = process.stdout.isTTY && !process.env.NO_COLOR ? colourStyle : plainStyle;
  const print = (line: string) => process.stdout.write(`${line}\n`);
  print(
    style.bold(
      `Demo: ${options.workflow}, scenario "${options.scenario}" (${SCENARIOS[options.scenario].story}). The workflow file is parsed and evaluated as the runner does; our steps are the bundles in dist/.`,
    ),
  );
  const result = await runDemo({
    workflow: options.workflow,
    scenario: options.scenario,
    outDir: options.outDir,
    display: display(style, options.debug, print),
    cleanUpOnInterrupt: true,
    print,
  });
  print('');
  const run = result.run;
  const colour =
    run.status === 'success' ? style.green : run.status === 'failure' ? style.red : style.dim;
  print(style.bold(colour(banner(run))));
  for (const job of run.jobs) {
    print(`  job ${job.id}: ${MARK[job.result]}${job.standIn ? ' (stand-in)' : ''}`);
    const width = Math.max(0, ...job.steps.map((s) => s.name.length));
    for (const [i, s] of job.steps.entries()) {
      const time = s.conclusion === 'skipped' ? '' : seconds(s.durationMs).padStart(8);
      const kind = s.kind === 'stand-in' ? style.dim(' (stand-in)') : '';
      print(
        `    ${String(i + 1).padStart(2)}. ${s.name.padEnd(width)}  ${MARK[s.conclusion].padEnd(11)}${time}${kind}`,
      );
      for (const { annotation, count } of uniqueAnnotations(
        s.annotations.filter((a) => a.level === 'error'),
      ))
        print(style.red(`        ${annotation.message}${count > 1 ? ` (×${count})` : ''}`));
    }
  }
  print(result.problems.length ? style.red(result.verdict) : style.green(result.verdict));
  print(
    `Job summary (Markdown): ${path.relative(process.cwd(), result.markdownPath) || result.markdownPath}`,
  );
  print(`Job summary (HTML):     ${result.htmlPath}`);
  return result.problems.length ? 1 : 0;
}
