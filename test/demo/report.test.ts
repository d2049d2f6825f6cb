import {
  renderDiscordMessage,
  renderSlackMessage,
  renderSlackMrkdwn,
} from '../../demo/src/chat-cards';
import type { JobResult, StepRecord } from '../../demo/src/job';
import {
  buildHtml,
  buildMarkdown,
  outputLinks,
  timelineMarkdown,
  type ReportInput,
} from '../../demo/src/report';

function record(over: Partial<StepRecord>): StepRecord {
  return {
    id: 'x',
    name: 'X',
    runs: 'uses: x',
    condition: 'success',
    conclusion: 'success',
    inputs: {},
    outputs: {},
    summary: '',
    log: [],
    annotations: [],
    exitCode: 0,
    startMs: 0,
    durationMs: 0,
    ...over,
  };
}

const job: JobResult = {
  status: 'failure',
  durationMs: 4000,
  steps: [
    record({
      id: 'rollout',
      name: 'Wait for the rollout',
      conclusion: 'failure',
      startMs: 0,
      durationMs: 1500,
      summary:
        '### Rollout\n\n| Resource | Reason |\n| --- | --- |\n| deployment/api | CrashLoopBackOff <script>x</script> |\n',
      annotations: [{ level: 'error', message: 'deployment/api: CrashLoopBackOff' }],
      log: [
        { kind: 'group', title: 'Diagnostics', depth: 0 },
        { kind: 'text', text: 'pod api-1 restarting', depth: 1 },
        { kind: 'endgroup', depth: 0 },
      ],
    }),
    record({ id: 'health', name: 'Smoke test', conclusion: 'skipped' }),
    record({
      id: 'rollback',
      name: 'Roll back',
      condition: 'failure',
      startMs: 1500,
      durationMs: 2500,
      summary: '### Rollback\n\nDone.',
    }),
  ],
};

const input: ReportInput = {
  title: 'Deploy api 2.0.0',
  scenario: 'bad-release',
  verdict: '✅ caught and rolled back',
  job,
  messages: [],
  facts: [{ heading: 'Cluster', markdown: 'runs `api:1.9.0`' }],
  username: 'Deploy Bot',
};

describe('the combined job summary', () => {
  test('timeline: one row per step with result, start offset and duration; skipped steps have neither', () => {
    expect(timelineMarkdown(job).split('\n').slice(2, 5)).toEqual([
      '| 1 | Wait for the rollout | uses: x |  | ❌ failure | +0.00 s | 1.50 s |',
      '| 2 | Smoke test | uses: x |  | ⏭️ skipped |  |  |',
      '| 3 | Roll back | uses: x | failure() | ✅ success | +1.50 s | 2.50 s |',
    ]);
  });

  test('Markdown: each step that ran gets its heading, annotations and own summary', () => {
    const md = buildMarkdown(input);
    expect(md).toContain('## 1. Wait for the rollout — ❌ failure');
    expect(md).toContain('| error | deployment/api: CrashLoopBackOff |');
    expect(md).toContain('### Rollback');
    expect(md).not.toContain('## 2. Smoke test');
    expect(md).toContain('## Cluster');
  });

  test('HTML: summaries rendered as tables, text escaped, log groups folded, tags balanced', () => {
    const html = buildHtml(input);
    expect(html).toContain('<td>CrashLoopBackOff &lt;script&gt;x&lt;/script&gt;</td>');
    expect(html).not.toContain('<script>');
    expect(html).toContain(
      '<details class="group"><summary>Diagnostics</summary><pre>pod api-1 restarting\n</pre></details>',
    );
    for (const tag of ['div', 'details', 'section', 'table', 'pre']) {
      const open = html.match(new RegExp(`<${tag}[\\s>]`, 'g'))?.length ?? 0;
      const close = html.match(new RegExp(`</${tag}>`, 'g'))?.length ?? 0;
      expect({ tag, open }).toEqual({ tag, open: close });
    }
  });
});

test('outputs chained: an input equal to an earlier output is a link; short values are not', () => {
  const chained: JobResult = {
    status: 'success',
    durationMs: 1,
    steps: [
      record({ id: 'started', outputs: { 'slack-ts': '1700000001.000100', sent: 'true' } }),
      record({
        id: 'final',
        inputs: { 'slack-ts': '1700000001.000100', 'fail-on-error': 'true', title: 'Deployed' },
      }),
    ],
  };
  expect(outputLinks(chained)).toEqual([
    { from: 'started', output: 'slack-ts', to: 'final', input: 'slack-ts' },
  ]);
});

describe('chat cards', () => {
  test.each([
    {
      input: '*Deployed* <https://x.example/run/1|run #1> :white_check_mark:',
      expected: '<strong>Deployed</strong> <a href="https://x.example/run/1">run #1</a> ✅',
    },
    { input: 'a &lt;b&gt; &amp; c', expected: 'a &lt;b&gt; &amp; c' },
    { input: 'cc <!subteam^S1|@oncall>', expected: 'cc <span class="mention">@oncall</span>' },
    { input: 'line\n_two_', expected: 'line<br><em>two</em>' },
  ])('Slack mrkdwn $input', ({ input, expected }) => {
    expect(renderSlackMrkdwn(input)).toBe(expected);
  });

  test('a Slack attachment shows its colour bar, header and fields', () => {
    const html = renderSlackMessage(
      {
        text: 'fallback',
        attachments: [
          {
            color: '#2EB67D',
            blocks: [
              { type: 'header', text: { type: 'plain_text', text: 'Deployed' } },
              { type: 'section', fields: [{ type: 'mrkdwn', text: '*Version*\n1.5.0' }] },
            ],
          },
        ],
      },
      'Bot',
    );
    expect(html).toContain('style="border-left-color:#2EB67D"');
    expect(html).toContain('<div class="s-header">Deployed</div>');
    expect(html).toContain('<strong>Version</strong><br>1.5.0');
  });

  test('a Discord embed shows its colour, title, inline fields and the edited mark', () => {
    const html = renderDiscordMessage(
      {
        username: 'Bot',
        embeds: [
          {
            title: 'Rolled back',
            color: 0xe8710a,
            fields: [{ name: 'Version', value: '1.5.1', inline: true }],
          },
        ],
      },
      true,
    );
    expect(html).toContain('border-left-color:#e8710a');
    expect(html).toContain('<div class="d-title">Rolled back</div>');
    expect(html).toContain(
      '<div class="d-inline"><div class="d-fname">Version</div><div>1.5.1</div></div>',
    );
    expect(html).toContain('(edited)');
  });
});
