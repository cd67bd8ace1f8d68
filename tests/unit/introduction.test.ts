import { existsSync, readFileSync } from 'node:fs';
import type { Nodes, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { localeCodes, type Locale } from '../../src/i18n/locales';
import { glossaryFindings } from '../../pipeline/content-checks/glossary-check';
import { parseMdx, splitFrontMatter } from '../../src/lib/mdx';
import { paragraphNumber } from '../../src/lib/paragraph-number';
import { documentParagraphs } from '../support/paragraphs';

/** The introduction in one language, parsed as the build parses it. */
function introduction(lang: Locale): Root {
  return parseMdx(splitFrontMatter(readFileSync(`src/content/pages/${lang}/introduction.mdx`, 'utf8')).body);
}

interface Citation {
  slug: string;
  number: number;
}

/** A paragraph of the introduction as text, each link to a document's paragraph replaced by a mark `⟦n⟧`. */
function withCitations(node: Nodes, citations: Citation[]): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'link') {
    const [, slug = '', fragment = ''] = /^\.\.\/([a-z0-9-]+)\/#(.*)$/.exec(node.url) ?? [];
    const number = paragraphNumber(fragment);
    if (number !== undefined) {
      citations.push({ slug, number });
      return `⟦${citations.length - 1}⟧`;
    }
  }
  return 'children' in node ? node.children.map((child) => withCitations(child, citations)).join('') : '';
}

interface Sentence {
  text: string;
  cites: Citation[];
}

/** The sentences of the introduction's paragraphs (headings are titles, not statements), with what each cites. */
function sentences(lang: Locale): Sentence[] {
  return introduction(lang).children.flatMap((block) => {
    if (block.type !== 'paragraph') return [];
    const citations: Citation[] = [];
    const text = withCitations(block, citations);
    return text.split(/(?<=[.!?])\s+/u).map((sentence) => ({
      text: sentence,
      cites: [...sentence.matchAll(/⟦(\d+)⟧/gu)].flatMap(([, index]) => citations[Number(index)] ?? []),
    }));
  });
}

/** Every word a reader reads below the title: headings, text and the labels of the citations. */
function wordCount(lang: Locale): number {
  const text = (node: Nodes): string =>
    'value' in node && node.type === 'text'
      ? node.value
      : 'children' in node
        ? node.children.map((child) => text(child)).join(' ')
        : '';
  return text(introduction(lang))
    .split(/\s+/u)
    .filter((word) => /\p{L}/u.test(word)).length;
}

/** The numbers a text gives, with thousands written "30 000" read as one. */
const numbersIn = (text: string) => text.replace(/(\d)[\s\u00a0\u202f](?=\d{3}\b)/gu, '$1').match(/\d+/gu) ?? [];

/** The languages with an introduction of their own: a partial language shows the English one until it has it. */
const written = localeCodes.filter((lang) => existsSync(`src/content/pages/${lang}/introduction.mdx`));

const paragraphText = (lang: Locale, { slug, number }: Citation) =>
  documentParagraphs.find((document) => document.slug === slug)?.paragraphs[lang]?.[number - 1]?.text;

describe.each(written)('the introduction in %s', (lang) => {
  it('has 200 to 400 words', () => {
    const words = wordCount(lang);
    expect(words).toBeGreaterThanOrEqual(200);
    expect(words).toBeLessThanOrEqual(400);
  });

  it('cites, in every sentence, the paragraphs of the documents it comes from', () => {
    const all = sentences(lang);
    expect(all.length).toBeGreaterThan(10);
    for (const sentence of all) expect(sentence.cites, sentence.text).not.toEqual([]);
    for (const cite of all.flatMap((sentence) => sentence.cites)) {
      expect(paragraphText(lang, cite), `${cite.slug} ¶ ${cite.number}`).toBeDefined();
    }
  });

  it('gives no number or date that the paragraphs it cites do not give', () => {
    for (const { text, cites } of sentences(lang)) {
      const cited = numbersIn(cites.map((cite) => paragraphText(lang, cite) ?? '').join(' '));
      const own = numbersIn(text.replace(/⟦\d+⟧/gu, ''));
      for (const number of own) expect(cited, `${number} in "${text}"`).toContain(number);
    }
  });

  it('cites the same paragraphs, in the same order, as the English', () => {
    const cites = (of: Locale) => sentences(of).flatMap((sentence) => sentence.cites);
    expect(cites(lang)).toEqual(cites('en'));
  });
});

describe('the introduction’s translations', () => {
  const text = (lang: Locale) => readFileSync(`src/content/pages/${lang}/introduction.mdx`, 'utf8');

  it.each(written.filter((lang) => lang !== 'en'))('write in %s every name in the glossary’s form', (lang) => {
    expect(glossaryFindings({ text: text('en'), lang: 'en' }, { text: text(lang), lang })).toEqual([]);
  });
});

describe('the checks of the introduction', () => {
  it('find a number the cited paragraph does not give, and read 30 000 as one number', () => {
    expect(numbersIn('more than 30 000 protesters, 667 prisoners, on 23–24 March')).toEqual([
      '30000',
      '667',
      '23',
      '24',
    ]);
  });
});
