import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { helmBinary } from './binaries';
import {
  checkFlagsWithRealHelm,
  parseRollbackArgv,
  runProgram,
  startHelmStandIn,
} from './helm-standin';

describe('parseRollbackArgv', () => {
  test.each([
    {
      name: 'Helm 3 style',
      input: ['rollback', 'web', '2', '--namespace', 'prod', '--wait', '--timeout', '300s'],
      expected: {
        release: 'web',
        revision: 2,
        namespace: 'prod',
        flags: { namespace: 'prod', wait: true, timeout: '300s' },
      },
    },
    {
      name: 'Helm 4 style with = values and a context',
      input: [
        'rollback',
        'web',
        '3',
        '-n',
        'prod',
        '--kube-context',
        'eu',
        '--wait=watcher',
        '--dry-run=client',
      ],
      expected: {
        release: 'web',
        revision: 3,
        namespace: 'prod',
        flags: { n: 'prod', 'kube-context': 'eu', wait: 'watcher', 'dry-run': 'client' },
      },
    },
    {
      name: "no revision (Helm's previous)",
      input: ['rollback', 'web'],
      expected: { release: 'web', revision: undefined, namespace: 'default', flags: {} },
    },
  ])('$name', ({ input, expected }) => expect(parseRollbackArgv(input)).toMatchObject(expected));
});

describe('the stand-in', () => {
  let scratch: string;
  beforeAll(() => void (scratch = mkdtempSync(path.join(tmpdir(), 'standin-test-'))));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  test.each([3, 4] as const)(
    "Helm %i: the real binary's verdict on rollback flags",
    async (major) => {
      const real = helmBinary(major).path;
      expect(
        await checkFlagsWithRealHelm(
          real,
          ['rollback', 'web', '2', '--namespace', 'prod', '--kube-context', 'eu'],
          scratch,
        ),
      ).toBeUndefined();
      const refused = await checkFlagsWithRealHelm(
        real,
        ['rollback', 'web', '2', '--bogus'],
        scratch,
      );
      expect(refused?.stderr).toMatch(/unknown flag: --bogus/);
    },
  );

  test('logs every invocation and passes read-only commands to the real binary', async () => {
    const standIn = await startHelmStandIn(4);
    try {
      const out = await runProgram(standIn.helm, ['version', '--short'], {
        PATH: process.env.PATH,
        HOME: scratch,
      });
      expect(out.stdout).toMatch(/^v4\.1\.4\+g/);
      expect(standIn.invocations()).toEqual([['version', '--short']]);
      standIn.reset();
      expect(standIn.invocations()).toEqual([]);
    } finally {
      await standIn.close();
    }
  });

  test("a rollback with a flag the real binary lacks is refused with Helm's own error, not performed", async () => {
    const performed: string[][] = [];
    const standIn = await startHelmStandIn(3, async (call) => {
      performed.push(call.argv);
      return { code: 0, stdout: '', stderr: '' };
    });
    try {
      const out = await runProgram(standIn.helm, ['rollback', 'web', '2', '--force-replace'], {
        PATH: process.env.PATH,
        HOME: scratch,
      });
      expect(out.code).toBe(1);
      expect(out.stderr).toMatch(/Error: unknown flag: --force-replace/);
      expect(performed).toEqual([]);
      expect(standIn.rollbacks().map((c) => c.argv)).toEqual([
        ['rollback', 'web', '2', '--force-replace'],
      ]);
    } finally {
      await standIn.close();
    }
  });
});
