import { describe, expect, it } from 'vitest';
import { blockTexts } from '../../src/lib/mdx';
import { englishTermPattern, glossary, normaliseForGlossary, translatedFormPattern } from '../../src/i18n/glossary';
import { localeCodes } from '../../src/i18n/locales';
import { documents } from '../support/content';

describe('glossary patterns', () => {
  it('matches an English term as a whole word, in any case', () => {
    expect(englishTermPattern('ILO').test('asking ILO to help')).toBe(true);
    expect(englishTermPattern('Mikhnevich').test('Ambassador Aleksandr MIKHNEVICH')).toBe(true);
    expect(englishTermPattern('REP').test('a representative')).toBe(false);
  });

  it('lets an inflected ending follow a | and nothing follow a full form', () => {
    expect(translatedFormPattern('Лукашэнк|').test('рэжыму Лукашэнкі')).toBe(true);
    expect(translatedFormPattern('Беларуск| незалежн| прафсаюз|').test('Беларускага незалежнага прафсаюза')).toBe(true);
    expect(translatedFormPattern('МАП').test('МАПы')).toBe(false);
    expect(translatedFormPattern('Лукашенко').test('Лукашенка')).toBe(false);
  });

  it('treats apostrophes and ё as the same letter', () => {
    expect(translatedFormPattern('аб’яднання').test("свабоды аб'яднання")).toBe(true);
    expect(normaliseForGlossary('Соединённые')).toBe('Соединенные');
  });

  it('gives every entry a form in every language', () => {
    for (const entry of glossary) {
      for (const lang of localeCodes) expect(entry[lang].trim(), JSON.stringify(entry)).not.toBe('');
    }
  });
});

describe.each(documents)('$slug uses the glossary', ({ original, translations }) => {
  const originalText = normaliseForGlossary(blockTexts(original.tree).join('\n') + '\n' + original.data.title);
  const termsUsed = glossary.filter((entry) => englishTermPattern(entry[original.lang]).test(originalText));

  it('uses at least one glossary term', () => {
    expect(termsUsed.length).toBeGreaterThan(0);
  });

  it.each(translations.map((translation) => [translation.lang, translation] as const))(
    'in %s, every term the original uses appears in its glossary form',
    (_lang, translation) => {
      const text = normaliseForGlossary(blockTexts(translation.tree).join('\n') + '\n' + translation.data.title);
      const missing = termsUsed
        .filter((entry) => !translatedFormPattern(entry[translation.lang]).test(text))
        .map((entry) => `${entry[original.lang]} → ${entry[translation.lang]}`);
      expect(missing, `${translation.file} lacks glossary forms`).toEqual([]);
    },
  );
});
