// Runs one process and measures its wall time, CPU time and peak RSS.
//
// Node cannot read a child's rusage: process.resourceUsage() is RUSAGE_SELF only, and
// spawn/spawnSync return none. So the child is started by a launcher that fork()s, exec()s it
// and reads the kernel's rusage of exactly that child from wait4():
//   1. wait4 (preferred): a 12-line python3 launcher — ru_maxrss (peak RSS), ru_utime + ru_stime
//      (CPU time, µs resolution) and the wall time from fork to wait4, all for the child alone.
//   2. gnu-time: /usr/bin/time -f %M — the same ru_maxrss, but CPU time only to 10 ms, so none.
//   3. preload: a Node --import that writes process.resourceUsage() at 'exit' (the same counters
//      read from inside; misses the few ms of bootstrap before the preload runs).
// CPU time matters on a shared machine: waiting for a CPU inflates wall time but not CPU time,
// so CPU ratios stay meaningful when other work is running.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const GNU_TIME = '/usr/bin/time';
const PYTHON = (process.env.PATH ?? '')
  .split(path.delimiter)
  .map((d) => path.join(d, 'python3'))
  .find((f) => existsSync(f));

const WAIT4_LAUNCHER = `
import json, os, sys, time
out, argv = sys.argv[1], sys.argv[2:]
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execv(argv[0], argv)
    finally:
        os._exit(127)
_, status, ru = os.wait4(pid, 0)
wall = (time.perf_counter() - t0) * 1000
with open(out, 'w') as f:
    json.dump({'wallMs': wall, 'cpuMs': (ru.ru_utime + ru.ru_stime) * 1000, 'rssKiB': ru.ru_maxrss}, f)
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
`;

export const rssMethod =
  PYTHON && process.env.BENCH_RUSAGE !== 'gnu-time'
    ? 'wait4'
    : existsSync(GNU_TIME)
      ? 'gnu-time'
      : 'preload';

let helperDir;
function helper(name, text) {
  helperDir ??= mkdtempSync(path.join(tmpdir(), 'bench-measure-'));
  const file = path.join(helperDir, name);
  if (!existsSync(file)) writeFileSync(file, text);
  return file;
}
const preloadPath = () =>
  helper(
    'rusage-preload.mjs',
    "import { writeFileSync } from 'node:fs';\n" +
      "process.on('exit', () => { try { const u = process.resourceUsage(); writeFileSync(process.env.BENCH_RSS_FILE, JSON.stringify({ rssKiB: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 })); } catch {} });\n",
  );

/**
 * Spawns `command args` and resolves when it exits.
 * wallMs: with the wait4 launcher, fork → wait4 of the child alone; otherwise from just before
 * spawn() to the child's exit as seen here (includes GNU time's own exec, the same for every case).
 * cpuMs: user + system CPU of the child (null with GNU time or rusage: false). exitAt: when this process saw the
 * exit (performance.now()), for latency figures.
 * @returns {Promise<{code:number|null, signal:string|null, wallMs:number, cpuMs:number|null, rssKiB:number|null, stdout:string, stderr:string, exitAt:number, startAt:number}>}
 */
export function measureProcess({
  command,
  args = [],
  env = {},
  cwd,
  timeoutMs = 60_000,
  onSpawn,
  isNode = true,
  rusage = true,
}) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'bench-run-'));
  const usageFile = path.join(scratch, 'usage');
  let cmd = command;
  let argv = args;
  const childEnv = { ...env };
  // rusage: false spawns the command directly (latency figures: no launcher between it and us).
  const method = rusage ? rssMethod : 'none';
  if (method === 'wait4') {
    cmd = PYTHON;
    argv = ['-S', '-c', WAIT4_LAUNCHER, usageFile, command, ...args];
  } else if (method === 'gnu-time') {
    cmd = GNU_TIME;
    argv = ['-f', '%M', '-o', usageFile, '--', command, ...args];
  } else if (method === 'preload' && isNode) {
    argv = ['--import', preloadPath(), ...args];
    childEnv.BENCH_RSS_FILE = usageFile;
  }
  return new Promise((resolve, reject) => {
    const startAt = performance.now();
    // Its own process group, so that a timeout kills the launcher and the measured child together.
    const child = spawn(cmd, argv, {
      cwd,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    let exitAt = 0;
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    // 'exit' is the moment the process ended; 'close' waits for the pipes to drain as well.
    child.on('exit', () => (exitAt = performance.now()));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let usage = {};
      try {
        const text = readFileSync(usageFile, 'utf8').trim();
        // GNU time writes "Command exited with non-zero status N" before the figure on failure.
        usage =
          method === 'gnu-time' ? { rssKiB: Number(text.split('\n').pop()) } : JSON.parse(text);
      } catch {
        // no figures (killed, or no preload in a non-Node command)
      }
      rmSync(scratch, { recursive: true, force: true });
      resolve({
        code,
        signal,
        wallMs: usage.wallMs ?? exitAt - startAt,
        cpuMs: usage.cpuMs ?? null,
        rssKiB: usage.rssKiB || null,
        stdout,
        stderr,
        exitAt,
        startAt,
      });
    });
    onSpawn?.(child, startAt);
  });
}

export function median(values) {
  const xs = values
    .filter((v) => typeof v === 'number' && Number.isFinite(v))
    .sort((a, b) => a - b);
  if (!xs.length) return NaN;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** Median absolute deviation: a spread figure that one outlier run does not move. */
export function mad(values) {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}
