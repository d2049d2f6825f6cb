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

const CSS = `
body{font:14px/1.45 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:0;background:#f6f8fa;color:#1f2328}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:0 0 8px} h2 small{font-weight:normal;color:#59636e;font-size:12px}
.verdict{padding:10px 14px;border-radius:6px;margin:12px 0;font-weight:600}
.verdict.success{background:#dafbe1;color:#116329;border:1px solid #4ac26b}.verdict.failure{background:#ffebe9;color:#82071e;border:1px solid #ff8182}.verdict.cancelled{background:#eaeef2;color:#424a53;border:1px solid #afb8c1}.check{margin:4px 0 12px}.check.bad{color:#82071e;font-weight:600}
.badge{display:inline-block;font-size:11px;font-weight:600;border-radius:10px;padding:0 7px;margin-left:6px;border:1px solid}.badge.success{color:#116329;border-color:#4ac26b}.badge.failure{color:#82071e;border-color:#ff8182}.badge.skipped,.badge.cancelled{color:#59636e;border-color:#afb8c1}.badge.stand-in{color:#7d4e00;border-color:#d4a72c;background:#fff8c5}.notes{font-size:12px;color:#7d4e00;background:#fff8c5;border-radius:4px;padding:4px 8px;margin:6px 0}
.panel{background:#fff;border:1px solid #d1d9e0;border-radius:6px;padding:16px;margin:16px 0}
.tl-row{display:flex;align-items:center;gap:8px;margin:3px 0}.tl-name{width:330px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.tl-track{flex:1;background:#eef1f4;height:14px;border-radius:3px;position:relative}.tl-dur{width:70px;text-align:right;color:#59636e;font-variant-numeric:tabular-nums}
.bar{height:14px;border-radius:3px}.bar.success{background:#2da44e}.bar.failure{background:#cf222e}.bar.cancelled{background:#8c959f}.skipped{color:#8c959f;font-size:12px;padding-left:6px}
section.step{background:#fff;border:1px solid #d1d9e0;border-left:4px solid #d1d9e0;border-radius:6px;padding:14px 16px;margin:12px 0}
section.step.success{border-left-color:#2da44e}section.step.failure{border-left-color:#cf222e}section.step.cancelled{border-left-color:#8c959f}section.step.skipped{opacity:.6}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #d1d9e0;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f6f8fa}
pre{background:#0d1117;color:#e6edf3;padding:10px;border-radius:6px;overflow-x:auto;font-size:12px;margin:4px 0}
details.group>summary{font-family:monospace;font-size:12px;cursor:pointer}details{margin:4px 0}summary{cursor:pointer;color:#0969da}
.ann{font-family:monospace;font-size:12px;padding:2px 6px;border-radius:3px;display:inline-block;margin:2px 0}.ann.error{background:#ffebe9;color:#82071e}.ann.warning{background:#fff8c5;color:#7d4e00}.ann.notice{background:#ddf4ff;color:#0550ae}
pre .ann{background:none;padding:0}pre .ann.error{color:#ff7b72}pre .ann.warning{color:#d29922}pre .ann.notice{color:#79c0ff}
.cards{display:grid;grid-template-columns:1fr 1fr;gap:16px}.card-label{font-size:12px;color:#59636e;margin-bottom:6px}
.slack{display:flex;gap:8px;background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px;font-family:Lato,"Segoe UI",sans-serif;color:#1d1c1d}
.s-avatar,.d-avatar{width:36px;height:36px;border-radius:6px;background:#4a154b;color:#fff;display:flex;align-items:center;justify-content:center;font-weight:700;flex:none}
.s-body,.d-body{flex:1;min-width:0}.s-name{font-weight:900}.s-app{font-size:10px;background:#eee;color:#616061;padding:0 3px;border-radius:2px;font-weight:700}
.s-header{font-size:17px;font-weight:900;margin:4px 0}.s-section{margin:4px 0}.s-fields{display:grid;grid-template-columns:1fr 1fr;gap:4px 16px;margin:4px 0}
.s-context{color:#616061;font-size:12px;margin:4px 0}.s-attachment{border-left:4px solid #ddd;padding:2px 0 2px 12px;margin:6px 0}.s-divider{border:0;border-top:1px solid #ddd}
.s-button{display:inline-block;border:1px solid #bbb;border-radius:4px;padding:2px 10px;margin-right:6px;font-weight:700;font-size:13px}.mention{background:#e8f5fa;color:#1264a3;border-radius:3px;padding:0 2px}
.discord{display:flex;gap:12px;background:#313338;color:#dbdee1;border-radius:8px;padding:12px;font-family:"gg sans","Noto Sans",sans-serif}
.d-avatar{border-radius:50%;background:#5865f2;width:40px;height:40px}.d-name{color:#f2f3f5;font-weight:600}.d-bot{background:#5865f2;color:#fff;font-size:10px;padding:1px 4px;border-radius:3px}
.d-edited{color:#949ba4;font-size:11px;font-weight:normal}.d-embed{background:#2b2d31;border-left:4px solid #202225;border-radius:4px;padding:8px 16px 12px 12px;margin-top:6px;max-width:520px}
.d-title{font-weight:700;color:#f2f3f5;margin:4px 0}.d-title a{color:#00a8fc}.d-desc{font-size:14px;margin:4px 0}.d-fields{display:flex;flex-wrap:wrap;gap:8px 0;margin-top:8px}
.d-inline{flex:0 0 33%}.d-block{flex:0 0 100%}.d-fname{font-weight:700;color:#f2f3f5;font-size:13px}.d-footer{font-size:12px;color:#b5bac1;margin-top:8px}.discord a{color:#00a8fc}.discord code{background:#1e1f22}
`;

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
