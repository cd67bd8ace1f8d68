import { describe, expect, it } from 'vitest';
import { blockTexts, outline } from '../../src/lib/mdx';
import { numbersIn } from '../../pipeline/content-checks/numbers';
import { documents } from '../support/content';

describe.each(documents)('$slug', ({ original, translations }) => {
  const originalOutline = outline(original.tree);
  const originalNumbers = numbersIn(blockTexts(original.tree).join('\n'));

  it.each(translations.map((translation) => [translation.lang, translation] as const))(
    'in %s has the same paragraphs, list items, quotes, headings, line breaks, bold and links',
    (_lang, translation) => {
      expect(outline(translation.tree), translation.file).toEqual(originalOutline);
    },
  );

  it.each(translations.map((translation) => [translation.lang, translation] as const))(
    'in %s has every number of the original',
    (_lang, translation) => {
      const numbers = numbersIn(blockTexts(translation.tree).join('\n'));
      const missing = [...originalNumbers].filter((number) => !numbers.has(number));
      expect(missing, `${translation.file} lacks numbers`).toEqual([]);
    },
  );

  it.each(translations.map((translation) => [translation.lang, translation] as const))(
    'in %s keeps the kind, date and original language, and says it is a translation',
    (_lang, translation) => {
      expect(translation.data.kind).toBe(original.data.kind);
      expect(translation.data.date).toEqual(original.data.date);
      expect(translation.data.originalLanguage).toBe(original.lang);
      expect(translation.data.translated).toBe(true);
      expect(Boolean(translation.data.addressee)).toBe(Boolean(original.data.addressee));
      expect(Boolean(translation.data.place)).toBe(Boolean(original.data.place));
    },
  );
});
