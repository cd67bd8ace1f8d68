import { describe, expect, it } from 'vitest';
import { shareLinks } from '../../src/lib/share';
import { absoluteUrl, parseSiteUrl } from '../../src/lib/site-url';
import { escapeXml } from '../../src/lib/xml';

describe('share links', () => {
  const title = 'Лукашэнка & «санкцыі»? #1';
  const url = 'https://belarus-unions.example/be/petition-to-the-ilo/';
  const links = Object.fromEntries(shareLinks(title, url).map(({ service, href }) => [service, href]));

  it('encode the title and address so each decodes back exactly', () => {
    const telegram = new URL(links['telegram'] ?? '');
    expect(telegram.searchParams.get('url')).toBe(url);
    expect(telegram.searchParams.get('text')).toBe(title);
    expect(new URL(links['whatsapp'] ?? '').searchParams.get('text')).toBe(`${title}\n${url}`);
    expect(decodeURIComponent((links['viber'] ?? '').replace('viber://forward?text=', ''))).toBe(`${title}\n${url}`);
    const email = new URL(links['email'] ?? '');
    expect(email.searchParams.get('subject')).toBe(title);
    expect(email.searchParams.get('body')).toBe(url);
  });

  it('read, once the browser parses them, as links encoded in full, which the copy-link script rewrites on mirrors', () => {
    const encode = (text: string) => encodeURIComponent(text).replaceAll("'", '%27');
    const apostrophe = "Workers' rights «санкцыі»";
    const parsed = Object.fromEntries(
      shareLinks(apostrophe, url).map(({ service, href }) => [service, new URL(href).href]),
    );
    expect(parsed['telegram']).toBe(`https://t.me/share/url?url=${encode(url)}&text=${encode(apostrophe)}`);
    expect(parsed['viber']).toBe(`viber://forward?text=${encode(`${apostrophe}\n${url}`)}`);
    expect(parsed['email']).toBe(`mailto:?subject=${encode(apostrophe)}&body=${encode(url)}`);
  });

  it('carry letters of other scripts as they are, not as three times the bytes of %-escapes', () => {
    expect(links['telegram']).toContain('text=Лукашэнка%20%26%20«санкцыі»%3F%20%231');
  });

  it('offer Telegram, Viber, WhatsApp and e-mail', () => {
    expect(Object.keys(links)).toEqual(['telegram', 'viber', 'whatsapp', 'email']);
  });
});

describe('site address', () => {
  it('makes absolute addresses of site paths', () => {
    expect(absoluteUrl('/en/x/')).toMatch(/^https?:\/\/[^/]+\/(.*\/)?en\/x\/$/);
  });

  it.each(['belarus-unions.example', 'ftp://example.org/', 'https://example.org/path', 'https://example.org/?a=1'])(
    'rejects %s with a message saying what is expected',
    (value) => {
      expect(() => parseSiteUrl(value)).toThrow(/SITE_URL must be/);
    },
  );

  it('accepts an address under a path', () => {
    expect(parseSiteUrl('https://example.org/belarus/').pathname).toBe('/belarus/');
  });
});

describe('XML escaping', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`<a href="x">'Tom' & Jerry</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;Tom&apos; &amp; Jerry&lt;/a&gt;',
    );
  });
});
