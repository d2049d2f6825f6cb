// `npm run demo [-- --scenario good|bad-release] [--out DIR] [--debug]`: plays the deploy job and
// prints its log like the runner's log view, one block per step, then where the summary went.
import path from 'node:path';
import { ROOT } from '../../test/harness/run-action';
import type { JobHooks } from './job';
import { colourStyle, plainStyle, renderLogText, type TerminalStyle } from './job-log';
import { runDemo, SCENARIOS, type Scenario } from './demo';
import { seconds } from './report';

interface CliOptions {
  scenario: Scenario;
  outDir: string;
  debug: boolean;
}

export const USAGE = 'usage: npm run demo [-- --scenario good|bad-release] [--out DIR] [--debug]';

export function parseArgs(argv: string[]): CliOptions | 'help' {
  const options: CliOptions = {
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
      if (!SCENARIOS.includes(s as Scenario))
        throw new Error(`--scenario must be one of ${SCENARIOS.join(', ')}, got '${s}'`);
      options.scenario = s as Scenario;
    } else if (flag === '--out') options.outDir = path.resolve(value());
    else if (flag === '--debug') options.debug = true;
    else if (flag === '--help' || flag === '-h') return 'help';
    else throw new Error(`unknown argument '${arg}' (try --help)`);
  }
  return options;
}

function terminalHooks(
  style: TerminalStyle,
  debug: boolean,
): (print: (l: string) => void, sinkLines: string[], total: number) => JobHooks {
  return (print, sinkLines, total) => ({
    onStepStart(step, index, inputs) {
      print('');
      print(style.bold(`━━ [${index + 1}/${total}] ${step.name}`));
      print(
        style.dim(
          'uses' in step
            ? `Run acme/cicd-actions/actions/${step.uses}@<sha>  (bundled: dist/${step.uses}/index.js)`
            : `Run ${step.script}`,
        ),
      );
      const entries = Object.entries(inputs);
      if (entries.length) {
        print(style.dim('  with:'));
        // Secrets in inputs show as *** because the runner masked them before the job started.
        for (const [k, v] of entries)
          print(style.dim(`    ${k}: ${v.includes('\n') ? `${v.split('\n')[0]} …` : v}`));
      }
    },
    onStepEnd(record, index) {
      if (record.conclusion === 'skipped') {
        print('');
        print(
          style.dim(
            `━━ [${index + 1}/${total}] ${record.name} — skipped (if: ${record.condition}())`,
          ),
        );
        return;
      }
      for (const line of renderLogText(record.log, style, debug)) print(`  ${line}`);
      for (const line of sinkLines.splice(0)) print(style.cyan(`  ${line}`));
      const outputs = Object.entries(record.outputs).map(([k, v]) => {
        const flat = v.replace(/\r?\n/g, '⏎');
        return `${k}=${flat.length > 60 ? `${flat.slice(0, 57)}…` : flat}`;
      });
      if (outputs.length) print(style.dim(`  outputs: ${outputs.join(', ')}`));
      const mark =
        record.conclusion === 'success'
          ? style.green('✓ success')
          : style.red(`✗ failure (exit ${record.exitCode ?? 'none: not started or killed'})`);
      print(`  ${mark} in ${seconds(record.durationMs)}`);
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
      `Demo: the deploy job, scenario "${options.scenario}" — every step is the bundled action from dist/, run as the runner runs it.`,
    ),
  );
  const result = await runDemo({
    scenario: options.scenario,
    outDir: options.outDir,
    print,
    hooks: terminalHooks(style, options.debug),
    cleanUpOnInterrupt: true,
  });
  print('');
  print(style.bold(`Job ${result.job.status} in ${seconds(result.job.durationMs)}`));
  const width = Math.max(...result.job.steps.map((s) => s.name.length));
  for (const [i, s] of result.job.steps.entries()) {
    const mark =
      s.conclusion === 'success'
        ? style.green('✓')
        : s.conclusion === 'failure'
          ? style.red('✗')
          : style.dim('–');
    const time =
      s.conclusion === 'skipped' ? style.dim('skipped') : seconds(s.durationMs).padStart(7);
    print(`  ${mark} ${String(i + 1).padStart(2)}. ${s.name.padEnd(width)}  ${time}`);
  }
  print(result.problems.length ? style.red(result.verdict) : style.green(result.verdict));
  print(
    `Job summary (Markdown): ${path.relative(process.cwd(), result.markdownPath) || result.markdownPath}`,
  );
  print(`Job summary (HTML):     ${result.htmlPath}`);
  return result.problems.length ? 1 : 0;
}
