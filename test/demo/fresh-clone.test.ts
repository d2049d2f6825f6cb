// The README's first set-up command, as a new user types it, on a fresh clone of this commit:
// `npm ci && npm run demo` (and the bad-release scenario). The second one, `npm ci && npm test`,
// is what CI runs on a fresh clone for every change (.ci/run); running it from inside the test
// suite would run the suite inside itself.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../harness/run-action';

const FIRST = /^(npm ci && npm run demo)\b/m.exec(
  readFileSync(path.join(ROOT, 'README.md'), 'utf8'),
)?.[1];
let clone: string;
let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'fresh-clone-'));
  clone = path.join(scratch, 'cicd-actions');
  execFileSync('git', ['clone', '--quiet', ROOT, clone]);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Only what a person's shell would have: no npm_* variables of the npm run that started jest.
const env = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !/^npm_/i.test(k) && k !== 'NODE_OPTIONS' && k !== 'INIT_CWD',
  ),
);
const sh = (command: string) =>
  spawnSync('sh', ['-c', command], { cwd: clone, env, encoding: 'utf8', timeout: 360_000 });

test('the README names the command', () => {
  expect(FIRST).toBe('npm ci && npm run demo');
});

test('npm ci && npm run demo works on a fresh clone and plays the good release', () => {
  const run = sh(`${FIRST} 2>&1`);
  expect({ code: run.status, tail: run.stdout.split('\n').slice(-6).join('\n') }).toMatchObject({
    code: 0,
  });
  expect(run.stdout).toContain('SUCCESS: the run succeeded');
  expect(run.stdout).toContain('The good scenario ended as it must');
}, 420_000);

test('then npm run demo -- --scenario bad-release shows a failed run that was repaired', () => {
  const run = sh('npm run demo -- --scenario bad-release 2>&1');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('FAILURE: the run failed');
  expect(run.stdout).toContain('The bad-release scenario ended as it must');
}, 200_000);
