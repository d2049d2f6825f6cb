// The job summary of a demo run: a banner with the run's real outcome, the scenario check, a
// timeline, every step's own summary — as Markdown (what GitHub shows on the run page) and as
// one self-contained HTML page that also shows each step's log and the chat messages as Slack
// and Discord display them. Every status is a word, with an icon beside it, never an icon alone.
import { cell, table } from '@cicd-actions/core/summary';
import { renderMessagesHtml } from './chat-cards';
import type { ChatMessage } from './chat-sinks';
import type { ClusterState } from './demo-cluster';
import type { RemoteCommit } from './gitops-repo';
import type { Annotation, LogLine } from './job-log';
import { escapeHtml, renderMarkdown } from './markdown';
import { CSS } from './report-style';
import type { SyncRecord } from './argo-cd';
import type { Conclusion, JobRecord, RunResult, StepRecord } from './workflow/engine';

export interface ReportInput {
  title: string;
  scenario: string;
  story: string;
  /** Where the end state differs from what the scenario must end with. */
  problems: string[];
  run: RunResult;
  messages: ChatMessage[];
  git: RemoteCommit[];
  cluster: ClusterState;
  argoSyncs: SyncRecord[];
  username: string;
}

const ICON: Record<Conclusion, string> = {
  success: '✅',
  failure: '❌',
  cancelled: '⏹️',
  skipped: '⏭️',
};

