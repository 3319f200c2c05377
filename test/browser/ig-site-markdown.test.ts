import { describe, expect, it } from 'vitest';
import { renderInline, renderMarkdown } from '../../scripts/build-ig-site.js';

describe('IG site Markdown renderer', () => {
  it('escapes raw HTML and neutralizes script links', () => {
    expect(renderInline('<script>alert(1)</script> & "x"')).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    expect(renderInline('[click](javascript:alert(1))')).toBe('<a href="#">click</a>)');
    expect(renderInline('`<b>` **bold** *em* [page](diseases.html)')).toBe(
      '<code>&lt;b&gt;</code> <strong>bold</strong> <em>em</em> <a href="diseases.html">page</a>',
    );
  });

  it('joins wrapped Japanese lines without a space and other lines with one', () => {
    expect(renderMarkdown('登録対象は\n入院です。\nThe registry\ntakes admissions.')).toBe('<p>登録対象は入院です。 The registry takes admissions.</p>');
  });

  it('renders headings, pipe tables and nested lists', () => {
    const html = renderMarkdown(['## 方法 / Method', '', '| a | b |', '|---|---|', '| 1 | `x` |', '', '1. first', '   continued', '   - nested', '2. second'].join('\n'));
    expect(html).toContain('<h2>方法 / Method</h2>');
    expect(html).toContain('<table class="md"><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td><code>x</code></td></tr></tbody></table>');
    expect(html).toContain('<ol><li>first continued\n<ul><li>nested</li></ul></li><li>second</li></ol>');
  });
});
