// Runs one process and measures its wall time and peak RSS.
//
// Peak RSS: Node cannot read a child's rusage (process.resourceUsage() is RUSAGE_SELF only, and
// spawn/spawnSync return none), so the child runs under GNU time, which takes the child's
// ru_maxrss from wait4() — the kernel's own high-water mark of that process. Where /usr/bin/time
// is missing, a preload (--import) records the child's own process.resourceUsage().maxRSS at
// 'exit' into a file: the same figure, read from inside (it misses memory freed before exit
// handlers run, which ru_maxrss still counts — it is a high-water mark, so nothing is missed).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const GNU_TIME = '/usr/bin/time';
export const rssMethod = existsSync(GNU_TIME) ? 'gnu-time' : 'preload';

let preloadFile;
function preloadPath() {
  if (!preloadFile) {
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-rss-'));
    preloadFile = path.join(dir, 'rss-preload.mjs');
    writeFileSync(
      preloadFile,
      "import { writeFileSync } from 'node:fs';\n" +
        "process.on('exit', () => { try { writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)); } catch {} });\n",
    );
  }
  return preloadFile;
}

/**
 * Spawns `command args` and resolves when it exits.
 * wallMs is measured in this process from just before spawn() to the child's exit, so it
 * includes process creation, like the runner's step time; every case pays the same overhead.
 * @returns {Promise<{code:number|null, signal:string|null, wallMs:number, rssKiB:number|null, stdout:string, stderr:string, exitAt:number, startAt:number}>}
 */
export function measureProcess({ command, args = [], env = {}, cwd, timeoutMs = 60_000, onSpawn, isNode = true }) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'bench-run-'));
  const rssFile = path.join(scratch, 'rss');
  let cmd = command;
  let argv = args;
  const childEnv = { ...env };
  if (rssMethod === 'gnu-time') {
    cmd = GNU_TIME;
    argv = ['-f', '%M', '-o', rssFile, '--', command, ...args];
  } else if (isNode) {
    argv = ['--import', preloadPath(), ...args];
    childEnv.BENCH_RSS_FILE = rssFile;
  }
  return new Promise((resolve, reject) => {
    const startAt = performance.now();
    const child = spawn(cmd, argv, { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    let exitAt = 0;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    // 'exit' is the moment the process ended; 'close' waits for the pipes to drain as well.
    child.on('exit', () => (exitAt = performance.now()));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let rssKiB = null;
      try {
        const text = readFileSync(rssFile, 'utf8').trim();
        // GNU time writes "Command exited with non-zero status N" before the figure on failure.
        const last = text.split('\n').pop();
        rssKiB = Number(last) || null;
      } catch {
        // no figure (killed, or no preload in a non-Node command)
      }
      rmSync(scratch, { recursive: true, force: true });
      resolve({ code, signal, wallMs: exitAt - startAt, rssKiB, stdout, stderr, exitAt, startAt });
    });
    onSpawn?.(child, startAt);
  });
}

export function median(values) {
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (!xs.length) return NaN;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** Median absolute deviation: a spread figure that one outlier run does not move. */
export function mad(values) {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}
