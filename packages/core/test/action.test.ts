import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ncc from '@vercel/ncc';
import { runAction, CancelledError, throwIfCancelled } from '../src/action';
import { InputError } from '../src/errors';
import { Runner } from '../src/runner';
import { parseFileCommands } from '../../../test/harness/run-action';

const here = path.dirname(fileURLToPath(import.meta.url));

function memory(env: Record<string, string> = {}) {
  let stdout = '';
  const runner = new Runner({
    env: { ...env },
    write: (t) => void (stdout += t),
    appendFile: () => undefined,
  });
  return { runner, stdout: () => stdout };
}

/** A stand-in for `process`: records handlers and the exit, never exits the test. */
function fakeHost() {
  const handlers = new Map<string, () => void>();
  const host = {
    exitCode: undefined as number | undefined,
    exited: undefined as number | undefined,
    on: (sig: string, fn: () => void) => void handlers.set(sig, fn),
    off: (sig: string) => void handlers.delete(sig),
    exit: (code?: number) => void (host.exited = code),
    send: (sig: string) => handlers.get(sig)?.(),
    handlers,
  };
  return host;
}

describe('runAction (in process)', () => {
  test('an InputError becomes one ::error:: line and exit code 1, no stack', async () => {
    const { runner, stdout } = memory();
    const host = fakeHost();
    await runAction(
      async () => {
        throw new InputError('timeout', "expected a duration like 30s, got 'soon'");
      },
      { runner, host: host as never },
    );
    expect(host.exitCode).toBe(1);
    expect(stdout()).toBe("::error::Input 'timeout': expected a duration like 30s, got 'soon'\n");
  });

  test('the stack is shown only with RUNNER_DEBUG=1, redacted', async () => {
    const { runner, stdout } = memory({ RUNNER_DEBUG: '1' });
    runner.setSecret('hunter2-password');
    await runAction(
      async () => {
        throw new Error('login hunter2-password');
      },
      { runner, host: fakeHost() as never },
    );
    expect(stdout()).toContain('::error::login ***');
    expect(stdout()).toMatch(/::debug::Error: login \*\*\*%0A +at /);
    expect(stdout()).not.toContain('hunter2-password%0A');
  });

  test('cleanups run once, last registered first, on success and on failure', async () => {
    for (const fail of [false, true]) {
      const order: string[] = [];
      await runAction(
        async ({ onCleanup }) => {
          onCleanup(() => void order.push('first'));
          onCleanup(async () => void order.push('second'));
          if (fail) throw new Error('x');
        },
        { runner: memory().runner, host: fakeHost() as never },
      );
      expect(order).toEqual(['second', 'first']);
    }
  });

  test('the first signal aborts the context; main’s error is reported as cancelled; exit 1', async () => {
    const { runner, stdout } = memory();
    const host = fakeHost();
    let seen: unknown;
    await runAction(
      async ({ signal }) => {
        setTimeout(() => host.send('SIGINT'), 10);
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
        seen = signal.reason;
        throwIfCancelled(signal);
      },
      { runner, host: host as never },
    );
    expect(seen).toBeInstanceOf(CancelledError);
    expect(stdout()).toContain('Received SIGINT: the job is being cancelled; stopping.\n');
    expect(stdout()).toContain('::error::cancelled (SIGINT)\n');
    expect(host.exited).toBe(1);
    expect(host.handlers.size).toBe(0);
  });

  test('proxy credentials in HTTPS_PROXY/HTTP_PROXY are masked before main runs', async () => {
    const { runner, stdout } = memory({
      HTTPS_PROXY: 'http://proxy-user:pr0xy-pa55@proxy.corp:3128',
      http_proxy: 'http://other:s3cond-pa55@proxy.corp:3128',
    });
    let before = '';
    await runAction(async () => void (before = stdout()), { runner, host: fakeHost() as never });
    expect(before).toContain('::add-mask::pr0xy-pa55\n');
    expect(before).toContain('::add-mask::s3cond-pa55\n');
    expect(before).not.toMatch(/::add-mask::proxy-user\n/);
  });

  test('inputs named as secrets (github-token, slack-token) are masked before main reads them', async () => {
    const { runner, stdout } = memory({
      'INPUT_GITHUB-TOKEN': 'ghs_notYetValidatedTokenValue',
      'INPUT_SLACK-TOKEN': 'slack-token-value-42',
      INPUT_NAMESPACE: 'production',
    });
    let before = '';
    await runAction(async () => void (before = stdout()), { runner, host: fakeHost() as never });
    expect(before).toContain('::add-mask::ghs_notYetValidatedTokenValue\n');
    expect(before).toContain('::add-mask::slack-token-value-42\n');
    expect(before).not.toContain('production');
  });

  test('a main that does not report after the cancel still leaves a summary saying cancelled', async () => {
    let summary = '';
    const runner = new Runner({
      env: { GITHUB_STEP_SUMMARY: 'summary.md' },
      write: () => undefined,
      appendFile: (_f, t) => void (summary += t),
    });
    const host = fakeHost();
    await runAction(
      async ({ signal }) => {
        runner.appendSummary('written before the signal');
        setTimeout(() => host.send('SIGTERM'), 10);
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
        throw new Error('the watch was closed');
      },
      { runner, host: host as never },
    );
    expect(summary).toContain('written before the signal');
    expect(summary).toMatch(
      /### ⏹️ Cancelled\n\nThe job was cancelled \(SIGTERM\) while this step was running: it stopped: the watch was closed\./,
    );
    expect(host.exited).toBe(1);
  });

  test('a main that reports the cancel itself gets no second summary from runAction', async () => {
    let summary = '';
    const runner = new Runner({
      env: { GITHUB_STEP_SUMMARY: 'summary.md' },
      write: () => undefined,
      appendFile: (_f, t) => void (summary += t),
    });
    const host = fakeHost();
    await runAction(
      async ({ signal }) => {
        setTimeout(() => host.send('SIGTERM'), 10);
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
        runner.appendSummary('Health check cancelled after 1 attempt');
        throwIfCancelled(signal);
      },
      { runner, host: host as never },
    );
    expect(summary).toBe('Health check cancelled after 1 attempt\n');
  });

  test('the legacy form runAction(runner, main) still reports errors', async () => {
    const { runner, stdout } = memory();
    const saved = process.exitCode;
    await runAction(runner, async () => {
      throw new Error('old style');
    });
    expect(process.exitCode).toBe(1);
    process.exitCode = saved;
    expect(stdout()).toBe('::error::old style\n');
  });
});