/** A status as people read it: the word first, the icon only beside it. */
export function statusLabel(c: Conclusion): string {
  return `${ICON[c]} ${c}`;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** The headline: what GitHub would show for this run, whatever the scenario expected. */
export function banner(run: RunResult): string {
  const word = {
    success: 'succeeded',
    failure: 'failed',
    cancelled: 'was cancelled',
    skipped: 'was skipped',
  };
  return `${run.status.toUpperCase()}: the run ${word[run.status]} in ${seconds(run.durationMs)}`;
}

/** Identical annotations once, with how often they came. */
export function uniqueAnnotations(
  annotations: Annotation[],
): { annotation: Annotation; count: number }[] {
  const out: { annotation: Annotation; count: number }[] = [];
  for (const a of annotations) {
    const seen = out.find(
      (o) => o.annotation.level === a.level && o.annotation.message === a.message,
    );
    if (seen) seen.count++;
    else out.push({ annotation: a, count: 1 });
  }
  return out;
}

const stepsOf = (run: RunResult) => run.jobs.flatMap((j) => j.steps);

export function timelineMarkdown(run: RunResult): string {
  return table(
    ['Job', '#', 'Step', 'Runs', 'If', 'Result', 'Starts at', 'Duration'],
    run.jobs.flatMap((job) =>
      job.standIn
        ? [[job.id, '', cell(job.standIn), '', '', statusLabel(job.result), '', '']]
        : job.steps.map((s, i) => [
            job.id,
            i + 1,
            s.kind === 'stand-in' ? `${s.name} (stand-in)` : s.name,
            cell(s.runs),
            s.condition === 'success()' ? '' : cell(s.condition),
            statusLabel(s.conclusion),
            s.conclusion === 'skipped' ? '' : `+${seconds(s.startMs)}`,
            s.conclusion === 'skipped' ? '' : seconds(s.durationMs),
          ]),
    ),
  );
}

export interface OutputLink {
  from: string;
  output: string;
  to: string;
  input: string;
}

/** Inputs that carry an earlier step's output verbatim: the `${{ steps.<id>.outputs.<name> }}` links of the run. */
export function outputLinks(run: RunResult): OutputLink[] {
  const links: OutputLink[] = [];
  const steps = stepsOf(run);
  for (const [i, step] of steps.entries()) {
    for (const [input, value] of Object.entries(step.inputs)) {
      // Short values ('true', a channel id) match by coincidence; message ids, timestamps and JSON do not.
      if (value.length < 12) continue;
      const source = steps.slice(0, i).find((s) => Object.values(s.outputs).includes(value));
      const output = source && Object.entries(source.outputs).find(([, v]) => v === value)?.[0];
      if (source && output) links.push({ from: source.id, output, to: step.id, input });
    }
  }
  return links;
}

function gitMarkdown(git: RemoteCommit[]): string {
  return table(
    ['Commit', 'Author', 'Subject', 'shop-api tag', 'shop-web tag'],
    git.map((c) => [c.sha.slice(0, 12), c.author, cell(c.subject), c.tag, c.webTag]),
  );
}

function clusterMarkdown(s: ClusterState): string {
  return [
    s.deployments
      .map(
        (d) =>
          `Deployment \`${d.name}\` runs \`${d.image}\` — ${d.readyReplicas}/${d.replicas} ready.`,
      )
      .join('\n\n'),
    '',
    table(
      ['Helm revision', 'Status', 'Images', 'Description'],
      s.helmHistory.map((h) => [
        h.revision,
        h.status,
        cell(h.images.join(', ')),
        cell(h.description),
      ]),
    ),
  ].join('\n');
}

function scenarioCheck(r: ReportInput): string {
  return r.problems.length
    ? `Scenario **${r.scenario}**: NOT as it must end — ${r.problems.join('; ')}.`
    : `Scenario **${r.scenario}**: ended as it must — ${r.story}.`;
}

export function buildMarkdown(r: ReportInput): string {
  const parts = [
    `# ${r.title}`,
    '',
    `> **${banner(r.run)}**`,
    '',
    scenarioCheck(r),
    '',
    '## Timeline',
    '',
    timelineMarkdown(r.run),
    '## Outputs chained between steps',
    '',
    table(
      ['Output', 'Fed into', 'As input'],
      outputLinks(r.run).map((l) => [`steps.${l.from}.outputs.${l.output}`, l.to, l.input]),
    ),
  ];
  for (const job of r.run.jobs) {
    for (const [i, s] of job.steps.entries()) {
      if (s.conclusion === 'skipped') continue;
      parts.push(`## ${job.id} ${i + 1}. ${s.name} — ${statusLabel(s.conclusion)}`, '');
      if (s.notes.length)
        parts.push(...s.notes.map((n) => `- _Here, not on GitHub:_ ${cell(n)}`), '');
      const unique = uniqueAnnotations(s.annotations);
      if (unique.length)
        parts.push(
          table(
            ['Annotation', 'Message'],
            unique.map(({ annotation: a, count }) => [
              a.level,
              cell(count > 1 ? `${a.message} (×${count})` : a.message),
            ]),
          ),
        );
      if (s.kind !== 'stand-in')
        parts.push(s.summary.trim() || '_(this step wrote no summary)_', '');
    }
  }
  parts.push('## Messages', '');
  parts.push(
    table(
      ['Platform', 'Message', 'Versions', 'Final text'],
      r.messages.map((m) => [
        m.platform,
        m.id,
        m.via.map((v, i) => `${i + 1}. ${v}`).join('<br>'),
        cell(firstLine(m)),
      ]),
    ),
  );
  parts.push('## GitOps repository (remote main, newest first)', '', gitMarkdown(r.git), '');
  if (r.argoSyncs.length)
    parts.push(
      '## Argo CD stand-in: syncs',
      '',
      table(
        ['Commit', 'Result'],
        r.argoSyncs.map((s) => [s.commit.slice(0, 12), s.ok ? 'applied' : 'failed']),
      ),
      '',
    );
  parts.push('## Cluster at the end', '', clusterMarkdown(r.cluster), '');
  return parts.join('\n');
}

function firstLine(m: ChatMessage): string {
  const body = m.versions.at(-1) ?? {};
  const embed = (body.embeds as { title?: string; description?: string }[] | undefined)?.[0];
  return String(embed?.title ?? body.text ?? body.content ?? '').split('\n')[0];
}

function logHtml(lines: LogLine[]): string {
  // Text outside groups and each group's content become separate <pre> blocks; groups fold.
  const segments: { title?: string; body: string[] }[] = [{ body: [] }];
  const current = () => segments[segments.length - 1];
  for (const l of lines) {
    if (l.kind === 'group') segments.push({ title: l.title, body: [] });
    else if (l.kind === 'endgroup') segments.push({ body: [] });
    else if (l.kind === 'annotation') {
      const label = l.level === 'error' ? 'Error' : l.level === 'warning' ? 'Warning' : 'Notice';
      current().body.push(
        `<span class="ann ${l.level}">${escapeHtml(`${label}: ${l.title ? `${l.title}: ` : ''}${l.text}`)}</span>`,
      );
    } else if (l.kind === 'text') current().body.push(escapeHtml(l.text));
  }
  return segments
    .map((seg) => {
      const pre = seg.body.length ? `<pre>${seg.body.join('\n')}\n</pre>` : '';
      return seg.title === undefined
        ? pre
        : `<details class="group"><summary>${escapeHtml(seg.title)}</summary>${pre}</details>`;
    })
    .join('');
}

function timelineHtml(run: RunResult): string {
  const total = Math.max(run.durationMs, 1);
  return run.jobs
    .flatMap((job: JobRecord) =>
      job.standIn
        ? [
            `<div class="tl-row"><div class="tl-name">${escapeHtml(job.id)}: ${escapeHtml(statusLabel(job.result))} <span class="badge stand-in">stand-in</span></div><div class="tl-track"><span class="skipped">${escapeHtml(job.standIn)}</span></div><div class="tl-dur"></div></div>`,
          ]
        : job.steps.map((s, i) => {
            const left = (s.startMs / total) * 100;
            const width = Math.max((s.durationMs / total) * 100, 0.4);
            const bar =
              s.conclusion === 'skipped'
                ? '<span class="skipped">skipped</span>'
                : `<div class="bar ${s.conclusion}" style="margin-left:${left.toFixed(2)}%;width:${width.toFixed(2)}%"></div>`;
            return `<div class="tl-row"><div class="tl-name">${escapeHtml(job.id)} ${i + 1}. ${escapeHtml(s.name)}<span class="badge ${s.conclusion}">${s.conclusion}</span>${s.kind === 'stand-in' ? '<span class="badge stand-in">stand-in</span>' : ''}</div><div class="tl-track">${bar}</div><div class="tl-dur">${s.conclusion === 'skipped' ? '' : seconds(s.durationMs)}</div></div>`;
          }),
    )
    .join('\n');
}

function stepHtml(job: JobRecord, s: StepRecord, i: number): string {
  const inputs = Object.entries(s.inputs);
  const inputsTable = inputs.length
    ? `<details><summary>with: (${inputs.length} inputs)</summary><table><tbody>${inputs.map(([k, v]) => `<tr><td><code>${escapeHtml(k)}</code></td><td><code>${escapeHtml(v)}</code></td></tr>`).join('')}</tbody></table></details>`
    : '';
  const outputs = Object.entries(s.outputs);
  const outputsTable = outputs.length
    ? `<details><summary>outputs (${outputs.length})</summary><table><tbody>${outputs.map(([k, v]) => `<tr><td><code>${escapeHtml(k)}</code></td><td><code>${escapeHtml(v.length > 600 ? `${v.slice(0, 600)}…` : v)}</code></td></tr>`).join('')}</tbody></table></details>`
    : '';
  const annotations = uniqueAnnotations(s.annotations)
    .map(
      ({ annotation: a, count }) =>
        `<div class="ann ${a.level}">${a.level === 'error' ? 'Error' : a.level === 'warning' ? 'Warning' : 'Notice'}: ${escapeHtml(a.message)}${count > 1 ? ` <strong>(×${count})</strong>` : ''}</div>`,
    )
    .join('');
  const notes = s.notes.length
    ? `<div class="notes">Here, not on GitHub: ${s.notes.map(escapeHtml).join('<br>')}</div>`
    : '';
  const body =
    s.conclusion === 'skipped'
      ? `<div class="notes" style="background:none;color:#59636e">skipped: <code>if: ${escapeHtml(s.condition)}</code> was false</div>`
      : `${notes}${annotations}${s.kind === 'stand-in' ? '' : `<div class="summary">${s.summary.trim() ? renderMarkdown(s.summary) : '<p><em>(no summary)</em></p>'}</div>`}${inputsTable}${outputsTable}<details><summary>log (${s.log.filter((l) => l.kind !== 'debug').length} lines)</summary>${logHtml(s.log)}</details>`;
  return `<section class="step ${s.conclusion}"><h2>${escapeHtml(job.id)} ${i + 1}. ${escapeHtml(s.name)}<span class="badge ${s.conclusion}">${ICON[s.conclusion]} ${s.conclusion}</span>${s.kind === 'stand-in' ? '<span class="badge stand-in">stand-in</span>' : ''} <small>${escapeHtml(s.runs)}${s.conclusion === 'skipped' ? '' : ` · ${seconds(s.durationMs)}`}</small></h2>${body}</section>`;
}

export function buildHtml(r: ReportInput): string {
  const outcome =
    r.run.status === 'success' ? 'success' : r.run.status === 'cancelled' ? 'cancelled' : 'failure';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(r.title)}</title><style>${CSS}</style></head>
<body><main>
<h1>${escapeHtml(r.title)}</h1>
<div class="verdict ${outcome}" role="status">${escapeHtml(banner(r.run))}</div>
<div class="check${r.problems.length ? ' bad' : ''}">${renderMarkdown(scenarioCheck(r))}</div>
<div class="panel"><h2>Timeline</h2>${timelineHtml(r.run)}</div>
<div class="panel"><h2>Outputs chained between steps</h2>${renderMarkdown(
    table(
      ['Output', 'Fed into', 'As input'],
      outputLinks(r.run).map((l) => [`steps.${l.from}.outputs.${l.output}`, l.to, l.input]),
    ),
  )}</div>
<div class="panel"><h2>Messages as the platforms show them</h2><div class="cards"><div>${renderMessagesHtml(
    r.messages.filter((m) => m.platform === 'slack'),
    r.username,
  )}</div><div>${renderMessagesHtml(
    r.messages.filter((m) => m.platform === 'discord'),
    r.username,
  )}</div></div></div>
${r.run.jobs.flatMap((job) => job.steps.map((s, i) => stepHtml(job, s, i))).join('\n')}
<div class="panel"><h2>GitOps repository (remote main, newest first)</h2>${renderMarkdown(gitMarkdown(r.git))}</div>
<div class="panel"><h2>Cluster at the end</h2>${renderMarkdown(clusterMarkdown(r.cluster))}</div>
</main></body></html>
`;
}
