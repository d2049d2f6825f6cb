import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  HelmCli,
  isTransientHelmError,
  lastHelmError,
  spawnProgram,
  type RunProgram,
} from '../src/helm-cli';

describe('lastHelmError', () => {
  test.each([
    {
      name: 'Helm 3 release not found',
      input: 'Error: release: not found\n',
      expected: 'release: not found',
    },
    {
      name: 'the last Error: line wins over warnings and usage',
      input:
        'WARNING: Kubernetes configuration file is group-readable.\nError: first\nsome detail\nError: UPGRADE FAILED: timed out waiting for the condition\n',
      expected: 'UPGRADE FAILED: timed out waiting for the condition',
    },
    {
      name: 'no Error: line: the last line',
      input: 'panic: boom\n\ngoroutine 1 [running]:\n',
      expected: 'goroutine 1 [running]:',
    },
    { name: 'nothing at all', input: '', expected: 'no error message' },
  ])('$name', ({ input, expected }) => expect(lastHelmError(input)).toBe(expected));
});

describe('isTransientHelmError', () => {
  test.each([
    {
      input:
        'Error: Kubernetes cluster unreachable: Get "https://k:6443/version": dial tcp 10.0.0.1:6443: connect: connection refused',
      expected: true,
    },
    {
      input: 'Error: list: failed to list: the server is currently unable to handle the request',
      expected: true,
    },
    {
      input: 'Error: query: failed to query with labels: etcdserver: leader changed',
      expected: true,
    },
    { input: 'Error: query: failed to query with labels: Too Many Requests', expected: true },
    { input: 'Error: release: not found', expected: false },
    { input: 'Error: unknown flag: --bogus', expected: false },
    {
      input: 'Error: secrets is forbidden: User "ci" cannot list resource "secrets"',
      expected: false,
    },
  ])('$input → $expected', ({ input, expected }) =>
    expect(isTransientHelmError(input)).toBe(expected),
  );
});

describe('HelmCli', () => {
  const recorded: Array<{ file: string; args: string[] }> = [];
  const fake =
    (result: { code: number; stdout?: string; stderr?: string }): RunProgram =>
    async (file, args) => {
      recorded.push({ file, args });
      return { code: result.code, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
    };
  beforeEach(() => void (recorded.length = 0));

  test('history is read as JSON in the namespace and context', async () => {
    const cli = new HelmCli({
      helm: '/opt/helm',
      env: {},
      namespace: 'prod',
      kubeContext: 'eu',
      run: fake({ code: 0, stdout: '[{"revision":1,"status":"deployed"}]' }),
    });
    const h = await cli.history('web', 1000);
    expect(h.map((e) => e.revision)).toEqual([1]);
    expect(recorded).toEqual([
      {
        file: '/opt/helm',
        args: [
          'history',
          'web',
          '--namespace',
          'prod',
          '--kube-context',
          'eu',
          '--output',
          'json',
          '--max',
          '256',
        ],
      },
    ]);
  });

  test('a release Helm cannot find is named in the error', async () => {
    const cli = new HelmCli({
      helm: 'helm',
      env: {},
      namespace: 'prod',
      run: fake({ code: 1, stderr: 'Error: release: not found\n' }),
    });
    await expect(cli.history('web', 1000)).rejects.toThrow(
      "Release 'web' not found in namespace 'prod'",
    );
  });

  test("other failures show helm's own error line and exit code", async () => {
    const cli = new HelmCli({
      helm: 'helm',
      env: {},
      namespace: 'prod',
      run: fake({ code: 1, stderr: 'Error: secrets is forbidden\n' }),
    });
    await expect(cli.manifest('web', 3, 1000)).rejects.toThrow(
      'helm get manifest failed (exit code 1): secrets is forbidden',
    );
  });

  test("output that is not Helm's version is refused", async () => {
    const cli = new HelmCli({
      helm: 'helm',
      env: {},
      namespace: 'prod',
      run: fake({ code: 0, stdout: 'hello\n' }),
    });
    await expect(cli.version(1000)).rejects.toThrow(/does not look like Helm/);
  });

  describe('with real processes', () => {
    let dir: string;
    beforeAll(() => void (dir = mkdtempSync(path.join(tmpdir(), 'helm-cli-'))));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test('a missing binary is one clear error', async () => {
      const cli = new HelmCli({
        helm: path.join(dir, 'no-such-helm'),
        env: { PATH: '' },
        namespace: 'prod',
      });
      await expect(cli.version(5000)).rejects.toThrow(
        /^helm not found: '.*no-such-helm' is not an executable on PATH/,
      );
    });

    test('a program is run with an argument array: shell syntax stays literal', async () => {
      const script = path.join(dir, 'argv');
      writeFileSync(
        script,
        `#!${process.execPath}\nprocess.stdout.write(JSON.stringify(process.argv.slice(2)));\n`,
      );
      chmodSync(script, 0o755);
      const args = ['x; touch pwned', '$(id)', '`id`', '"quoted"'];
      const out = await spawnProgram(script, args, { env: {}, timeoutMs: 10_000 });
      expect(JSON.parse(out.stdout)).toEqual(args);
    });

    test('a program that overruns its time is killed and says so', async () => {
      const script = path.join(dir, 'slow');
      writeFileSync(script, `#!${process.execPath}\nsetTimeout(() => {}, 60000);\n`);
      chmodSync(script, 0o755);
      const started = Date.now();
      const out = await spawnProgram(script, [], { env: {}, timeoutMs: 300 });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(out.code).not.toBe(0);
      expect(lastHelmError(out.stderr)).toMatch(/killed after/);
    });
  });
});
