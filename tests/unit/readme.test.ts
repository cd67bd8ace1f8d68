import { describe, expect, it } from 'vitest';
import { currentReadme, readmeGuide } from '../../pipeline/readme.ts';

describe('the README’s hosting guide', () => {
  it('is the English mirrors page’s guide, made afresh (npm run readme)', () => {
    const { actual, expected } = currentReadme();
    expect(actual).toBe(expected);
  });

  it('covers every way of hosting the issue asks for', () => {
    const { actual } = currentReadme();
    for (const host of [
      'nginx',
      'Caddy',
      'GitHub Pages',
      'Netlify',
      'Cloudflare Pages',
      'IPFS',
      'A Tor onion service',
    ]) {
      expect(actual).toMatch(new RegExp(`\\n##### ${host}\\n`));
    }
  });

  it('writes components out and links to other pages in full, and refuses a component it cannot write', () => {
    const guide = readmeGuide('## Host a mirror\n\nSee the [downloads](../downloads/), <SiteAddress />.\n', 'k\nRWX\n');
    expect(guide).toMatch(
      /^### Host a mirror\n\nSee the \[downloads\]\(https?:\/\/[^)]+\/en\/downloads\/\), `https?:\/\/[^`]+`\.$/,
    );
    expect(() => readmeGuide('## Host a mirror\n\n<Unknown />\n', 'k\nRWX\n')).toThrow(
      'the guide uses <Unknown />, which pipeline/readme.ts cannot write',
    );
  });
});
