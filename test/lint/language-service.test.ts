// Every example workflow and every workflow of this repository, validated with GitHub's own
// language service (see language-service.ts): no error and no warning. The first tests prove
// the service is live and sees what we rely on it for.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../harness/run-action';
import { validateWorkflow, type Finding } from './language-service';
import { PENDING_FINDINGS } from './pending-findings';
import { THIRD_PARTY_PINS } from './pins';

const files = ['examples', '.github/workflows'].flatMap((dir) =>
  readdirSync(path.join(ROOT, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => `${dir}/${f}`),
);
const show = (f: Finding) => `${f.line}:${f.column} ${f.severity}: ${f.message}`;
const CHECKOUT = `actions/checkout@${THIRD_PARTY_PINS['actions/checkout'].sha}`;

describe('the language service', () => {
  const lines = [
    'on: push',
    'permissions: {}',
    'jobs:',
    '  deploy:',
    '    runs-on: ubuntu-latest',
    '    permissions: { attestations: write, deployment: read }',
    '    steps:',
    `      - uses: ${CHECKOUT}`,
    '      - uses: actions/checkout@v4',
    '      - id: rollout',
    '        uses: acme/cicd-actions/actions/wait-rollout@<full-commit-sha>',
    '        with:',
    '          resourcez: deployment/api',
    '      - uses: ./actions/health-check-retry',
    '        with:',
    '          urls: https://example.com',
    "      - if: failure() && steps.rollout.outputs.ready == 'false'",
    '        run: echo "${{ steps.rollout.outputs.failed }} ${{ steps.rollout.outputs.reason }}"',
    '      - run: echo "${{ steps.nope.outcome }} ${{ github.event.nonsense-key }} ${{ env.X }}"',
    "      - run: echo \"${{ format('{0} {1}', 'only one') }} ${{ fromJSON('[1]')[0] }}\"",
    '',
  ];
  let findings: string[];
  beforeAll(async () => {
    findings = (await validateWorkflow(ROOT, 'broken.yml', lines.join('\n'))).map(
      (f) => `${f.line} ${f.severity}: ${f.message}`,
    );
  });

  test('knows the permission scopes GitHub knows (attestations yes, deployment no)', () => {
    expect(findings).toContain("6 error: Unexpected value 'deployment'");
    expect(findings.join('\n')).not.toMatch(/attestations/);
  });

  test('resolves a third-party action only at the SHA this repository pins', () => {
    expect(findings).toContain(
      '9 error: Unable to resolve action `actions/checkout@v4`, repository or version not found',
    );
    expect(findings.join('\n')).not.toContain(THIRD_PARTY_PINS['actions/checkout'].sha);
  });

  test('checks with: of our actions against their action.yml, remote and local', () => {
    expect(findings).toContain("13 error: Invalid action input 'resourcez'");
    expect(findings).toContain("16 error: Invalid action input 'urls'");
    expect(findings).toContain('15 error: Missing required input `url`');
  });

  test('knows which outputs our actions have, and which steps exist', () => {
    expect(findings).toContain('18 warning: Context access might be invalid: reason');
    expect(findings.join('\n')).not.toMatch(/invalid: (failed|ready)\b/);
    expect(findings).toContain('19 warning: Context access might be invalid: nope');
  });

  test('checks format() arguments', () => {
    expect(findings).toContain(
      '20 error: Format string references argument {1} but only 1 argument(s) provided',
    );
  });
});

describe.each(files)('%s', (file) => {
  test('passes GitHub’s language service without an error or a warning (but the pending ones)', async () => {
    const findings = await validateWorkflow(
      ROOT,
      file,
      readFileSync(path.join(ROOT, file), 'utf8'),
    );
    const pending = PENDING_FINDINGS.filter((p) => p.file === file);
    const isPending = (f: Finding) =>
      pending.some((p) => p.line === f.line && p.message === f.message);
    expect(findings.filter((f) => !isPending(f)).map(show)).toEqual([]);
    // A pending finding that is gone is fixed: its line in pending-findings.ts must go too.
    const gone = pending.filter(
      (p) => !findings.some((f) => f.line === p.line && f.message === p.message),
    );
    expect(gone).toEqual([]);
  });
});
