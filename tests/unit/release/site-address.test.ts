import { describe, expect, it } from 'vitest';
import {
  mayNameSiteAddress,
  parseMirrorOriginFile,
  parseSiteAddress,
  replaceAddress,
} from '../../../scripts/release/site-address.ts';

describe('site addresses', () => {
  it.each([
    'https://mirror.example/some/path/',
    'https://user.github.io/belarus-unions/',
    'http://127.0.0.1:4321/mirror/x/y/',
    'http://[::1]:8080/',
    'http://expyuzz4wqqyqhjn76bv4bd7nvqjdyyjubkhomwvwvzfgjyknpmj4vad.onion/',
    'https://gateway.example/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/a_b~c.d-e/',
  ])('accepts %s', (address) => {
    expect(parseSiteAddress(address, 'MIRROR_ORIGIN')).toBe(address);
  });

  it.each([
    ['https://mirror.example/"><script>alert(1)</script>/', 'contains "\\""'],
    ['https://mirror.example/<x/', 'contains "<"'],
    ["https://mirror.example/'/", `contains "'"`],
    ['https://mirror.example/a b/', 'contains " "'],
    ['https://mirror.example/a&amp;b/', 'contains "&"'],
    ['https://mirror.example/?q=1/', 'contains "?"'],
    ['https://mirror.example/#x/', 'contains "#"'],
    ['https://mirror.example/%22/', 'contains "%"'],
    ['https://mirror.example/\n', 'contains "\\n"'],
    ['https://user@mirror.example/', 'contains "@"'],
    ['javascript:alert(1)//', 'contains "("'],
    ['ftp://mirror.example/', 'does not start with http:// or https://'],
    ['//mirror.example/', 'does not start with http:// or https://'],
    ['https://mirror.example/path', 'does not end with /'],
    ['https://Mirror.example/', 'is not scheme://host[:port]/path/ with a lower-case host'],
    ['https://mirror.example:99999/', 'is not a valid URL'],
    ['https://mirror.example:443/', 'is not written in canonical form (https://mirror.example/)'],
    ['https://mirror.example/a/../b/', 'is not written in canonical form (https://mirror.example/b/)'],
    [`https://mirror.example/${'a'.repeat(256)}/`, 'is longer than 256 characters'],
  ])('rejects %j: it %s', (address, problem) => {
    expect(() => parseSiteAddress(address, 'MIRROR_ORIGIN')).toThrow(
      `MIRROR_ORIGIN ${JSON.stringify(address)} ${problem}; expected e.g. https://mirror.example/some/path/`,
    );
  });

  it('reads MIRROR_ORIGIN as one address on one line', () => {
    expect(parseMirrorOriginFile('https://mirror.example/x/\n')).toBe('https://mirror.example/x/');
    expect(() => parseMirrorOriginFile('https://mirror.example/x/\nhttps://other.example/\n')).toThrow(
      'contains "\\n"',
    );
  });
});

describe('replaceAddress', () => {
  it('replaces every occurrence and leaves every other byte as it was, in any encoding', () => {
    const original = Buffer.concat([
      Buffer.from('<link href="https://a.example/en/"> Пэтыцыя '),
      Buffer.from([0xff, 0xfe, 0x00, 0x80]),
      Buffer.from(' https://a.example/og.png https://a.example.org/'),
    ]);
    const rewritten = replaceAddress(original, 'https://a.example/', 'https://m.example/x/');
    expect(rewritten.toString('latin1')).toBe(
      original
        .toString('latin1')
        .replace('https://a.example/en/', 'https://m.example/x/en/')
        .replace('https://a.example/og.png', 'https://m.example/x/og.png'),
    );
    expect(replaceAddress(rewritten, 'https://m.example/x/', 'https://a.example/').equals(original)).toBe(true);
  });

  it('applies to pages, feeds, the sitemap and robots.txt only', () => {
    const files = [
      'en/index.html',
      '404.html',
      'feed.xml',
      'sitemap.xml',
      'robots.txt',
      'en/robots.txt',
      'a.css',
      'a.js',
    ];
    expect(files.filter(mayNameSiteAddress)).toEqual([
      'en/index.html',
      '404.html',
      'feed.xml',
      'sitemap.xml',
      'robots.txt',
    ]);
  });
});
