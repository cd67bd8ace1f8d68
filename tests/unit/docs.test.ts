import { describe, expect, it } from 'vitest';
import { verdicts } from '../../pipeline/mirror-tools/verdicts.ts';
import { currentDocs, hostingGuide, mirrorsGuide, releaseKey, withPart } from '../../pipeline/docs.ts';

const current = (file: string) => {
  const found = currentDocs().find((doc) => doc.file === file);
  if (found === undefined) throw new Error(`npm run docs writes nothing into ${file}`);
  return found;
};

describe('the hosting guide in docs/mirrors.md', () => {
  it('is the English mirrors page’s guide, made afresh (npm run docs)', () => {
    const { actual, expected } = current('docs/mirrors.md');
    expect(actual).toBe(expected);
  });

  it('covers every way of hosting the issue asks for', () => {
    const { actual } = current('docs/mirrors.md');
    for (const host of [
      'nginx',
      'Caddy',
      'GitHub Pages',
      'Netlify',
      'Cloudflare Pages',
      'IPFS',
      'A Tor onion service',
    ]) {
      expect(actual).toMatch(new RegExp(`\\n#### ${host}\\n`));
    }
  });

  it('writes components out and links to other pages in full, and refuses a component it cannot write', () => {
    const guide = mirrorsGuide(
      '## Host a mirror\n\nSee the [downloads](../downloads/), <SiteAddress />.\n',
      'k\nRWX\n',
    );
    expect(guide).toMatch(
      /^## Host a mirror\n\nSee the \[downloads\]\(https?:\/\/[^)]+\/en\/downloads\/\), `https?:\/\/[^`]+`\.$/,
    );
    expect(() => mirrorsGuide('## Host a mirror\n\n<Unknown />\n', 'k\nRWX\n')).toThrow(
      'the guide uses <Unknown />, which pipeline/docs.ts cannot write',
    );
  });
});

describe('the release key in README.md', () => {
  it('is release/minisign.pub, made afresh (npm run docs)', () => {
    const { actual, expected } = current('README.md');
    expect(actual).toBe(expected);
  });
});

describe('the verdicts in README.md', () => {
  it('are each verdict of verdicts.ts with its exit status', () => {
    const { actual } = current('README.md');
    for (const { code, word } of verdicts)
      expect(actual).toMatch(new RegExp(`\\n\\| ${code} +\\| \`${word}: …\` +\\| `));
  });
});

describe('a generated part', () => {
  it('is replaced whole between its markers, and the rest of the file kept', () => {
    const stale = `# Title\n\nIntro.\n\n${hostingGuide.start}\n\nOld guide.\n\n${hostingGuide.end}\n\nAfter.\n`;
    expect(withPart(stale, hostingGuide, 'New guide.')).toBe(
      `# Title\n\nIntro.\n\n${hostingGuide.start}\n\nNew guide.\n\n${hostingGuide.end}\n\nAfter.\n`,
    );
  });

  it('is refused, naming the file and the markers, where a file lacks them', () => {
    expect(() => withPart('# README\n', releaseKey, 'key')).toThrow(`README.md lacks the markers ${releaseKey.start}`);
  });
});
