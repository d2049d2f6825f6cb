import path from 'node:path';
import { parseArgs } from '../../demo/src/cli';
import { ROOT } from '../../test/harness/run-action';

describe('demo command line', () => {
  test.each([
    {
      argv: [],
      expected: { scenario: 'good', outDir: path.join(ROOT, 'demo', 'out'), debug: false },
    },
    {
      argv: ['--scenario', 'bad-release'],
      expected: { scenario: 'bad-release', outDir: path.join(ROOT, 'demo', 'out'), debug: false },
    },
    {
      argv: ['--scenario=bad-release', '--out', '/tmp/x', '--debug'],
      expected: { scenario: 'bad-release', outDir: '/tmp/x', debug: true },
    },
    { argv: ['--help'], expected: 'help' },
  ])('$argv', ({ argv, expected }) => {
    expect(parseArgs(argv)).toEqual(expected);
  });

  test.each([
    {
      argv: ['--scenario', 'worst'],
      message: "--scenario must be one of good, bad-release, got 'worst'",
    },
    { argv: ['--fast'], message: "unknown argument '--fast' (try --help)" },
  ])('rejects $argv', ({ argv, message }) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });
});
