import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { relativiseCss, relativiseHtml, relativiseSite } from '../../../pipeline/after-render/relative-urls';
import { markExternalLinks } from '../../../pipeline/after-render/external-links';

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

  it('fails the build, naming the page, on a root path it cannot rewrite in an inline stylesheet', async () => {
    const pages = new Map([['en/x/index.html', parse(`<style>p{background:url("/x.png')}</style>`)]]);
    await expect(relativiseSite(await mkdtemp(path.join(tmpdir(), 'site-')), pages)).rejects.toThrow(
      'Root-relative URLs would break mirrors under a path prefix:\n  en/x/index.html: <style> url("/x.png',
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
