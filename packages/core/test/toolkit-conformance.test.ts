// The in-memory protocol double (runner-protocol.ts), which every unit test runs the actions'
// logic against, must write what @actions/core writes. One table of operations goes through our
// Runner on the double and through @actions/core itself (in a child process, with real files and
// a real stdout), and the bytes are compared; only the random heredoc delimiters differ.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Runner, type AnnotationProperties } from '../src/runner';
import { ROOT } from '../../../test/harness/run-action';

type Op =
  | ['setOutput', string, string]
  | ['saveState', string, string]
  | ['exportVariable', string, string]
  | ['setSecret', string]
  | ['info' | 'debug', string]
  | ['notice' | 'warning' | 'error', string, AnnotationProperties?]
  | ['startGroup', string]
  | ['endGroup']
  | ['appendSummary', string]
  | ['getInput', string];

const VALUES = [
  'plain',
  'two\nlines',
  'crlf\r\nline',
  'percent %25 and %0A literal',
  'ünïcödé 🚀 ✅',
  '{"json":[1,2,{"a":"b"}]}',
  '',
  ' leading and trailing spaces ',
  '::error::not a command',
];

const TABLE: Array<{ name: string; env: Record<string, string>; ops: Op[] }> = [
  {
    name: 'outputs, state and env through the file commands',
    env: { GITHUB_OUTPUT: 'F', GITHUB_STATE: 'F', GITHUB_ENV: 'F' },
    ops: VALUES.flatMap((v, i): Op[] => [
      ['setOutput', `out-${i}`, v],
      ['saveState', `state_${i}`, v],
      ['exportVariable', `VAR_${i}`, v],
    ]),
  },
  {
    name: 'outputs, state and env as legacy stdout commands (no files)',
    env: {},
    ops: VALUES.flatMap((v, i): Op[] => [
      ['setOutput', `out-${i}`, v],
      ['saveState', `state_${i}`, v],
      ['exportVariable', `VAR_${i}`, v],
    ]),
  },
  {
    name: 'log lines, masks, groups and annotations',
    env: {},
    ops: [
      ...VALUES.flatMap((v): Op[] => [
        ['info', v],
        ['debug', v],
        ['error', v],
      ]),
      ['setSecret', 's3cr3t-token-value'],
      ['startGroup', 'Group: a, b:c %'],
      ['info', 'inside'],
      ['endGroup'],
      [
        'notice',
        'with props',
        { title: 'Title: a, b', file: 'charts/values.yaml', line: 3, col: 7 },
      ],
      ['warning', 'end positions', { file: 'x.yaml', line: 1, endLine: 2, col: 1, endColumn: 9 }],
      ['error', 'title only', { title: '100% sure' }],
      ['error', 'no properties', {}],
      ['warning', 'a property that is empty', { title: '' }],
      ['notice', 'line zero is left out', { file: 'f', line: 0 }],
    ],
  },
  {
    name: 'the job summary',
    env: { GITHUB_STEP_SUMMARY: 'F' },
    ops: [
      ['appendSummary', '### Heading\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n'],
      ['appendSummary', 'no trailing newline'],
      ['appendSummary', 'ünï 🚀'],
    ],
  },
  {
    name: 'inputs read raw',
    env: {
      INPUT_MY_INPUT: '  spaced value \n',
      'INPUT_MAX-ATTEMPTS': '5',
      INPUT_EMPTY: '',
    },
    ops: [
      ['getInput', 'my input'],
      ['getInput', 'max-attempts'],
      ['getInput', 'empty'],
      ['getInput', 'unset'],
    ],
  },
];

interface Written {
  stdout: string;
  files: Record<string, string>;
  inputs: string[];
}

