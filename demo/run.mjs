// `npm run demo`: compiles the demo (TypeScript, demo/src/) with ncc into demo/out/ when the
// source changed since the last compile, then runs it on this Node (>= 24, the runtime the actions
// declare): npm run demo -- [--scenario bad-release]
import '../scripts/require-node.mjs';
import { cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// demo/out/ sits two levels below the root like test/harness/, so the bundled harness finds the
// repository from its own location.
const outDir = path.join(root, 'demo', 'out');
const bundle = path.join(outDir, 'index.mjs');
const sources = [
  'demo/src',
  'demo/run.mjs',
  'test/harness',
  'test/k8s-sim',
  'test/helm',
  'packages/core/src',
].map((p) => path.join(root, p));

function newestMtime(entry) {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

if (
  !existsSync(bundle) ||
  statSync(bundle).mtimeMs < Math.max(...sources.filter(existsSync).map(newestMtime))
) {
  const started = performance.now();
  const { default: ncc } = await import('@vercel/ncc');
  // Type checking is `npm run typecheck`'s job; transpiling only keeps the first run short.
  const { code } = await ncc(path.join(root, 'demo', 'src', 'index.ts'), {
    cache: false,
    quiet: true,
    minify: false,
    sourceMap: false,
    target: 'es2023',
    transpileOnly: true,
  });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(bundle, code);
  // The simulated cluster reads its TLS material next to its own module, i.e. next to the bundle.
  cpSync(path.join(root, 'test', 'k8s-sim', 'fixtures'), path.join(outDir, 'fixtures'), {
    recursive: true,
  });
  process.stderr.write(
    `demo: compiled demo/src with ncc in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}
await import(pathToFileURL(bundle).href);
