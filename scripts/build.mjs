// Bundles every action (actions/<name>/src/index.ts) with ncc into dist/<name>/.
// Deterministic: no cache, no timestamps; two builds in a row are byte-identical.
// Usage: node scripts/build.mjs [name ...]   (no names: all actions)
import './require-node.mjs';
import ncc from '@vercel/ncc';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const all = readdirSync(path.join(root, 'actions'), { withFileTypes: true })
  .filter(
    (d) => d.isDirectory() && existsSync(path.join(root, 'actions', d.name, 'src', 'index.ts')),
  )
  .map((d) => d.name)
  .sort();
const wanted = process.argv.slice(2);
for (const name of wanted) if (!all.includes(name)) throw new Error(`no action named ${name}`);

// A full build starts from an empty dist/ so that nothing stale survives.
if (!wanted.length) rmSync(path.join(root, 'dist'), { recursive: true, force: true });
for (const name of wanted.length ? wanted : all) {
  const entry = path.join(root, 'actions', name, 'src', 'index.ts');
  const out = path.join(root, 'dist', name);
  const { code, map, assets } = await ncc(entry, {
    cache: false,
    quiet: true,
    minify: false,
    sourceMap: false,
    license: 'licenses.txt',
    target: 'es2023',
  });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'index.js'), code);
  if (map) writeFileSync(path.join(out, 'index.js.map'), map);
  for (const [file, asset] of Object.entries(assets)) {
    const target = path.join(out, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, asset.source);
    if (asset.permissions) chmodSync(target, asset.permissions);
  }
  // The bundle is ESM; this marker makes Node read it so even without the repository's package.json.
  writeFileSync(path.join(out, 'package.json'), '{ "type": "module" }\n');
  console.log(`built dist/${name}`);
}
