import {
  Runner,
  formatCommand,
  formatFileCommand,
  inputEnvName,
  runAction,
  errorMessage,
} from '../src/index';
import { parseFileCommands } from '../../../test/harness/run-action';

function memoryRunner(env: Record<string, string> = {}) {
  const files: Record<string, string> = {};
  let stdout = '';
  const runner = new Runner({
    env: { GITHUB_OUTPUT: 'out', GITHUB_STEP_SUMMARY: 'sum', ...env },
    write: (t) => void (stdout += t),
    appendFile: (p, t) => void (files[p] = (files[p] ?? '') + t),
  });
  return { runner, files, stdout: () => stdout };
}

describe('runner protocol', () => {
  test.each([
    { name: 'url', expected: 'INPUT_URL' },
    { name: 'max-attempts', expected: 'INPUT_MAX-ATTEMPTS' },
    { name: 'my input', expected: 'INPUT_MY_INPUT' },
  ])('input $name is read from $expected', ({ name, expected }) =>
    expect(inputEnvName(name)).toBe(expected),
  );

  test('workflow commands escape data and properties', () => {
    expect(formatCommand('error', 'a%b\nc', { title: 'x:y,z' })).toBe(
      '::error title=x%3Ay%2Cz::a%25b%0Ac\n',
    );
  });

  test('outputs use the heredoc form, so multi-line values round-trip', () => {
    const { runner, files } = memoryRunner();
    runner.setOutput('results', '{"a":1}\nsecond line');
    runner.setOutput('healthy', true);
    expect(parseFileCommands(files.out)).toEqual({
      results: '{"a":1}\nsecond line',
      healthy: 'true',
    });
  });

  test('a value containing the delimiter still round-trips', () => {
    const text = formatFileCommand('k', 'v');
    const delimiter = text.split('\n')[0].split('<<')[1];
    expect(parseFileCommands(formatFileCommand('k', `x\n${delimiter}\ny`))).toEqual({
      k: `x\n${delimiter}\ny`,
    });
  });

  test('setSecret emits add-mask once per value and redacts it from summaries', () => {
    const { runner, files, stdout } = memoryRunner();
    runner.setSecret('s3cr3t-token');
    runner.setSecret('s3cr3t-token');
    runner.appendSummary('token is s3cr3t-token');
    expect(stdout().match(/::add-mask::s3cr3t-token/g)).toHaveLength(1);
    expect(files.sum).toBe('token is ***\n');
  });

  test('runAction turns an exception into one ::error:: line and exit code 1, stack only in debug', async () => {
    const { runner, stdout } = memoryRunner();
    runner.setSecret('hunter2-password');
    const saved = process.exitCode;
    await runAction(runner, async () => {
      throw new Error('login failed for hunter2-password\nsecond line');
    });
    expect(process.exitCode).toBe(1);
    process.exitCode = saved;
    const lines = stdout()
      .split('\n')
      .filter((l) => l.startsWith('::error'));
    expect(lines).toEqual(['::error::login failed for *** second line']);
    expect(stdout()).not.toContain('at ');
  });

  test('errorMessage handles non-errors', () => {
    expect(errorMessage('plain')).toBe('plain');
    expect(errorMessage({ code: 1 })).toBe('{"code":1}');
    expect(errorMessage(new Error(''))).toBe('Error');
  });

  describe('setSecret of multi-line values registers only key-material lines', () => {
    function masksOf(value: string): string[] {
      const { runner, stdout } = memoryRunner();
      runner.setSecret(value);
      return [...stdout().matchAll(/^::add-mask::(.*)$/gm)].map((m) => m[1]);
    }
    test.each([
      {
        name: 'a one-line value (token, base64 kubeconfig) is masked whole',
        input: 'c2VjcmV0LXRva2VuLXZhbHVl',
        expected: ['c2VjcmV0LXRva2VuLXZhbHVl'],
      },
      {
        name: 'a raw kubeconfig: never its structural lines',
        input:
          'apiVersion: v1\nkind: Config\npreferences:\nusers:\n- name: ci\n  user:\n    token: abc\n',
        expected: [],
      },
      {
        name: 'a PEM key: its body lines, not the armour',
        input:
          '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yBkfyiRwBNRbUrAv1ZB1Ho1rPXGoAoGCCqGSM49\nAwEHoUQDQgAE\n-----END EC PRIVATE KEY-----\n',
        expected: [
          'MHcCAQEEIBkg4LVWM9nuwNSk3yBkfyiRwBNRbUrAv1ZB1Ho1rPXGoAoGCCqGSM49',
          'AwEHoUQDQgAE',
        ],
      },
      { name: 'blank', input: '   ', expected: [] },
    ])('$name', ({ input, expected }) => expect(masksOf(input)).toEqual(expected));
  });
});

describe('job summary writes', () => {
  test('async writes (the toolkit’s) land in call order, and flush waits for all of them', async () => {
    const written: string[] = [];
    const delays = [30, 0, 10];
    let call = 0;
    const backend = {
      ...new Runner({ env: {}, write: () => undefined, appendFile: () => undefined })['backend'],
      appendSummary: (md: string) =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            written.push(md);
            resolve();
          }, delays[call++]),
        ),
    };
    const runner = new Runner(backend);
    runner.setSecret('hidden-value');
    runner.appendSummary('one hidden-value');
    runner.appendSummary('two');
    runner.appendSummary('three\n');
    await runner.flush();
    expect(written).toEqual(['one ***\n', 'two\n', 'three\n']);
  });

  test('a failed write becomes a warning, not a crash', async () => {
    let stdout = '';
    const base = new Runner({
      env: {},
      write: (t) => void (stdout += t),
      appendFile: () => undefined,
    });
    const runner = new Runner({
      ...base['backend'],
      appendSummary: async () => {
        throw new Error('EACCES: permission denied');
      },
    });
    runner.appendSummary('x');
    await runner.flush();
    expect(stdout).toBe('::warning::could not write the job summary: EACCES: permission denied\n');
  });
});
