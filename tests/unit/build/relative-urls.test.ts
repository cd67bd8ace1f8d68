import { describe, expect, it } from 'vitest';
import { relativiseCss, relativiseHtml } from '../../../scripts/build/relative-urls';
import { markExternalLinks } from '../../../scripts/build/external-links';

describe('relative URLs', () => {
  it('rewrites root paths in attributes relative to the page', () => {
    const html =
      '<link rel="stylesheet" href="/_astro/a.css"><img src="/og/en.png" srcset="/a.png 1x, /b.png 2x" alt="">';
    expect(relativiseHtml(html, '/en/x/')).toBe(
      '<link rel="stylesheet" href="../../_astro/a.css"><img src="../../og/en.png" srcset="../../a.png 1x, ../../b.png 2x" alt>',
    );
  });

  it('leaves relative, external and protocol-relative URLs alone', () => {
    const html =
      '<a href="../ru/">ru</a><a href="https://example.org/">x</a><a href="//cdn.example/">y</a><a href="#c">c</a>';
    expect(relativiseHtml(html, '/en/')).toBe(html);
  });

  it('rewrites root paths in stylesheets relative to the stylesheet', () => {
    expect(relativiseCss('a{background:url(/img/x.svg)}b{background:url("/y.png")}', '/_astro/site.css')).toBe(
      'a{background:url(../img/x.svg)}b{background:url("../y.png")}',
    );
  });
});

describe('external links', () => {
  it('gives links to other sites rel="noopener noreferrer" and nothing else', () => {
    expect(
      markExternalLinks('<a href="http://example.org">x</a><a href="../en/">y</a><a href="mailto:a@b.c">z</a>'),
    ).toBe(
      '<a href="http://example.org" rel="noopener noreferrer">x</a><a href="../en/">y</a><a href="mailto:a@b.c">z</a>',
    );
  });
});
