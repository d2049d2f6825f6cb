import { parse } from 'yaml';
import {
  isYamlNumber,
  renderScalar,
  renderString,
  type ExistingScalar,
  type ValueType,
  type WantedValue,
} from '../src/scalar';

const text = (t: string, quoted = false): WantedValue => ({ kind: 'text', text: t, quoted });
const json = (value: string | number | boolean | null): WantedValue => ({ kind: 'json', value });
const plainString = (value: string): ExistingScalar => ({ value, style: 'PLAIN', inFlow: false });

describe('renderScalar', () => {
  test.each<{
    name: string;
    existing: ExistingScalar;
    wanted: WantedValue;
    type?: ValueType;
    expected: { text: string; value: unknown };
  }>([
    {
      name: 'plain string stays plain',
      existing: plainString('1.2.2-rc'),
      wanted: text('1.2.3'),
      expected: { text: '1.2.3', value: '1.2.3' },
    },
    {
      name: 'string that plain would read as a float is quoted',
      existing: plainString('v1'),
      wanted: text('1.10'),
      expected: { text: '"1.10"', value: '1.10' },
    },
    {
      name: 'octal-looking string is quoted',
      existing: plainString('x'),
      wanted: text('0755'),
      expected: { text: '"0755"', value: '0755' },
    },
    {
      name: 'exponent-looking string is quoted',
      existing: plainString('x'),
      wanted: text('1e3'),
      expected: { text: '"1e3"', value: '1e3' },
    },
    {
      name: 'boolean-looking string is quoted',
      existing: plainString('x'),
      wanted: text('true'),
      expected: { text: '"true"', value: 'true' },
    },
    {
      name: 'null-looking string is quoted',
      existing: plainString('x'),
      wanted: text('~'),
      expected: { text: '"~"', value: '~' },
    },
    {
      name: 'empty string is quoted',
      existing: plainString('x'),
      wanted: text(''),
      expected: { text: '""', value: '' },
    },
    {
      name: 'string with " #" is quoted',
      existing: plainString('x'),
      wanted: text('a #b'),
      expected: { text: '"a #b"', value: 'a #b' },
    },
    {
      name: 'string with ": " is quoted',
      existing: plainString('x'),
      wanted: text('a: b'),
      expected: { text: '"a: b"', value: 'a: b' },
    },
    {
      name: 'string starting with an indicator is quoted',
      existing: plainString('x'),
      wanted: text('*star'),
      expected: { text: '"*star"', value: '*star' },
    },
    {
      name: 'YAML 1.1 boolean (what Helm reads) is quoted',
      existing: plainString('x'),
      wanted: text('on'),
      expected: { text: '"on"', value: 'on' },
    },
    {
      name: 'YAML 1.1 number with underscores is quoted',
      existing: plainString('x'),
      wanted: text('1_000'),
      expected: { text: '"1_000"', value: '1_000' },
    },
    {
      name: 'comma is fine in block context',
      existing: plainString('x'),
      wanted: text('a,b'),
      expected: { text: 'a,b', value: 'a,b' },
    },
    {
      name: 'comma is quoted in a flow collection',
      existing: { value: 'x', style: 'PLAIN', inFlow: true },
      wanted: text('a,b'),
      expected: { text: '"a,b"', value: 'a,b' },
    },
    {
      name: 'double-quoted stays double-quoted',
      existing: { value: '1.2.2', style: 'QUOTE_DOUBLE', inFlow: false },
      wanted: text('1.2.3'),
      expected: { text: '"1.2.3"', value: '1.2.3' },
    },
    {
      name: 'single-quoted stays single-quoted, quote doubled',
      existing: { value: 'a', style: 'QUOTE_SINGLE', inFlow: false },
      wanted: text("it's"),
      expected: { text: "'it''s'", value: "it's" },
    },
    {
      name: 'quoted string number stays a string',
      existing: { value: '7', style: 'QUOTE_DOUBLE', inFlow: false },
      wanted: text('8'),
      expected: { text: '"8"', value: '8' },
    },
    {
      name: 'number stays a number',
      existing: { value: 2, style: 'PLAIN', inFlow: false },
      wanted: text('5'),
      expected: { text: '5', value: 5 },
    },
    {
      name: 'a number stays a number when Helm prints it as typed',
      existing: { value: 2, style: 'PLAIN', inFlow: false },
      wanted: text('1.5'),
      expected: { text: '1.5', value: 1.5 },
    },
    {
      name: 'a number Helm would print differently (1.50 → 1.5) becomes a string',
      existing: { value: 2, style: 'PLAIN', inFlow: false },
      wanted: text('1.50'),
      expected: { text: '"1.50"', value: '1.50' },
    },
    {
      name: 'boolean stays a boolean',
      existing: { value: false, style: 'PLAIN', inFlow: false },
      wanted: text('true'),
      expected: { text: 'true', value: true },
    },
    {
      name: 'a boolean given TRUE (Helm prints true) becomes the string',
      existing: { value: false, style: 'PLAIN', inFlow: false },
      wanted: text('TRUE'),
      expected: { text: '"TRUE"', value: 'TRUE' },
    },
    {
      name: 'number given a non-number becomes a string',
      existing: { value: 3, style: 'PLAIN', inFlow: false },
      wanted: text('1.2.3'),
      expected: { text: '1.2.3', value: '1.2.3' },
    },
    {
      name: 'a null given a number stays a number',
      existing: { value: null, style: 'PLAIN', inFlow: false },
      wanted: text('10'),
      expected: { text: '10', value: 10 },
    },
    {
      name: 'a null given text becomes a string',
      existing: { value: null, style: 'PLAIN', inFlow: false },
      wanted: text('010'),
      expected: { text: '"010"', value: '010' },
    },
    {
      name: 'a new key becomes a string',
      existing: { value: undefined, inFlow: false },
      wanted: text('1.0'),
      expected: { text: '"1.0"', value: '1.0' },
    },
    {
      name: 'quoted input is a string even for a number',
      existing: { value: 3, style: 'PLAIN', inFlow: false },
      wanted: text('4', true),
      expected: { text: '"4"', value: '4' },
    },
    {
      name: 'value-type number',
      existing: plainString('3'),
      wanted: text('4'),
      type: 'number',
      expected: { text: '4', value: 4 },
    },
    {
      name: 'value-type boolean',
      existing: plainString('yes'),
      wanted: text('False'),
      type: 'boolean',
      expected: { text: 'false', value: false },
    },
    {
      name: 'value-type string over a number',
      existing: { value: 3, style: 'PLAIN', inFlow: false },
      wanted: text('4'),
      type: 'string',
      expected: { text: '"4"', value: '4' },
    },
    {
      name: 'json string keeps the old style',
      existing: { value: '1.2.3', style: 'QUOTE_SINGLE', inFlow: false },
      wanted: json('1.2.2'),
      expected: { text: "'1.2.2'", value: '1.2.2' },
    },
    {
      name: 'json number',
      existing: plainString('x'),
      wanted: json(3),
      expected: { text: '3', value: 3 },
    },
    {
      name: 'json boolean',
      existing: plainString('x'),
      wanted: json(true),
      expected: { text: 'true', value: true },
    },
    {
      name: 'json null',
      existing: plainString('x'),
      wanted: json(null),
      expected: { text: 'null', value: null },
    },
    {
      name: 'json string with a newline is double-quoted',
      existing: { value: 'a', style: 'QUOTE_SINGLE', inFlow: false },
      wanted: json('a\nb'),
      expected: { text: '"a\\nb"', value: 'a\nb' },
    },
  ])('$name', ({ existing, wanted, type, expected }) => {
    expect(renderScalar(existing, wanted, type ?? 'auto')).toMatchObject(expected);
  });

  test('auto reports when it cannot keep the old type', () => {
    expect(
      renderScalar({ value: 3, style: 'PLAIN', inFlow: false }, text('abc'), 'auto').typeChanged,
    ).toBe('was the number 3, now the string "abc"');
    expect(
      renderScalar({ value: 'x', style: 'PLAIN', inFlow: false }, text('abc'), 'auto').typeChanged,
    ).toBeUndefined();
  });

  test.each([
    {
      name: 'number type, not a number',
      wanted: text('abc'),
      type: 'number' as const,
      error: "'abc' cannot be written as a number: Helm reads 'abc' as a string, not a number",
    },
    {
      name: 'boolean type, not a boolean',
      wanted: text('sure'),
      type: 'boolean' as const,
      error: "'sure' is not a boolean (true or false)",
    },
  ])('rejects $name', ({ wanted, type, error }) =>
    expect(() => renderScalar(plainString('x'), wanted, type)).toThrow(error),
  );
});

