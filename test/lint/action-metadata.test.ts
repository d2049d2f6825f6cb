// Every actions/*/action.yml validated against the action metadata schema with
// @action-validator/cli (a WASM build: runs after `npm ci` without install scripts).
// Its 0.6.0 schema predates `runs.using: node24` (its enum stops at node20), so each file is
// validated as written except for that one value, and node24 is asserted separately.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { NODE, ROOT } from '../harness/run-action';

const CLI = path.join(ROOT, 'node_modules', '@action-validator', 'cli', 'cli.mjs');
const ACTIONS = readdirSync(path.join(ROOT, 'actions'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(ROOT, 'actions', d.name, 'action.yml')))
  .map((d) => d.name)
  .sort();

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'action-validator-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the validator CLI on `text` saved as <dir>/action.yml (the CLI picks the schema by file name). */
function validate(dir: string, text: string): { code: number | null; output: string } {
  const folder = path.join(scratch, dir);
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'action.yml');
  writeFileSync(file, text);
  const run = spawnSync(NODE, [CLI, file], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, FORCE_COLOR: '0' },
  });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

const MINIMAL = 'name: x\ndescription: y\nruns:\n  using: node20\n  main: index.js\n';

describe('@action-validator/cli runs here', () => {
  test('a valid node20 action passes', () => {
    expect(validate('valid', MINIMAL)).toEqual({ code: 0, output: '' });
  });
  test('an action without description and with a non-string main fails with the schema paths', () => {
    const result = validate('broken', 'name: x\nruns:\n  using: node20\n  main: 1\n');
    expect(result.code).toBe(1);
    expect(result.output).toContain('"path": "/description"');
    expect(result.output).toContain('"path": "/runs/main"');
  });
  test('its schema rejects node24 on runs.using only (why node24 is checked separately below)', () => {
    const result = validate('node24', MINIMAL.replace('node20', 'node24'));
    expect(result.code).toBe(1);
    const errors = JSON.parse(result.output).errors as {
      path: string;
      states?: { errors: { path: string; code: string }[] }[];
    }[];
    expect(errors.map((e) => e.path)).toEqual(['/runs']);
    expect(errors[0].states?.[0].errors).toEqual([
      expect.objectContaining({ path: '/runs/using', code: 'enum' }),
    ]);
  });
});

describe('actions/*/action.yml', () => {
  test('there are actions to check', () => {
    expect(ACTIONS.length).toBeGreaterThan(0);
  });

  test.each(ACTIONS)('%s matches the action schema', (name) => {
    const text = readFileSync(path.join(ROOT, 'actions', name, 'action.yml'), 'utf8');
    const asNode20 = text.replace(/^(\s+using:\s*)(['"]?)node24\2(\s*(?:#.*)?)$/m, '$1node20$3');
    expect(asNode20).not.toBe(text);
    const result = validate(name, asNode20);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  test.each(ACTIONS)('%s runs on node24 from its bundle in dist/', (name) => {
    const meta = parseYaml(
      readFileSync(path.join(ROOT, 'actions', name, 'action.yml'), 'utf8'),
    ) as { runs: { using: string; main: string } };
    expect(meta.runs.using).toBe('node24');
    expect(path.resolve(ROOT, 'actions', name, meta.runs.main)).toBe(
      path.join(ROOT, 'dist', name, 'index.js'),
    );
  });
});
