import { describe, expect, it } from 'vitest';
import {
  formatMirrorOriginFile,
  mayNameSiteAddress,
  parseMirrorOriginFile,
  pointAtMirror,
  restoreRelease,
} from '../../../pipeline/mirror-tools/mirror-origin.ts';
import { qrCodeMarkup } from '../../../src/lib/qr-code.ts';

const canonical = 'https://a.example/';

describe('MIRROR_ORIGIN', () => {
  it('reads the address and, per file, the occurrences that were there before the rewrite', () => {
    const text = 'https://m.example/x/\nen/mirrors/index.html\t2 5\n';
    const origin = parseMirrorOriginFile(text);
    expect(origin.address).toBe('https://m.example/x/');
    expect([...origin.kept]).toEqual([['en/mirrors/index.html', [2, 5]]]);
    expect(formatMirrorOriginFile(origin)).toBe(text);
    expect(parseMirrorOriginFile('https://m.example/x/').kept.size).toBe(0);
  });

  it.each([
    ['https://m.example/x/\nhttps://other.example/\n', 'MIRROR_ORIGIN line 2: expected "<path><TAB><numbers>"'],
    ['https://m.example/x/\nen/index.html\t3 2\n', 'MIRROR_ORIGIN line 2: the numbers must be in increasing order'],
    ['https://m.example/x/\n../x.html\t1\n', 'MIRROR_ORIGIN line 2: the path "../x.html" contains ".."'],
    ['https://m.example/x/\na.html\t1\na.html\t2\n', 'MIRROR_ORIGIN line 3: a.html is listed twice'],
    ['https://m.example/"x/\n', 'MIRROR_ORIGIN "https://m.example/\\"x/" contains "\\""'],
  ])('refuses %j', (text, message) => {
    expect(() => parseMirrorOriginFile(text)).toThrow(message);
  });
});

describe('pointing a file at a mirror and back', () => {
  const cases: [string, string][] = [
    ['a mirror elsewhere', 'https://m.example/x/'],
    ['a mirror below the canonical address', 'https://a.example/mirror/'],
    ['a mirror whose address the canonical one extends', 'https://a.example/a/'],
  ];

  it.each(cases)(
    'for %s, changes only the addresses, in both forms, and restores the signed bytes',
    async (_, mirror) => {
      const signed = Buffer.concat([
        Buffer.from(
          `<link rel="canonical" href="${canonical}en/x/"><a href="${mirror}">a listed mirror: ${mirror}</a>`,
        ),
        Buffer.from([0xff, 0xfe, 0x80]),
        Buffer.from(` <a href="https://t.me/share/url?url=${encodeURIComponent(`${canonical}en/x/`)}">share</a>`),
      ]);
      const { bytes, kept } = await pointAtMirror(signed, 'en/x/index.html', canonical, mirror);
      const text = bytes.toString('latin1');
      expect(text).toContain(`href="${mirror}en/x/"`);
      expect(text).toContain(`url=${encodeURIComponent(`${mirror}en/x/`)}`);
      const restored = await restoreRelease(bytes, 'en/x/index.html', canonical, {
        address: mirror,
        kept: new Map([['en/x/index.html', kept]]),
      });
      expect(restored.equals(signed)).toBe(true);
    },
  );

  it('keeps the occurrences of the mirror’s address that the signed file already had', async () => {
    const mirror = 'https://m.example/x/';
    const signed = Buffer.from(`<a href="${mirror}">${mirror}</a><link href="${canonical}en/">`);
    const { bytes, kept } = await pointAtMirror(signed, 'en/index.html', canonical, mirror);
    expect(bytes.toString()).toBe(`<a href="${mirror}">${mirror}</a><link href="${mirror}en/">`);
    expect(kept).toEqual([1, 2]);
  });

  it('redraws a QR code of a canonical URL for the same path at the mirror, and back', async () => {
    const mirror = 'https://m.example/x/';
    const signed = Buffer.from(`<p>${canonical}en/doc/</p><figure>${qrCodeMarkup(`${canonical}en/doc/`)}</figure>`);
    const { bytes } = await pointAtMirror(signed, 'en/doc/index.html', canonical, mirror);
    expect(bytes.toString()).toBe(`<p>${mirror}en/doc/</p><figure>${qrCodeMarkup(`${mirror}en/doc/`)}</figure>`);
    const restored = await restoreRelease(bytes, 'en/doc/index.html', canonical, { address: mirror, kept: new Map() });
    expect(restored.equals(signed)).toBe(true);
  });

  it('does not redraw a QR code that opens some other address', async () => {
    const mirror = 'https://m.example/x/';
    const elsewhere = qrCodeMarkup('https://phish.example/en/doc/');
    const served = Buffer.from(`<p>${mirror}en/doc/</p><figure>${elsewhere}</figure>`);
    const restored = await restoreRelease(served, 'en/doc/index.html', canonical, { address: mirror, kept: new Map() });
    expect(restored.toString()).toContain(elsewhere);
  });

  it('applies to pages, feeds, the sitemap and robots.txt only', () => {
    const files = ['en/index.html', '404.html', 'feed.xml', 'sitemap.xml', 'robots.txt', 'en/robots.txt', 'a.css'];
    expect(files.filter(mayNameSiteAddress)).toEqual([
      'en/index.html',
      '404.html',
      'feed.xml',
      'sitemap.xml',
      'robots.txt',
    ]);
  });
});