describe('isYamlNumber (as Helm reads plain text)', () => {
  test.each([
    ['3', true],
    ['-1.5', true],
    ['1e3', true],
    ['0x1f', true],
    ['0o17', true],
    ['.inf', false],
    ['1e400', false],
    ['1_000', true],
    ['1.2.3', false],
    ['0755', true],
    ['v1', false],
    ['', false],
  ])('%s → %s', (input, expected) => expect(isYamlNumber(input)).toBe(expected));
});

test('renderString never returns text that reads back differently', () => {
  for (const s of [
    'null',
    'Null',
    'NULL',
    'yes',
    'no',
    'on',
    '- x',
    '? x',
    '[a]',
    '{a}',
    '%x',
    '@x',
    '`x',
    '!x',
    '&x',
    '|',
    '>',
    "'",
    '"',
    ' lead',
    'trail ',
    'a\tb',
    '#c',
    'key: v',
    '1_000',
    '0o7',
    '.NaN',
    'y',
    'Off',
    '0755',
    '1:20',
    '2001-12-14',
  ]) {
    for (const version of ['1.1', '1.2'] as const) {
      expect(parse(`k: ${renderString(s, 'PLAIN', false)}\n`, { version })).toEqual({ k: s });
      expect(parse(`[${renderString(s, 'PLAIN', true)}]\n`, { version })).toEqual([s]);
    }
  }
});
