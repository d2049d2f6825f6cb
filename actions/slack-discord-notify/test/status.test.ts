import { parseStatus, defaultTitle, hexColor, STATUS_STYLE, STATUSES } from '../src/status';

describe('parseStatus', () => {
  test.each([
    { input: 'success', expected: 'success' },
    { input: 'failure', expected: 'failure' },
    { input: 'cancelled', expected: 'cancelled' },
    { input: 'SUCCESS', expected: 'success' },
    { input: ' started ', expected: 'started' },
    { input: 'rolled-back', expected: 'rolled-back' },
    { input: 'rollback', expected: 'rolled-back' },
    { input: 'canceled', expected: 'cancelled' },
    { input: 'failed', expected: 'failure' },
    { input: 'warning', expected: 'warning' },
    { input: 'info', expected: 'info' },
    { input: 'skipped', expected: undefined },
    { input: '', expected: undefined },
    { input: 'succes', expected: undefined },
  ])('$input → $expected', ({ input, expected }) => expect(parseStatus(input)).toBe(expected));
});

describe('defaultTitle', () => {
  test.each([
    {
      status: 'success' as const,
      env: 'production',
      version: 'v1.2.3',
      expected: 'Deployment of v1.2.3 to production succeeded',
    },
    { status: 'started' as const, env: '', version: '', expected: 'Deployment started' },
    {
      status: 'rolled-back' as const,
      env: 'staging',
      version: '',
      expected: 'Deployment to staging failed and was rolled back',
    },
    { status: 'info' as const, env: 'prod', version: '', expected: 'Deployment to prod: update' },
  ])('$status', ({ status, env, version, expected }) =>
    expect(defaultTitle(status, env, version)).toBe(expected),
  );
});

test('every status has its own colour and emoji', () => {
  expect(new Set(STATUSES.map((s) => STATUS_STYLE[s].color)).size).toBe(STATUSES.length);
  expect(new Set(STATUSES.map((s) => STATUS_STYLE[s].emoji)).size).toBe(STATUSES.length);
});

test.each([
  { color: 0x2eb67d, expected: '#2EB67D' },
  { color: 0x00ff00, expected: '#00FF00' },
  { color: 0x0000ff, expected: '#0000FF' },
])('hexColor($color)', ({ color, expected }) => expect(hexColor(color)).toBe(expected));
