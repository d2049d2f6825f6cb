// The README shows the production workflow inline; this keeps it identical to the example file,
// which is the one the workflow lint checks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../harness/run-action';

test('the README embeds examples/deploy-production.yml verbatim', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const m =
    /<!-- begin examples\/deploy-production\.yml[^>]*-->\n```yaml\n([\s\S]*?)```\n<!-- end examples\/deploy-production\.yml -->/.exec(
      readme,
    );
  expect(m).not.toBeNull();
  expect(m![1]).toBe(readFileSync(path.join(ROOT, 'examples', 'deploy-production.yml'), 'utf8'));
});

test('the README states the two set-up commands', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  expect(readme).toMatch(/^npm ci && npm run demo\b/m);
  expect(readme).toMatch(/^npm ci && npm test\b/m);
});
