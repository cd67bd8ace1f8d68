import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { mdxToHast, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { mdxFeatures } from '../../src/lib/mdx';
import { isDocumentFile, numberBlocks, numberedBlocks, paragraphIdsPlugin } from '../../src/lib/paragraph-ids';
import { paragraphId, paragraphNumber } from '../../src/lib/paragraph-number';
import { completeLocaleCodes } from '../../src/i18n/locales';
import { documents } from '../support/content';
import { readFileSync } from 'node:fs';
import { splitFrontMatter } from '../../src/lib/mdx';

/** A document with every kind of block the rule must decide about. */
const sample = `## A heading

First paragraph.

- a tight item
- another, with **bold**

1. a loose item

   with a second paragraph

> A quote's first paragraph.
>
> Its second.

Closing paragraph.

<SignatureBlock>
A. Person\\
Secretary
</SignatureBlock>
`;

function tree(source: string): Root {
  return mdxToHast(source, { features: mdxFeatures, position: false }) as Root;
}

const textOf = (element: Element): string =>
  element.children
    .map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : ''))
    .join('')
    .trim();

describe('paragraph ids', () => {
  it('number paragraphs and list items in reading order: items own their paragraphs, quotes and signatures count, headings do not', () => {
    const blocks = numberedBlocks(tree(sample));
    expect(blocks.map((block) => [block.tagName, textOf(block).split('\n')[0]])).toEqual([
      ['p', 'First paragraph.'],
      ['li', 'a tight item'],
      ['li', 'another, with bold'],
      ['li', 'a loose item'],
      ['p', 'A quote’s first paragraph.'],
      ['p', 'Its second.'],
      ['p', 'Closing paragraph.'],
      ['p', 'A. Person'],
    ]);
  });

  it('are written p-1, p-2… and read back, and nothing else reads as one', () => {
    expect(paragraphId(12)).toBe('p-12');
    expect(paragraphNumber('p-12')).toBe(12);
    for (const other of ['content', 'p-0', 'p-1.5', 'p-', 'provenance', undefined, 12]) {
      expect(paragraphNumber(other), String(other)).toBeUndefined();
    }
  });

  it('are set on the blocks themselves', () => {
    const root = tree(sample);
    const blocks = numberBlocks(root);
    expect(blocks.map((block) => block.properties['id'])).toEqual(blocks.map((_, index) => `p-${index + 1}`));
    expect(numberedBlocks(root).map((block) => block.properties['id'])).toEqual(
      blocks.map((block) => block.properties['id']),
    );
  });

  it('are given by the Sätteri plugin to documents as Astro compiles them, and to no other content', async () => {
    const compile = async (file: string) => {
      const { code } = await mdxToJs(sample, {
        features: mdxFeatures,
        hastPlugins: [paragraphIdsPlugin],
        fileURL: pathToFileURL(path.resolve(file)),
      });
      return [...code.matchAll(/id: "([^"]+)"/g)].map((match) => match[1]);
    };
    expect(await compile('src/content/documents/be/a-letter.mdx')).toEqual([
      'p-1',
      'p-2',
      'p-3',
      'p-4',
      'p-5',
      'p-6',
      'p-7',
      'p-8',
    ]);
    expect(await compile('src/content/pages/be/mirrors.mdx')).toEqual([]);
    expect(isDocumentFile(undefined)).toBe(false);
  });
});

describe.each(documents)('$slug: the same paragraph ids in every language', ({ slug, original, translations }) => {
  const blocksOf = (lang: string) => {
    const { body } = splitFrontMatter(readFileSync(`src/content/documents/${lang}/${slug}.mdx`, 'utf8'));
    return numberBlocks(tree(body)).map((block) => `${String(block.properties['id'])} ${block.tagName}`);
  };
  const expected = blocksOf(original.lang);

  it('has numbered blocks', () => {
    expect(expected.length).toBeGreaterThan(5);
  });

  it.each(translations.map((translation) => translation.lang))('%s has the original’s blocks, one for one', (lang) => {
    expect(blocksOf(lang), `src/content/documents/${lang}/${slug}.mdx drifts from the original`).toEqual(expected);
  });

  it('covers every complete language', () => {
    expect([original.lang, ...translations.map((translation) => translation.lang)]).toEqual(
      expect.arrayContaining([...completeLocaleCodes]),
    );
  });
});