describe('runAction in a real process, with real signals', () => {
  let dir: string;
  let bundle: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'core-action-'));
    // ncc announces its TypeScript version on console.log even when quiet.
    const log = console.log;
    console.log = () => undefined;
    const { code } = await ncc(path.join(here, 'fixtures', 'cancel-action.ts'), {
      cache: false,
      quiet: true,
      target: 'es2023',
    }).finally(() => (console.log = log));
    bundle = path.join(dir, 'index.mjs');
    writeFileSync(bundle, code);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function start(mode: string, child: string, extra: Record<string, string> = {}) {
    const ready = path.join(dir, `${mode}-ready`);
    const output = path.join(dir, `${mode}-output`);
    const summary = path.join(dir, `${mode}-summary`);
    writeFileSync(output, '');
    writeFileSync(summary, '');
    const childScript = path.join(dir, `${mode}-child.mjs`);
    writeFileSync(childScript, child.replaceAll('READY', JSON.stringify(ready)));
    const proc = spawn(process.execPath, [bundle], {
      env: {
        PATH: process.env.PATH,
        MODE: mode,
        READY: ready,
        CHILD_SCRIPT: childScript,
        FIXTURE_TEMP: dir,
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: summary,
        ...extra,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    proc.stdout.on('data', (d) => (stdout += d));
    const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
      proc.on('exit', (code) => resolve({ code, at: Date.now() })),
    );
    const readyAt = (async () => {
      while (!existsSync(ready)) await new Promise((r) => setTimeout(r, 10));
      return Date.now();
    })();
    return { proc, exited, readyAt, stdout: () => stdout, output, summary };
  }

  const GRACEFUL_CHILD = `import { writeFileSync } from 'node:fs';
    process.on('SIGTERM', () => setTimeout(() => process.exit(7), 300));
    writeFileSync(READY, String(process.pid));
    setInterval(() => {}, 1000);`;

  test('SIGINT: the child gets SIGTERM, outputs and summary say cancelled, temp files go, exit 1 within 2 s', async () => {
    const run = start('graceful', GRACEFUL_CHILD);
    await run.readyAt;
    const sent = Date.now();
    run.proc.kill('SIGINT');
    const { code, at } = await run.exited;
    expect(code).toBe(1);
    expect(at - sent).toBeLessThan(2000);
    expect(run.stdout()).toContain('::error::cancelled (SIGINT): child stopped with 7');
    expect(parseFileCommands(readFileSync(run.output, 'utf8'))).toEqual({ status: 'cancelled' });
    expect(readFileSync(run.summary, 'utf8')).toBe('### cancelled\n');
    const temp = /tempdir=(.*)/.exec(run.stdout())![1];
    expect(existsSync(temp)).toBe(false);
  });

  test('a second signal exits at once and kills a child still in its grace', async () => {
    const stubborn = `import { writeFileSync } from 'node:fs';
      process.on('SIGTERM', () => {});
      writeFileSync(READY, String(process.pid));
      setInterval(() => {}, 1000);`;
    const run = start('stubborn', stubborn, { KILL_GRACE_MS: '6000' });
    await run.readyAt;
    const childPid = Number(readFileSync(path.join(dir, 'stubborn-ready'), 'utf8'));
    run.proc.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 300));
    const second = Date.now();
    run.proc.kill('SIGTERM');
    const { code, at } = await run.exited;
    expect(code).toBe(143);
    expect(at - second).toBeLessThan(1000);
    const until = Date.now() + 2000;
    let alive = true;
    while (alive && Date.now() < until) {
      try {
        process.kill(childPid, 0);
        await new Promise((r) => setTimeout(r, 20));
      } catch {
        alive = false;
      }
    }
    expect(alive).toBe(false);
  });

  test('a main that never stops still ends shortly after the signal, cleanups done', async () => {
    const run = start('ignore-abort', GRACEFUL_CHILD);
    await run.readyAt;
    const sent = Date.now();
    run.proc.kill('SIGTERM');
    const { code, at } = await run.exited;
    expect(code).toBe(1);
    expect(at - sent).toBeLessThan(2500);
    expect(run.stdout()).toMatch(
      /::error::cancelled \(SIGTERM\): stopped after \d+ ms without finishing/,
    );
    const temp = /tempdir=(.*)/.exec(run.stdout())![1];
    expect(existsSync(temp)).toBe(false);
  });
});
