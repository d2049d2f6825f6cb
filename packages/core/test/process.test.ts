import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { printableCommand, ProcessError, runProcess, secretArgValues } from '../src/process';

const NODE = process.execPath;
let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'core-process-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A Node script file in the test's directory. */
function script(name: string, body: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, body);
  return file;
}

/** Resolves once `file` exists (the child wrote it), or rejects after `ms`. */
async function fileAppears(file: string, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!existsSync(file)) {
    if (Date.now() > until) throw new Error(`${file} did not appear`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('runProcess', () => {
  test('passes arguments literally (no shell) and returns code and output', async () => {
    const marker = path.join(dir, 'pwned');
    const args = [`$(touch ${marker})`, '; rm -rf /', '"quoted" and \'single\''];
    const r = await runProcess(NODE, [
      '-e',
      'console.log(JSON.stringify(process.argv.slice(1)))',
      ...args,
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(args);
    expect(existsSync(marker)).toBe(false);
  });

  test('a non-zero exit resolves with the code and stderr', async () => {
    const r = await runProcess(NODE, ['-e', 'console.error("boom"); process.exit(3)']);
    expect(r).toMatchObject({ code: 3, stderr: 'boom\n', timedOut: false, cancelled: false });
  });

  test('stdin gets the input, env and cwd are the child’s', async () => {
    const r = await runProcess(
      NODE,
      [
        '-e',
        'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(s+"|"+process.env.ONLY+"|"+process.cwd()))',
      ],
      { input: 'from stdin', env: { ONLY: 'this', PATH: process.env.PATH }, cwd: dir },
    );
    expect(r.stdout.trim()).toBe(`from stdin|this|${dir}`);
  });

  test('a child that outlives the deadline gets SIGTERM at the deadline', async () => {
    const started = Date.now();
    const r = await runProcess(NODE, ['-e', 'setInterval(() => {}, 1000)'], {
      deadline: Date.now() + 300,
    });
    expect(r.timedOut).toBe(true);
    expect(r.signal).toBe('SIGTERM');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  test('a child that ignores SIGTERM is killed after the grace', async () => {
    const ready = path.join(dir, 'ready');
    const child = script(
      'stubborn.mjs',
      `import { writeFileSync } from 'node:fs';
       process.on('SIGTERM', () => {});
       writeFileSync(${JSON.stringify(ready)}, 'x');
       setInterval(() => {}, 1000);`,
    );
    const started = Date.now();
    const r = await runProcess(NODE, [child], { timeoutMs: 500, killGraceMs: 300 });
    expect(existsSync(ready)).toBe(true);
    expect(r.timedOut).toBe(true);
    expect(r.signal).toBe('SIGKILL');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  test('cancellation forwards SIGTERM to the child, which can finish its own cleanup', async () => {
    const ready = path.join(dir, 'ready');
    const cleaned = path.join(dir, 'cleaned');
    const child = script(
      'graceful.mjs',
      `import { writeFileSync } from 'node:fs';
       process.on('SIGTERM', () => { writeFileSync(${JSON.stringify(cleaned)}, 'SIGTERM'); process.exit(7); });
       writeFileSync(${JSON.stringify(ready)}, 'x');
       setInterval(() => {}, 1000);`,
    );
    const controller = new AbortController();
    const pending = runProcess(NODE, [child], { signal: controller.signal });
    await fileAppears(ready);
    controller.abort();
    const r = await pending;
    expect(r).toMatchObject({ cancelled: true, code: 7, timedOut: false });
    expect(readFileSync(cleaned, 'utf8')).toBe('SIGTERM');
  });

  test("the child's own children (its process group) are signalled too", async () => {
    const pidFile = path.join(dir, 'grandchild.pid');
    const child = script(
      'parent.mjs',
      `import { spawn } from 'node:child_process';
       import { writeFileSync } from 'node:fs';
       const g = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
       writeFileSync(${JSON.stringify(pidFile)}, String(g.pid));
       setInterval(() => {}, 1000);`,
    );
    const controller = new AbortController();
    const pending = runProcess(NODE, [child], { signal: controller.signal });
    await fileAppears(pidFile);
    const grandchild = Number(readFileSync(pidFile, 'utf8'));
    expect(alive(grandchild)).toBe(true);
    controller.abort();
    await pending;
    const until = Date.now() + 3000;
    while (alive(grandchild) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(alive(grandchild)).toBe(false);
  });

  test('an already-aborted signal starts nothing', async () => {
    const marker = path.join(dir, 'started');
    const controller = new AbortController();
    controller.abort();
    const r = await runProcess(
      NODE,
      ['-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`],
      {
        signal: controller.signal,
      },
    );
    expect(r.cancelled).toBe(true);
    await new Promise((res) => setTimeout(res, 200));
    expect(existsSync(marker)).toBe(false);
  });

  test('output beyond the cap is dropped and flagged', async () => {
    const r = await runProcess(NODE, ['-e', 'process.stdout.write("x".repeat(100000))'], {
      maxOutputBytes: 1000,
    });
    expect(r.stdout).toHaveLength(1000);
    expect(r.truncated).toBe(true);
  });

  test('redact is applied to the captured output and to each line callback', async () => {
    const lines: string[] = [];
    const r = await runProcess(
      NODE,
      ['-e', 'console.log("token=s3cr3t-value"); console.error("again s3cr3t-value")'],
      {
        redact: (t) => t.split('s3cr3t-value').join('***'),
        onStdoutLine: (l) => lines.push(l),
      },
    );
    expect(r.stdout).toBe('token=***\n');
    expect(r.stderr).toBe('again ***\n');
    expect(lines).toEqual(['token=***']);
  });

  test('a missing binary rejects with reason not-found, naming it', async () => {
    const err = await runProcess('no-such-binary-here', []).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProcessError);
    expect((err as ProcessError).reason).toBe('not-found');
    expect((err as ProcessError).message).toBe('cannot run no-such-binary-here: not found');
  });

  test('arguments beyond what the OS accepts reject with reason too-long', async () => {
    const err = await runProcess(NODE, ['-e', '0', 'x'.repeat(4 * 1024 * 1024)]).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ProcessError);
    expect((err as ProcessError).reason).toBe('too-long');
  });
});

describe('secret arguments', () => {
  test.each([
    { args: ['--token', 'abc123', 'get'], secrets: ['abc123'], shown: 'cmd --token *** get' },
    { args: ['--client-secret=s3cr3t'], secrets: ['s3cr3t'], shown: 'cmd --client-secret=***' },
    {
      args: ['--password', 'p', '--user', 'bob'],
      secrets: ['p'],
      shown: 'cmd --password *** --user bob',
    },
    {
      args: ['eks', 'get-token', '--cluster-name', 'prod'],
      secrets: [],
      shown: 'cmd eks get-token --cluster-name prod',
    },
    {
      args: ['-f', 'values with space.yaml'],
      secrets: [],
      shown: 'cmd -f "values with space.yaml"',
    },
    { args: ['--token'], secrets: [], shown: 'cmd --token' },
  ])('$args', ({ args, secrets, shown }) => {
    expect(secretArgValues(args)).toEqual(secrets);
    expect(printableCommand('cmd', args)).toBe(shown);
  });
});
