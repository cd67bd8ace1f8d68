import { describe, expect, it } from 'vitest';
import { linkedUrls } from '../../../pipeline/mirror-tools/links';

const pageUrl = new URL('https://mirror.example/record/en/x/');
const hrefs = (html: string) => linkedUrls(html, pageUrl).map((url) => url.href);

describe('the URLs a page links to', () => {
  it('resolves every URL of the page against its address: srcset and imagesrcset candidates, formaction, refresh', () => {
    // Which attributes carry URLs is page-urls.ts's to test; here, that verify reads them all and resolves them.
    const page = `<link rel="preload" as="image" imagesrcset="../../og/a.png 1x, ../../og/b.png 2x">
      <img src="c.png" srcset="/d.png 2x" alt=""><button formaction="https://phish.example/">Send</button>
      <meta http-equiv="refresh" content="5; url=../login/">`;
    expect(hrefs(page)).toEqual([
      'https://mirror.example/record/og/a.png',
      'https://mirror.example/record/og/b.png',
      'https://mirror.example/record/en/x/c.png',
      'https://mirror.example/d.png',
      'https://phish.example/',
      'https://mirror.example/record/en/login/',
    ]);
  });

  it('resolves against <base href>, and skips what is no URL', () => {
    expect(
      hrefs('<base href="https://mirror.example/record/"><a href="ru/">ru</a><a href="http://[::1">broken</a>'),
    ).toEqual(['https://mirror.example/record/', 'https://mirror.example/record/ru/']);
  });
});
