import { renderInline, renderMarkdown, splitTableRow } from '../../demo/src/markdown';
import { table, details } from '@cicd-actions/core/summary';

describe('renderInline', () => {
  test.each([
    { name: 'code', input: 'run `helm history`', expected: 'run <code>helm history</code>' },
    {
      name: 'bold and emphasis',
      input: '**ready** and *slow*',
      expected: '<strong>ready</strong> and <em>slow</em>',
    },
    {
      name: 'https link',
      input: '[run](https://github.com/acme/shop/actions/runs/1)',
      expected: '<a href="https://github.com/acme/shop/actions/runs/1">run</a>',
    },
    { name: 'javascript: link is not a link', input: '[x](javascript:alert)', expected: 'x' },
    {
      name: 'HTML is escaped',
      input: '<script>alert(1)</script>',
      expected: '&lt;script&gt;alert(1)&lt;/script&gt;',
    },
    { name: 'allowed tags pass: <br>', input: 'a<br>b', expected: 'a<br>b' },
    { name: 'backslash escapes', input: 'a \\| b \\*c\\*', expected: 'a | b *c*' },
    { name: 'snake_case words stay words', input: 'max_delay_ms', expected: 'max_delay_ms' },
  ])('$name', ({ input, expected }) => {
    expect(renderInline(input)).toBe(expected);
  });
});

describe('splitTableRow', () => {
  test.each([
    { input: '| a | b |', expected: ['a', 'b'] },
    { input: '| a \\| b | c |', expected: ['a \\| b', 'c'] },
    { input: 'a | b', expected: ['a', 'b'] },
  ])('$input', ({ input, expected }) => {
    expect(splitTableRow(input)).toEqual(expected);
  });
});

describe('renderMarkdown', () => {
  test('a table from core/summary renders with its escaped pipes and <br> kept', () => {
    const md = table(['Resource', 'Message'], [['deployment/api', 'a | b\nnext line']]);
    expect(renderMarkdown(md)).toBe(
      '<table><thead><tr><th>Resource</th><th>Message</th></tr></thead><tbody><tr><td>deployment/api</td><td>a | b<br>next line</td></tr></tbody></table>',
    );
  });

  test('headings, paragraphs, lists and fenced code', () => {
    const md = '### Rollout\n\nAll ready.\n\n- one\n- two\n\n```yaml\na: <b>\n```\n';
    expect(renderMarkdown(md)).toBe(
      '<h3>Rollout</h3>\n<p>All ready.</p>\n<ul><li>one</li><li>two</li></ul>\n<pre><code class="language-yaml">a: &lt;b&gt;</code></pre>',
    );
  });

  test('details from core/summary stay collapsible', () => {
    const html = renderMarkdown(details('Diagnostics', 'text'));
    expect(html).toBe('<details><summary>Diagnostics</summary>\n<p>text</p>\n</details>');
  });

  test('a column alignment row sets text-align', () => {
    expect(renderMarkdown('| n |\n| ---: |\n| 1 |')).toBe(
      '<table><thead><tr><th style="text-align:right">n</th></tr></thead><tbody><tr><td style="text-align:right">1</td></tr></tbody></table>',
    );
  });
});
