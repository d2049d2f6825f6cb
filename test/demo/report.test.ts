import {
  renderDiscordMessage,
  renderSlackMessage,
  renderSlackMrkdwn,
} from '../../demo/src/chat-cards';
import type { RunResult, StepRecord } from '../../demo/src/workflow/engine';
import {
  banner,
  buildHtml,
  buildMarkdown,
  outputLinks,
  statusLabel,
  timelineMarkdown,
  uniqueAnnotations,
  type ReportInput,
} from '../../demo/src/report';

function record(over: Partial<StepRecord>): StepRecord {
  return {
    jobId: 'deploy',
    id: 'x',
    name: 'X',
    runs: 'uses: x',
    kind: 'action',
    condition: 'success()',
    outcome: 'success',
    conclusion: 'success',
    inputs: {},
    outputs: {},
    notes: [],
    summary: '',
    log: [],
    annotations: [],
    exitCode: 0,
    startMs: 0,
    durationMs: 0,
    ...over,
  };
}

const CRASH = 'deployment/api: pod api-1 is in CrashLoopBackOff (uid 8835174e)';
const run: RunResult = {
  workflow: 'examples/deploy-production.yml',
  status: 'failure',
  durationMs: 4000,
  jobs: [
    {
      id: 'test',
      name: 'test',
      result: 'success',
      standIn: 'stand-in: the tests need the app',
      outputs: {},
      steps: [],
      startMs: 0,
      durationMs: 0,
    },
    {
      id: 'deploy',
      name: 'deploy',
      result: 'failure',
      outputs: {},
      startMs: 0,
      durationMs: 4000,
      steps: [
        record({
          id: 'token',
          name: 'Token',
          kind: 'stand-in',
          notes: ['stand-in for actions/create-github-app-token: no GitHub App here'],
        }),
        record({
          id: 'rollout',
          name: 'Wait for the rollout',
          outcome: 'failure',
          conclusion: 'failure',
          startMs: 0,
          durationMs: 1500,
          summary:
            '### Rollout\n\n| Resource | Reason |\n| --- | --- |\n| deployment/api | CrashLoopBackOff <script>x</script> |\n',
          annotations: [
            { level: 'error', message: CRASH },
            { level: 'error', message: CRASH },
            { level: 'error', message: CRASH },
          ],
          log: [
            { kind: 'group', title: 'Diagnostics', depth: 0 },
            { kind: 'text', text: 'pod api-1 restarting', depth: 1 },
            { kind: 'endgroup', depth: 0 },
          ],
        }),
        record({ id: 'health', name: 'Smoke test', outcome: 'skipped', conclusion: 'skipped' }),
        record({
          id: 'rollback',
          name: 'Roll back',
          condition: "failure() && steps.upgrade.conclusion != 'skipped'",
          startMs: 1500,
          durationMs: 2500,
          summary: '### Rollback\n\nDone.',
        }),
      ],
    },
  ],
};

const input: ReportInput = {
  title: 'Release — 2.0.0 to production',
  scenario: 'bad-release',
  story: 'caught and rolled back',
  problems: [],
  run,
  messages: [],
  git: [],
  cluster: { deployments: [], helmHistory: [] },
  argoSyncs: [],
  username: 'Deploy Bot',
};

describe('the combined job summary', () => {
  test('every status is a word; the icon only stands beside it', () => {
    expect(statusLabel('failure')).toBe('❌ failure');
    expect(statusLabel('skipped')).toBe('⏭️ skipped');
    expect(banner(run)).toBe('FAILURE: the run failed in 4.00 s');
  });

  test('timeline: one row per step, stand-ins marked, skipped steps without times', () => {
    expect(timelineMarkdown(run).split('\n').slice(2, 7)).toEqual([
      '| test |  | stand-in: the tests need the app |  |  | ✅ success |  |  |',
      '| deploy | 1 | Token (stand-in) | uses: x |  | ✅ success | +0.00 s | 0.00 s |',
      '| deploy | 2 | Wait for the rollout | uses: x |  | ❌ failure | +0.00 s | 1.50 s |',
      '| deploy | 3 | Smoke test | uses: x |  | ⏭️ skipped |  |  |',
      "| deploy | 4 | Roll back | uses: x | failure() && steps.upgrade.conclusion != 'skipped' | ✅ success | +1.50 s | 2.50 s |",
    ]);
  });

  test('a failed run opens with a failure banner, whatever the scenario expected', () => {
    const md = buildMarkdown(input);
    expect(md.split('\n').slice(0, 5)).toEqual([
      '# Release — 2.0.0 to production',
      '',
      '> **FAILURE: the run failed in 4.00 s**',
      '',
      'Scenario **bad-release**: ended as it must — caught and rolled back.',
    ]);
    const html = buildHtml(input);
    expect(html).toContain(
      '<div class="verdict failure" role="status">FAILURE: the run failed in 4.00 s</div>',
    );
  });

  test('a repeated annotation shows once, with its count', () => {
    expect(uniqueAnnotations(run.jobs[1].steps[1].annotations)).toEqual([
      { annotation: { level: 'error', message: CRASH }, count: 3 },
    ]);
    const md = buildMarkdown(input);
    expect(md.split(CRASH).length - 1).toBe(1);
    expect(md).toContain(`| error | ${CRASH} (×3) |`);
    const html = buildHtml(input);
    expect(html.split(CRASH).length - 1).toBe(1);
    expect(html).toContain(`Error: ${CRASH} <strong>(×3)</strong>`);
  });

  test('Markdown: each step that ran gets its heading and own summary; stand-ins say so', () => {
    const md = buildMarkdown(input);
    expect(md).toContain('## deploy 2. Wait for the rollout — ❌ failure');
    expect(md).toContain('### Rollback');
    expect(md).toContain('- _Here, not on GitHub:_ stand-in for actions/create-github-app-token');
    expect(md).not.toContain('## deploy 3. Smoke test');
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

  test('a scenario that did not end as it must says so under the banner', () => {
    const md = buildMarkdown({ ...input, problems: ['helm rollback ran'] });
    expect(md).toContain('Scenario **bad-release**: NOT as it must end — helm rollback ran.');
  });
});

test('outputs chained: an input equal to an earlier output is a link; short values are not', () => {
  const chained: RunResult = {
    ...run,
    jobs: [
      {
        ...run.jobs[1],
        steps: [
          record({ id: 'started', outputs: { 'slack-ts': '1700000001.000100', sent: 'true' } }),
          record({
            id: 'final',
            inputs: { 'slack-ts': '1700000001.000100', 'fail-on-error': 'true', title: 'Deployed' },
          }),
        ],
      },
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
