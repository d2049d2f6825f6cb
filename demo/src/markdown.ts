// The Markdown subset job summaries use, rendered to HTML for the demo's report page: headings,
// paragraphs, lists, fenced code, pipe tables (with \| escapes) and the few HTML tags GitHub's
// summary view keeps (<details>, <summary>, <br>, …). Everything else is escaped: summaries carry
// text from the outside world (commit messages, error bodies).

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const ALLOWED_TAG = /^<(\/?)(details|summary|br|b|i|em|strong|code|kbd|sub|sup|p)( open)?\s*\/?>/i;

function safeHref(url: string): string | undefined {
  return /^(https?:|mailto:|#)/i.test(url) ? url : undefined;
}

/** Inline Markdown: `code`, **bold**, *em* or _em_, [links](https://…), backslash escapes, allowed tags. */
export function renderInline(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length && /[\\`*_{}[\]()#+\-.!|<>~]/.test(text[i + 1])) {
      out += escapeHtml(text[i + 1]);
      i += 2;
      continue;
    }
    if (ch === '`') {
      const fence = /^`+/.exec(rest)![0];
      const end = text.indexOf(fence, i + fence.length);
      if (end > 0) {
        out += `<code>${escapeHtml(text.slice(i + fence.length, end).trim() || text.slice(i + fence.length, end))}</code>`;
        i = end + fence.length;
        continue;
      }
    }
    const strong = /^\*\*(.+?)\*\*/.exec(rest);
    if (strong) {
      out += `<strong>${renderInline(strong[1])}</strong>`;
      i += strong[0].length;
      continue;
    }
    const em = /^([*_])(?!\s)(.+?)(?<!\s)\1(?![\w])/.exec(rest);
    if (em && (i === 0 || !/\w/.test(text[i - 1]))) {
      out += `<em>${renderInline(em[2])}</em>`;
      i += em[0].length;
      continue;
    }
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest);
    if (link) {
      const href = safeHref(link[2]);
      out += href
        ? `<a href="${escapeHtml(href)}">${renderInline(link[1])}</a>`
        : renderInline(link[1]);
      i += link[0].length;
      continue;
    }
    const tag = ALLOWED_TAG.exec(rest);
    if (tag) {
      const name = tag[2].toLowerCase();
      out += name === 'br' ? '<br>' : `<${tag[1]}${name}${tag[3] && !tag[1] ? ' open' : ''}>`;
      i += tag[0].length;
      continue;
    }
    out += escapeHtml(ch);
    i++;
  }
  return out;
}

/** Splits a table row on unescaped pipes, dropping the outer ones. */
export function splitTableRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length) {
      current += s[i] + s[i + 1];
      i++;
    } else if (s[i] === '|') {
      cells.push(current.trim());
      current = '';
    } else current += s[i];
  }
  cells.push(current.trim());
  return cells;
}

const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

function alignments(separator: string): (string | undefined)[] {
  return splitTableRow(separator).map((c) =>
    c.startsWith(':') && c.endsWith(':')
      ? 'center'
      : c.endsWith(':')
        ? 'right'
        : c.startsWith(':')
          ? 'left'
          : undefined,
  );
}

export function renderMarkdown(markdown: string): string {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  const html: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) html.push(`<p>${paragraph.map(renderInline).join('<br>\n')}</p>`);
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') {
      flush();
      continue;
    }
    const fence = /^(```+|~~~+)\s*([\w-]*)\s*$/.exec(line);
    if (fence) {
      flush();
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].startsWith(fence[1])) body.push(lines[i++]);
      const lang = fence[2] ? ` class="language-${escapeHtml(fence[2])}"` : '';
      html.push(`<pre><code${lang}>${escapeHtml(body.join('\n'))}</code></pre>`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      const level = heading[1].length;
      html.push(`<h${level}>${renderInline(heading[2])}</h${level}>`);
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && TABLE_SEPARATOR.test(lines[i + 1])) {
      flush();
      const head = splitTableRow(line);
      const align = alignments(lines[i + 1]);
      const attr = (c: number) => (align[c] ? ` style="text-align:${align[c]}"` : '');
      const rows: string[] = [];
      i += 2;
      while (i < lines.length && lines[i].trim() !== '' && lines[i].includes('|')) {
        const cells = splitTableRow(lines[i]);
        rows.push(
          `<tr>${head.map((_, c) => `<td${attr(c)}>${renderInline(cells[c] ?? '')}</td>`).join('')}</tr>`,
        );
        i++;
      }
      i--;
      html.push(
        `<table><thead><tr>${head.map((h, c) => `<th${attr(c)}>${renderInline(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`,
      );
      continue;
    }
    const item = /^\s*([-*+]|\d+\.)\s+(.*)$/.exec(line);
    if (item) {
      flush();
      const ordered = /\d/.test(item[1]);
      const items: string[] = [];
      while (i < lines.length) {
        const m = /^\s*([-*+]|\d+\.)\s+(.*)$/.exec(lines[i]);
        if (!m) break;
        items.push(`<li>${renderInline(m[2])}</li>`);
        i++;
      }
      i--;
      html.push(ordered ? `<ol>${items.join('')}</ol>` : `<ul>${items.join('')}</ul>`);
      continue;
    }
    if (
      /^\s*(<\/?(details|summary)[^>]*>\s*)+$/i.test(line) ||
      /^\s*<details>\s*<summary>.*<\/summary>\s*$/i.test(line)
    ) {
      flush();
      html.push(renderInline(line.trim()));
      continue;
    }
    if (/^(-{3,}|\*{3,})\s*$/.test(line)) {
      flush();
      html.push('<hr>');
      continue;
    }
    const quote = /^>\s?(.*)$/.exec(line);
    if (quote) {
      flush();
      html.push(`<blockquote>${renderInline(quote[1])}</blockquote>`);
      continue;
    }
    paragraph.push(line);
  }
  flush();
  return html.join('\n');
}
