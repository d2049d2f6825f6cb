import {
  parseDuration,
  parseBoolean,
  parseInteger,
  parseList,
  parsePairs,
  formatDuration,
  Inputs,
  Runner,
  InputError,
} from '../src/index';

function runnerWith(inputs: Record<string, string>): Runner {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  return new Runner({ env, write: () => undefined, appendFile: () => undefined });
}

describe('parseDuration', () => {
  const cases: Array<{ input: string; expected: number | undefined }> = [
    { input: '90s', expected: 90_000 },
    { input: '5m', expected: 300_000 },
    { input: '1h30m', expected: 5_400_000 },
    { input: '250ms', expected: 250 },
    { input: '1.5s', expected: 1500 },
    { input: '0s', expected: 0 },
    { input: '30', expected: 30_000 },
    { input: ' 2M ', expected: 120_000 },
    { input: '1m30s500ms', expected: 90_500 },
    { input: '', expected: undefined },
    { input: '5 minutes', expected: undefined },
    { input: '-5s', expected: undefined },
    { input: 's', expected: undefined },
    { input: '1x', expected: undefined },
  ];
  test.each(cases)('$input', ({ input, expected }) => expect(parseDuration(input)).toBe(expected));
});

describe('formatDuration', () => {
  test.each([
    { ms: 250, expected: '250ms' },
    { ms: 1500, expected: '1.5s' },
    { ms: 90_000, expected: '1m30s' },
    { ms: 5_400_000, expected: '1h30m' },
    { ms: 239_600, expected: '4m' },
    { ms: 59_990, expected: '1m' },
    { ms: 3_599_700, expected: '1h' },
  ])('$ms', ({ ms, expected }) => expect(formatDuration(ms)).toBe(expected));
});

describe('parseBoolean', () => {
  test.each([
    { input: 'true', expected: true },
    { input: 'TRUE', expected: true },
    { input: 'True', expected: true },
    { input: 'false', expected: false },
    { input: 'False', expected: false },
    { input: 'FALSE', expected: false },
    // The runner's YAML 1.2 set (core.getBooleanInput): YAML 1.1 words and digits are not booleans.
    { input: 'yes', expected: undefined },
    { input: 'Off', expected: undefined },
    { input: '0', expected: undefined },
    { input: 'tRUE', expected: undefined },
    { input: 'treu', expected: undefined },
    { input: '', expected: undefined },
  ])('$input', ({ input, expected }) => expect(parseBoolean(input)).toBe(expected));
});

describe('parseInteger', () => {
  test.each([
    { input: '10', expected: 10 },
    { input: '-3', expected: -3 },
    { input: '1.5', expected: undefined },
    { input: '1e3', expected: undefined },
    { input: 'ten', expected: undefined },
    { input: '99999999999999999999', expected: undefined },
  ])('$input', ({ input, expected }) => expect(parseInteger(input)).toBe(expected));
});

describe('parseList', () => {
  test.each([
    { input: 'a,b', expected: ['a', 'b'] },
    { input: 'a\nb, c\n\n', expected: ['a', 'b', 'c'] },
    { input: ' ', expected: [] },
    { input: 'a\r\nb', expected: ['a', 'b'] },
  ])('$input', ({ input, expected }) => expect(parseList(input)).toEqual(expected));
});

describe('parsePairs', () => {
  test('Name: value headers, split at the first separator', () => {
    expect(parsePairs('Authorization: Bearer a:b\n\nX-Id: 1', ':')).toEqual({
      pairs: [
        ['Authorization', 'Bearer a:b'],
        ['X-Id', '1'],
      ],
    });
  });
  test('reports the first malformed line', () => {
    expect(parsePairs('a=1\nnonsense\nb=2', '=')).toEqual({ badLine: 2 });
  });
  test('a line starting with the separator has no key', () => {
    expect(parsePairs('=1', '=')).toEqual({ badLine: 1 });
  });
});

describe('Inputs', () => {
  test('integer bounds name the input and the range', () => {
    const inputs = new Inputs(runnerWith({ 'max-attempts': '-1' }));
    expect(() => inputs.integer('max-attempts', 10, { min: 1 })).toThrow(
      new InputError('max-attempts', "expected a whole number >= 1, got '-1'"),
    );
  });
  test('boolean rejects junk', () => {
    const inputs = new Inputs(runnerWith({ insecure: 'maybe' }));
    expect(() => inputs.boolean('insecure', false)).toThrow(
      "Input 'insecure': expected true or false, got 'maybe'",
    );
  });
  test('empty values fall back', () => {
    const inputs = new Inputs(runnerWith({}));
    expect(inputs.boolean('insecure', true)).toBe(true);
    expect(inputs.duration('timeout', '5m')).toBe(300_000);
    expect(inputs.oneOf('backoff', ['exponential', 'fixed'] as const, 'fixed')).toBe('fixed');
  });
  test('duration rejects unparseable text', () => {
    const inputs = new Inputs(runnerWith({ timeout: 'soon' }));
    expect(() => inputs.duration('timeout', '5m')).toThrow(
      "Input 'timeout': expected a duration like 30s, 5m or 1h30m, got 'soon'",
    );
  });
  test('oneOf lists what is allowed', () => {
    const inputs = new Inputs(runnerWith({ backoff: 'linear' }));
    expect(() => inputs.oneOf('backoff', ['exponential', 'fixed'] as const, 'exponential')).toThrow(
      'expected one of exponential, fixed',
    );
  });
  test('required rejects empty', () => {
    expect(() => new Inputs(runnerWith({ url: '  ' })).required('url')).toThrow(
      "Input 'url': is required and was empty",
    );
  });
});
