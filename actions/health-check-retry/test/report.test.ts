import type { UrlResult } from '../src/check-url';
import type { HealthCheckConfig } from '../src/inputs';
import { parseExpectedStatus, type StatusSet } from '../src/expected-status';
import { parseJsonChecks, type JsonCheck } from '../src/expected-json';
import {
  attemptLines,
  FOLD_AFTER,
  lastStatus,
  resultJson,
  statusOutput,
  summaryMarkdown,
} from '../src/report';

const healthy: UrlResult = {
  url: 'https://a.test/health',
  healthy: true,
  attempts: [
    {
      n: 1,
      offsetMs: 0,
      latencyMs: 12.4,
      requests: 1,
      ok: false,
      status: 503,
      error: 'status 503, expected 200-399',
    },
    { n: 2, offsetMs: 1012, latencyMs: 8.6, requests: 1, ok: true, status: 200 },
  ],
};
const refused: UrlResult = {
  url: 'https://b.test/health',
  healthy: false,
  gaveUp: 'all 2 attempts failed',
  attempts: [
    {
      n: 1,
      offsetMs: 0,
      latencyMs: 1,
      requests: 1,
      ok: false,
      status: 502,
      error: 'status 502, expected 200-399',
    },
    { n: 2, offsetMs: 1001, latencyMs: 2, requests: 1, ok: false, error: 'connection refused' },
  ],
};
const noAttempts: UrlResult = { url: 'https://c.test/', healthy: false, gaveUp: 'x', attempts: [] };

describe('resultJson', () => {
  test.each([
    {
      name: 'healthy',
      r: healthy,
      expected: {
        url: 'https://a.test/health',
        healthy: true,
        attempts: 2,
        status: 200,
        error: null,
        latencies: [12, 9],
      },
    },
    {
      name: 'last attempt without response keeps the last status seen',
      r: refused,
      expected: {
        url: 'https://b.test/health',
        healthy: false,
        attempts: 2,
        status: 502,
        error: 'connection refused',
        latencies: [1, 2],
      },
    },
    {
      name: 'no attempts',
      r: noAttempts,
      expected: {
        url: 'https://c.test/',
        healthy: false,
        attempts: 0,
        status: null,
        error: 'x',
        latencies: [],
      },
    },
  ])('$name', ({ r, expected }) => expect(resultJson(r)).toEqual(expected));
});

describe('statusOutput', () => {
  test.each([
    { name: 'all healthy: the first URL', results: [healthy], expected: '200' },
    { name: 'the first unhealthy URL wins', results: [healthy, refused], expected: '502' },
    { name: 'no response at all', results: [noAttempts], expected: '' },
    { name: 'no URLs', results: [], expected: '' },
  ])('$name', ({ results, expected }) => expect(statusOutput(results)).toBe(expected));

  test('lastStatus skips attempts without a response', () => expect(lastStatus(refused)).toBe(502));
});

describe('summaryMarkdown', () => {
  const cfg = {
    method: 'GET',
    expect: {
      status: parseExpectedStatus('200-399') as StatusSet,
      json: parseJsonChecks('status=UP') as JsonCheck[],
    },
    maxAttempts: 2,
    successThreshold: 1,
    timeoutMs: 60_000,
    initialDelayMs: 0,
  } as HealthCheckConfig;

  test('an overview row per URL and a table of attempts per URL', () => {
    const md = summaryMarkdown([healthy, refused], cfg, 2100);
    expect(md).toContain('### ❌ Health check failed in 2.1s');
    expect(md).toContain(
      'GET, expecting status 200-399, `status` = `UP`; up to 2 attempts per URL, timeout 1m0s.',
    );
    expect(md).toContain('| https://a.test/health | ✅ healthy after 2 attempts | 2 | 200 |');
    expect(md).toContain(
      '| https://b.test/health | ❌ not healthy: all 2 attempts failed | 2 | 502 |',
    );
    expect(md).toContain(
      '#### ❌ https://b.test/health\n\n| # | Time | Status | Latency | Result |',
    );
    expect(md).toContain('| 2 | +1.0s | — | 2ms | connection refused |');
    expect(md).toContain('| 2 | +1.0s | 200 | 9ms | ok |');
    expect(md).not.toContain('<details>');
  });

  test('a long run of attempts is folded', () => {
    const many: UrlResult = {
      ...refused,
      attempts: Array.from({ length: FOLD_AFTER + 1 }, (_, i) => ({
        n: i + 1,
        offsetMs: i * 1000,
        latencyMs: 1,
        requests: 1,
        ok: false,
        status: 503,
        error: 'status 503',
      })),
    };
    const md = summaryMarkdown([many], cfg, 1000);
    expect(md).toContain(`<details><summary>${FOLD_AFTER + 1} attempts</summary>\n\n| # | Time |`);
    expect(md).toContain(`| ${FOLD_AFTER + 1} | +20.0s | 503 | 1ms | status 503 |`);
  });
});

test('attemptLines: one line per attempt', () => {
  expect(attemptLines(refused)).toEqual([
    '#1 at +0ms: 502 in 1ms, status 502, expected 200-399',
    '#2 at +1.0s: no response in 2ms, connection refused',
  ]);
});