/** Our layer: the Runner on the in-memory double. */
async function throughOurs(env: Record<string, string>, ops: Op[]): Promise<Written> {
  const files: Record<string, string> = {};
  let stdout = '';
  const fileEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) fileEnv[k] = v === 'F' ? k : v;
  const runner = new Runner({
    env: fileEnv,
    write: (t) => void (stdout += t),
    appendFile: (p, t) => void (files[p] = (files[p] ?? '') + t),
  });
  const inputs: string[] = [];
  for (const op of ops) {
    switch (op[0]) {
      case 'setOutput':
      case 'saveState':
      case 'exportVariable':
        runner[op[0]](op[1], op[2]);
        break;
      case 'setSecret':
        runner.setSecret(op[1]);
        break;
      case 'info':
      case 'debug':
      case 'startGroup':
        runner[op[0]](op[1]);
        break;
      case 'notice':
      case 'warning':
      case 'error':
        runner[op[0]](op[1], op[2]);
        break;
      case 'endGroup':
        runner.endGroup();
        break;
      case 'appendSummary':
        // The Runner ends every summary part with a newline; the toolkit call below gets the same text.
        runner.appendSummary(op[1]);
        break;
      case 'getInput':
        inputs.push(runner.rawInput(op[1]));
        break;
    }
  }
  await runner.flush();
  return { stdout, files, inputs };
}

const TOOLKIT_SCRIPT = `
const core = await import(process.argv[2]);
const ops = JSON.parse(process.argv[3]);
const inputs = [];
const props = (p) => (p === undefined ? undefined : Object.keys(p).length ? { title: p.title, file: p.file, startLine: p.line, endLine: p.endLine, startColumn: p.col, endColumn: p.endColumn } : {});
for (const op of ops) {
  const [name, a, b] = op;
  if (name === 'getInput') inputs.push(core.getInput(a, { trimWhitespace: false }));
  else if (name === 'appendSummary') await core.summary.addRaw(a.endsWith('\\n') ? a : a + '\\n').write();
  else if (name === 'notice' || name === 'warning' || name === 'error') core[name](a, props(b) ?? {});
  else if (name === 'endGroup') core.endGroup();
  else core[name](a, b);
}
process.stderr.write(JSON.stringify(inputs));
`;

/** The reference: @actions/core itself, in a fresh process with real files. */
function throughToolkit(env: Record<string, string>, ops: Op[]): Written {
  const dir = mkdtempSync(path.join(tmpdir(), 'toolkit-conformance-'));
  try {
    const childEnv: Record<string, string> = { PATH: process.env.PATH ?? '' };
    const fileFor: Record<string, string> = {};
    for (const [k, v] of Object.entries(env)) {
      if (v === 'F') {
        fileFor[k] = path.join(dir, k);
        writeFileSync(fileFor[k], '');
        childEnv[k] = fileFor[k];
      } else childEnv[k] = v;
    }
    const script = path.join(dir, 'toolkit.mjs');
    writeFileSync(script, TOOLKIT_SCRIPT);
    const core = pathToFileURL(
      path.join(ROOT, 'node_modules', '@actions', 'core', 'lib', 'core.js'),
    ).href;
    const run = spawnSync(process.execPath, [script, core, JSON.stringify(ops)], {
      env: childEnv,
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`toolkit script failed: ${run.stderr}`);
    const files: Record<string, string> = {};
    for (const [k, file] of Object.entries(fileFor)) {
      const text = readFileSync(file, 'utf8');
      if (text) files[k] = text;
    }
    return { stdout: run.stdout, files, inputs: JSON.parse(run.stderr) as string[] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sameDelimiters = (text: string) => text.replace(/ghadelimiter_[^\r\n]+/g, 'ghadelimiter_X');

function normalized(w: Written): Written {
  return {
    stdout: sameDelimiters(w.stdout),
    files: Object.fromEntries(Object.entries(w.files).map(([k, v]) => [k, sameDelimiters(v)])),
    inputs: w.inputs,
  };
}

describe('the in-memory protocol writes what @actions/core writes', () => {
  test.each(TABLE)('$name', async ({ env, ops }) => {
    const ours = normalized(await throughOurs(env, ops));
    const toolkit = normalized(throughToolkit(env, ops));
    expect(ours).toEqual(toolkit);
    // The comparison is not vacuous: something was written.
    expect(
      ours.stdout.length + Object.keys(ours.files).length + ours.inputs.length,
    ).toBeGreaterThan(0);
  });
});
