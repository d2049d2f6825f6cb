// The oracle: the real Helm 3 and 4 render a chart (helm-oracle/) whose template prints every
// value it reads from a values file — path, kindOf, toJson and what `{{ .Values.x }}` prints — so
// tests assert what Helm reads, not what our own YAML model thinks it reads.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { helmBinary, type HelmMajor } from '../../../test/helm/binaries';

export const ORACLE_CHART = path.join(path.dirname(fileURLToPath(import.meta.url)), 'helm-oracle');

export interface HelmRead {
  /** Go's kind of the value: string, float64, bool, invalid (null), map or slice (empty ones). */
  kind: string;
  /** The value as toJson prints it, parsed. */
  json: unknown;
  /** What `{{ .Values.x }}` renders (Go's %v), e.g. 16.1 for a float. */
  text: string;
}

/** path (a JSON array of keys and indices) → what Helm read there; or Helm's error. */
export type HelmReads = { ok: true; reads: Map<string, HelmRead> } | { ok: false; error: string };

const home = mkdtempSync(path.join(tmpdir(), 'helm-oracle-home-'));
process.on('exit', () => rmSync(home, { recursive: true, force: true }));

export function pathKey(p: ReadonlyArray<string | number>): string {
  return JSON.stringify(p);
}

/** One `helm template` of the oracle chart with `valuesFile`, by the given Helm major. */
export function helmReads(major: HelmMajor, valuesFile: string): Promise<HelmReads> {
  const helm = helmBinary(major).path;
  return new Promise((resolve) => {
    execFile(
      helm,
      ['template', 'oracle', ORACLE_CHART, '-f', valuesFile],
      {
        env: {
          PATH: process.env.PATH,
          HELM_CACHE_HOME: home,
          HELM_CONFIG_HOME: home,
          HELM_DATA_HOME: home,
        },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 60_000,
      },
      (err, stdout, stderr) => {
        if (err) return resolve({ ok: false, error: (stderr || err.message).trim() });
        const reads = new Map<string, HelmRead>();
        // Each line is base64 of one JSON array, so no character of a value can break the output.
        const block = stdout.split('\nreads: |\n')[1] ?? '';
        for (const line of block.split('\n')) {
          const t = line.trim();
          if (!/^[A-Za-z0-9+/=]+$/.test(t)) continue;
          const [p, kind, json, text] = JSON.parse(Buffer.from(t, 'base64').toString('utf8')) as [
            Array<string | number>,
            string,
            unknown,
            string,
          ];
          reads.set(pathKey(p), { kind, json, text });
        }
        resolve({ ok: true, reads });
      },
    );
  });
}

/** The kind and JSON Helm should read for a JS value the test asks for. */
export function expectedRead(value: string | number | boolean | null): Omit<HelmRead, 'text'> {
  if (value === null) return { kind: 'invalid', json: null };
  if (typeof value === 'number') return { kind: 'float64', json: value };
  if (typeof value === 'boolean') return { kind: 'bool', json: value };
  return { kind: 'string', json: value };
}
