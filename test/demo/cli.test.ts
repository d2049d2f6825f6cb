import path from 'node:path';
import { parseArgs } from '../../demo/src/cli';
import { ROOT } from '../../test/harness/run-action';

const out = path.join(ROOT, 'demo', 'out');
const production = 'examples/deploy-production.yml';

describe('demo command line', () => {
  test.each([
    {
      argv: [],
      expected: { workflow: production, scenario: 'good', outDir: out, debug: false },
    },
    {
      argv: ['--scenario', 'bad-release'],
      expected: { workflow: production, scenario: 'bad-release', outDir: out, debug: false },
    },
    {
      argv: ['--workflow', 'examples/deploy-gitops.yml', '--scenario=push-race'],
      expected: {
        workflow: 'examples/deploy-gitops.yml',
        scenario: 'push-race',
        outDir: out,
        debug: false,
      },
    },
    {
      argv: ['--scenario=failed-upgrade', '--out', '/tmp/x', '--debug'],
      expected: { workflow: production, scenario: 'failed-upgrade', outDir: '/tmp/x', debug: true },
    },
    { argv: ['--help'], expected: 'help' },
  ])('$argv', ({ argv, expected }) => {
    expect(parseArgs(argv)).toEqual(expected);
  });

  test.each([
    {
      argv: ['--scenario', 'worst'],
      message:
        "--scenario must be one of good, bad-release, failed-upgrade, failed-health, cancelled, push-race, got 'worst'",
    },
    {
      argv: ['--workflow', 'examples/wait-rollout.yml'],
      message:
        "--workflow must be one of examples/deploy-production.yml, examples/deploy-gitops.yml, got 'examples/wait-rollout.yml'",
    },
    {
      argv: ['--workflow', 'examples/deploy-gitops.yml', '--scenario', 'failed-upgrade'],
      message: 'scenario failed-upgrade does not apply to examples/deploy-gitops.yml',
    },
    { argv: ['--fast'], message: "unknown argument '--fast' (try --help)" },
  ])('rejects $argv', ({ argv, message }) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });
});
