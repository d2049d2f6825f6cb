// Fails when the committed generated files (dist/, action-catalog.md) differ from what the
// source builds: `git status --porcelain` also catches new untracked files, unlike `git diff`.
// Usage: node scripts/check-generated.mjs [--no-build]   (--no-build: the build just ran)
import './require-node.mjs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!process.argv.includes('--no-build')) {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/catalog.mjs'], { cwd: root, stdio: 'inherit' });
}
const status = execFileSync('git', ['status', '--porcelain', '--', 'dist', 'action-catalog.md'], {
  cwd: root,
  encoding: 'utf8',
});
if (status.trim()) {
  console.error('Generated files are not what the source builds. Run `npm run build` and commit:');
  console.error(status);
  process.exit(1);
}
console.log('generated files are current');
