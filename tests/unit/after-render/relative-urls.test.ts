import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { relativiseCss, relativiseHtml, rootRelativeUrlsIn } from '../../../pipeline/after-render/relative-urls';
import { markExternalLinks } from '../../../pipeline/after-render/external-links';

describe('relative URLs', () => {
  it('rewrites root paths in attributes relative to the page', () => {
    const html =
      '<link rel="stylesheet" href="/_astro/a.css"><img src="/og/en.png" srcset="/a.png 1x, /b.png 2x" alt="">';
    expect(relativiseHtml(html, '/en/x/')).toBe(
      '<link rel="stylesheet" href="../../_astro/a.css"><img src="../../og/en.png" srcset="../../a.png 1x, ../../b.png 2x" alt>',
    );
  });

  it('rewrites root paths in every attribute that carries a URL: imagesrcset, formaction, xlink:href, a refresh', () => {
    const html = [
      '<link rel="preload" as="image" imagesrcset="/a.png 1x, /b.png 2x">',
      '<form action="/en/"><button formaction="/en/send/">Send</button></form>',
      '<svg><use xlink:href="/icons.svg#i"></use></svg>',
      '<meta http-equiv="refresh" content="0; url=/en/">',
    ].join('');
    expect(relativiseHtml(html, '/en/x/')).toBe(
      [
        '<link rel="preload" as="image" imagesrcset="../../a.png 1x, ../../b.png 2x">',
        '<form action="../"><button formaction="../send/">Send</button></form>',
        '<svg><use xlink:href="../../icons.svg#i"></use></svg>',
        '<meta http-equiv="refresh" content="0; url=../">',
      ].join(''),
    );
  });

  it('leaves relative, external and protocol-relative URLs alone', () => {
    const html =
      '<a href="../ru/">ru</a><a href="https://example.org/">x</a><a href="//cdn.example/">y</a><a href="#c">c</a>';
    expect(relativiseHtml(html, '/en/')).toBe(html);
  });

  it('rewrites root paths in stylesheets relative to the stylesheet', () => {
    expect(
      relativiseCss('@import "/base.css";a{background:url(/img/x.svg)}b{background:url("/y.png")}', '/_astro/site.css'),
    ).toBe('@import "../base.css";a{background:url(../img/x.svg)}b{background:url("../y.png")}');
  });

  it('rewrites root paths in a page’s inline stylesheet relative to the page', () => {
    const css = '@font-face{font-family:N;src:url(/fonts/n.woff2)}p>a{background:url("/og/x.png")}';
    expect(relativiseHtml(`<style>${css}</style>`, '/en/x/')).toBe(
      '<style>@font-face{font-family:N;src:url(../../fonts/n.woff2)}p>a{background:url("../../og/x.png")}</style>',
    );
  });

  it('names each root path left in any attribute that carries a URL, srcset candidates one by one', () => {
    const page = parse(
      [
        '<img src="a.png" srcset="a.png 1x, /a2.png 2x" alt="">',
        '<link rel="preload" as="image" imagesrcset="/b.png 1x, b2.png 2x">',
        '<button formaction="/send/">Send</button><a href="//cdn.example/x">x</a>',
      ].join(''),
    );
    expect(rootRelativeUrlsIn('en/x/index.html', page)).toEqual([
      'en/x/index.html: <img> srcset="/a2.png"',
      'en/x/index.html: <link> imagesrcset="/b.png"',
      'en/x/index.html: <button> formaction="/send/"',
    ]);
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
