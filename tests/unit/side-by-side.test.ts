import { describe, expect, it } from 'vitest';
import { pairUnits, textUnits, type UnitSource } from '../../src/lib/side-by-side';
import { paths } from '../../src/lib/routes';
import { documents } from '../support/content';
import { readFileSync } from 'node:fs';
import { splitFrontMatter } from '../../src/lib/mdx';

const page = paths.sideBySide('be', 'a-letter');

function source(body: string, lang: 'en' | 'be' = 'en'): UnitSource {
  return { body, file: `src/content/documents/${lang}/a-letter.mdx`, documentPath: paths.document(lang, 'a-letter') };
}

describe('side-by-side units', () => {
  it('cut each numbered block out with the list, quote or signature block around it, and keep headings unnumbered', () => {
    const units = textUnits(
      source(`## Title

Text with "quotes".

- one
- two

> Quoted.

<SignatureBlock>
A. Person
</SignatureBlock>
`),
      page,
    );
    expect(units).toEqual([
      { shape: 'h2', html: '<h2>Title</h2>' },
      { id: 'p-1', shape: 'p', html: '<p>Text with “quotes”.</p>' },
      { id: 'p-2', shape: 'ul > li', html: '<ul><li>one</li></ul>' },
      { id: 'p-3', shape: 'ul > li', html: '<ul><li>two</li></ul>' },
      { id: 'p-4', shape: 'blockquote > p', html: '<blockquote><p>Quoted.</p></blockquote>' },
      { id: 'p-5', shape: 'SignatureBlock > p', html: '<div class="signature-block"><p>A. Person</p></div>' },
    ]);
  });

  it('keep a numbered list item’s number', () => {
    const units = textUnits(source('3. three\n4. four\n'), page);
    expect(units.map(({ html }) => html)).toEqual([
      '<ol start="3"><li>three</li></ol>',
      '<ol start="4"><li>four</li></ol>',
    ]);
  });

  it('rewrite links to other pages for the side-by-side page, one folder deeper, and leave the rest', () => {
    const [unit] = textUnits(
      source('See [the letter](../b-letter/#p-2), [home](../) and [a site](https://example.org/).\n'),
      page,
    );
    expect(unit?.html).toBe(
      '<p>See <a href="../../../en/b-letter/#p-2">the letter</a>, <a href="../../../en/">home</a> and <a href="https://example.org/">a site</a>.</p>',
    );
  });

  it('show e-mail addresses as text, as the document pages do, whether written as a link or on their own', () => {
    const [unit] = textUnits(
      source('E-mail: [embassy@mfa.gov.by](mailto:embassy@mfa.gov.by), or ryder@ilo.org.\n'),
      page,
    );
    expect(unit?.html).toBe('<p>E-mail: embassy@mfa.gov.by, or ryder@ilo.org.</p>');
  });

  it('show a rule as a piece without a number, and the elements content may write as plain HTML', () => {
    expect(textUnits(source('The 1<sup>st</sup>,<br />then.\n\n---\n\nMore.\n'), page)).toEqual([
      { id: 'p-1', shape: 'p', html: '<p>The 1<sup>st</sup>,<br>then.</p>' },
      { shape: 'hr', html: '<hr>' },
      { id: 'p-2', shape: 'p', html: '<p>More.</p>' },
    ]);
  });

  it('refuse, naming the file, a component they cannot show', () => {
    expect(() => textUnits(source('<Chart />\n'), page)).toThrow(
      'src/content/documents/en/a-letter.mdx: <Chart> cannot be shown side by side',
    );
    expect(() => textUnits(source('Text <Note>aside</Note>.\n'), page)).toThrow(
      'src/content/documents/en/a-letter.mdx: <Note> cannot be shown side by side',
    );
  });
});

describe('pairing a translation with its original', () => {
  const files = {
    original: 'src/content/documents/en/a-letter.mdx',
    translation: 'src/content/documents/be/a-letter.mdx',
  };

  it('pairs the blocks by their ids', () => {
    const pairs = pairUnits(
      textUnits(source('## Title\n\nOne.\n\nTwo.\n'), page),
      textUnits(source('## Назва\n\nАдзін.\n\nДва.\n', 'be'), page),
      files,
    );
    expect(pairs).toEqual([
      { original: '<h2>Title</h2>', translation: '<h2>Назва</h2>' },
      { id: 'p-1', original: '<p>One.</p>', translation: '<p>Адзін.</p>' },
      { id: 'p-2', original: '<p>Two.</p>', translation: '<p>Два.</p>' },
    ]);
  });

  it('fails the build, naming the translation and the first block that drifts', () => {
    const original = textUnits(source('One.\n\n> Two.\n\nThree.\n'), page);
    expect(() => pairUnits(original, textUnits(source('Адзін.\n\nДва.\n\nТры.\n', 'be'), page), files)).toThrow(
      'src/content/documents/be/a-letter.mdx: block 2 is "p" but in src/content/documents/en/a-letter.mdx it is "blockquote > p"',
    );
    expect(() => pairUnits(original, textUnits(source('Адзін.\n\n> Два.\n', 'be'), page), files)).toThrow(
      'src/content/documents/be/a-letter.mdx: block 3 is missing but in src/content/documents/en/a-letter.mdx it is "p"',
    );
  });
});

describe.each(documents)('$slug side by side', ({ slug, original, translations }) => {
  const unitsOf = (lang: typeof original.lang) => {
    const { body } = splitFrontMatter(readFileSync(`src/content/documents/${lang}/${slug}.mdx`, 'utf8'));
    return textUnits(
      { body, file: `src/content/documents/${lang}/${slug}.mdx`, documentPath: paths.document(lang, slug) },
      paths.sideBySide(lang, slug),
    );
  };

  it.each(translations.map((translation) => translation.lang))('pairs every block of the %s translation', (lang) => {
    const pairs = pairUnits(unitsOf(original.lang), unitsOf(lang), { original: original.file, translation: lang });
    expect(pairs.length).toBeGreaterThan(5);
    for (const pair of pairs) {
      expect(pair.original).toMatch(/^<(p|h2|ul|blockquote|div)[ >]/);
      expect(pair.translation).toMatch(/^<(p|h2|ul|blockquote|div)[ >]/);
    }
  });
});
