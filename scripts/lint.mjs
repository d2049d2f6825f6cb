// `npm run lint`: formatting (prettier, print width 100, .prettierrc.json) and typescript-eslint
// (eslint.config.mjs). `npm run lint -- --fix` rewrites what they can fix.
import './require-node.mjs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fix = process.argv.includes('--fix');
const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);
const steps = [
  [
    'prettier',
    [bin('prettier', 'bin/prettier.cjs'), fix ? '--write' : '--check', '--log-level', 'warn', '.'],
  ],
  ['eslint', [bin('eslint', 'bin/eslint.js'), ...(fix ? ['--fix'] : []), '.']],
];
let failed = false;
for (const [name, args] of steps) {
  const run = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(
      `lint: ${name} found problems${fix ? '' : ' (npm run lint -- --fix fixes most)'}`,
    );
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
