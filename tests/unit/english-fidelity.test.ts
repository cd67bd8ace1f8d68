import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockTexts } from '../../src/lib/mdx';
import { documents } from '../support/content';

/**
 * The English pages must be the extracted originals in `sources/` with only
 * the extraction artefacts named in `sources/README.md` taken out: the same
 * words in the same order, nothing reworded, nothing dropped.
 */
const originals: Record<string, { source: string; artefacts: string[] }> = {
  'petition-to-the-ilo': { source: '000_f201bfcb7d56abe6.txt', artefacts: [] },
  'industriall-letter-to-the-ilo': {
    source: '001_fe80deb9d9a90883.txt',
    artefacts: [
      // Letterhead.
      '54 bis, route des Acacias CH 1227 Geneva Switzerland Tel: +41 (0)22 308 50 50 Fax: +41 (0)22 308 50 55 info@industrial-all-union.org www.industrial-all-union.org President: Jörg Hofmann General Secretary: Valter Sanchez',
      // A description of the image of the signature, not text of the letter.
      'A handwritten signature in black ink, appearing to read "Valter Sanchez". The signature is stylized with a large, sweeping initial \'V\'.',
    ],
  },
  'ituc-letter-to-the-ambassador': {
    source: '002_8860060b5428e9ce.txt',
    artefacts: [
      // Letterhead, in four languages.
      'Ayuba Wabba President Président Präsident Presidente Sharan Burrow General Secretary Secrétaire générale Generalsekretärin Secretaria General',
      // Page footer, which the page break put inside a sentence.
      'Contact: Bd du Roi Albert II, 5, Bte 1 B-1210 Bruxelles, Belgique Tel : +32 (0)2 224 02 11 Fax : +32 (0) 2 201 58 15 e-mail : info@ituc-csi.org www.ituc-csi.org',
    ],
  },
  'ilo-urges-belarus': {
    source: '003_f5fac88ce52ff1b0.txt',
    // Site navigation, the logo's alternative text, and the date, which the page header shows.
    artefacts: ['Jump to main content', 'IndustriALL logotype', '31 March, 2021'],
  },
  'congress-resolution-on-belarus': { source: '004_888cfe7ed5f59086.txt', artefacts: [] },
};

/** Reduces a text to its words: no Markdown, bullets, line breaks or runs of spaces. */
function words(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*/g, '')
    .replace(/^\s*(?:[-•]\s+)/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('English originals', () => {
  it('has a source for every English document and a document for every source', () => {
    expect(Object.keys(originals).sort()).toEqual(documents.map(({ slug }) => slug));
    expect(
      Object.values(originals)
        .map(({ source }) => source)
        .sort(),
    ).toEqual(
      readdirSync('sources')
        .filter((name) => name.endsWith('.txt'))
        .sort(),
    );
  });

  it.each(documents.map(({ slug, original }) => [slug, original] as const))(
    '%s is its source without the extraction artefacts',
    (slug, original) => {
      const { source, artefacts } = originals[slug] ?? { source: `(no source for ${slug})`, artefacts: [] };
      let expected = words(readFileSync(`sources/${source}`, 'utf8').replace(/\u00a0/g, ' '));
      for (const artefact of [...artefacts, original.data.title]) {
        expect(expected, `${source} should contain "${artefact}"`).toContain(artefact);
        expected = expected.replace(artefact, ' ');
      }
      expect(words(blockTexts(original.tree).join(' '))).toBe(words(expected));
    },
  );
});
