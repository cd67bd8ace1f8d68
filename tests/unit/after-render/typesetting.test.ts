import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { typeset } from '../../../pipeline/after-render/typesetting';

const typesetHtml = (html: string) => {
  const document = parse(html, { comment: true });
  typeset(document);
  return document.toString();
};

describe('typesetting a built page', () => {
  it('joins ¶ to its number with a no-break space, wherever the text came from', () => {
    expect(typesetHtml('<p>(<a href="#p-2">¶ 2</a>, <a>¶\n20</a>)</p>')).toBe(
      '<p>(<a href="#p-2">¶\u00a02</a>, <a>¶\u00a020</a>)</p>',
    );
    // A ¶ not followed by a number is left as it is.
    expect(typesetHtml('<p>The ¶ numbers</p>')).toBe('<p>The ¶ numbers</p>');
  });

  it('keeps a separator at the end of a line, never at the start of one', () => {
    expect(typesetHtml('<h1><span>Старонка не знойдзена</span> · <span>Page not found</span></h1>')).toBe(
      '<h1><span>Старонка не знойдзена</span>\u00a0· <span>Page not found</span></h1>',
    );
  });

  it('keeps «г.» on the line of its year, in a document’s own text too', () => {
    expect(typesetHtml('<p>Жэнева, 1 сакавіка 2021 г.</p>')).toBe('<p>Жэнева, 1 сакавіка 2021\u00a0г.</p>');
    expect(typesetHtml('<p>г. Мінск</p>')).toBe('<p>г. Мінск</p>');
  });

  it('wraps a hyphenated acronym in a span kept on one line, and changes none of its characters', () => {
    const html = typesetHtml('<p>centres ACV-CSC, ABVV-FGTB and ACLVB-CGSLB; Komlik-Yamatin; COVID-19</p>');
    expect(html).toBe(
      '<p>centres <span class="nowrap">ACV-CSC</span>, <span class="nowrap">ABVV-FGTB</span> and ' +
        '<span class="nowrap">ACLVB-CGSLB</span>; Komlik-Yamatin; COVID-19</p>',
    );
    expect(parse(html).text).toBe('centres ACV-CSC, ABVV-FGTB and ACLVB-CGSLB; Komlik-Yamatin; COVID-19');
  });

  it('leaves code, scripts and the title alone, and changes nothing the second time', () => {
    const html =
      '<html><head><title>A · B ACV-CSC</title></head><body><pre>ACV-CSC · x</pre>' +
      '<script>const a = "ACV-CSC ¶ 1";</script><p>ACV-CSC ¶ 1 · x</p></body></html>';
    const once = typesetHtml(html);
    expect(once).toContain('<title>A · B ACV-CSC</title>');
    expect(once).toContain('<pre>ACV-CSC · x</pre>');
    expect(once).toContain('"ACV-CSC ¶ 1"');
    expect(once).toContain('<p><span class="nowrap">ACV-CSC</span> ¶\u00a01\u00a0· x</p>');
    expect(typesetHtml(once)).toBe(once);
  });
});
