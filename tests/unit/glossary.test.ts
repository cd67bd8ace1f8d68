import { describe, expect, it } from 'vitest';
import { blockTexts } from '../../src/lib/mdx';
import { glossary } from '../../src/data/glossary';
import {
  englishTermPattern,
  formMatcher,
  normaliseForGlossary,
  translatedFormPattern,
  wrongEndings,
} from '../../src/lib/glossary';
import { glossaryFindings, termsUsed } from '../../pipeline/content-checks/glossary-check';
import { completeLocaleCodes, localeCodes, type Locale } from '../../src/i18n/locales';
import { documents, type DocumentFile } from '../support/content';
import { documentParagraphs } from '../support/paragraphs';

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

  it('allows only the listed endings where a form lists them', () => {
    const kapshul = translatedFormPattern('Александр| Капшул{ь,я,ю,ем,е}');
    expect(kapshul.test('юриста Александра Капшуля')).toBe(true);
    expect(kapshul.test('Александр Капшуль')).toBe(true);
    expect(kapshul.test('юриста Александра Капшула')).toBe(false);
    expect(kapshul.test('Александр Капшул.')).toBe(false);
    expect(wrongEndings('Александр| Капшул{ь,я,ю,ем,е}', 'юриста Александра Капшула и Капшулю')).toEqual(['Капшула']);
    expect(wrongEndings('Лукашэнк|', 'Лукашэнкаў')).toEqual([]);
  });

  it('finds a first name in any case', () => {
    const kemal = glossary.find((entry) => entry.en === 'Kemal Özkan');
    expect(kemal && translatedFormPattern(kemal.ru).test('слова Кемаля Озкана')).toBe(true);
    expect(kemal && translatedFormPattern(kemal.be).test('Кемалю Озкану')).toBe(true);
    expect(kemal && wrongEndings(kemal.ru, 'Кемала Озкана')).toEqual(['Кемала']);
  });

  it('treats apostrophes and ё as the same letter', () => {
    expect(translatedFormPattern('аб’яднання').test("свабоды аб'яднання")).toBe(true);
    expect(normaliseForGlossary('Соединённые')).toBe('Соединенные');
  });

  describe('the names index’s matcher, which compiles no pattern of its own', () => {
    const withPattern = (form: string, lang: Locale, text: string) => {
      const pattern = lang === 'en' ? englishTermPattern(form) : translatedFormPattern(form);
      return [...text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))].map((match) => ({
        start: match.index,
        end: match.index + match[0].length,
      }));
    };

    it('finds every form of the glossary where its pattern does, in every paragraph of every document', () => {
      let found = 0;
      for (const lang of completeLocaleCodes) {
        const texts = documentParagraphs.flatMap(({ paragraphs }) =>
          paragraphs[lang].map(({ text }) => normaliseForGlossary(text)),
        );
        for (const entry of glossary) {
          const matcher = formMatcher(entry[lang], lang);
          for (const text of texts) {
            const expected = withPattern(entry[lang], lang, text);
            expect(matcher(text), `${lang} "${entry[lang]}" in «${text}»`).toEqual(expected);
            found += expected.length;
          }
        }
      }
      expect(found).toBeGreaterThan(500);
    });

    it.each([
      ['en', 'ILO', 'ILO, the ilo and ILOs; xILO ILO2 (ILO) ILO'],
      ['en', 'Minsk', '𝐀Minsk Minsk𝐀 Minsk'],
      ['be', 'Лукашэнк|', 'Лукашэнкі Лукашэнк, Лукашэнкаў1 аЛукашэнка Лукашэнка'],
      ['ru', 'Александр| Капшул{ь,я,ю,ем,е}', 'Александра Капшула, Александру Капшулю и Александр Капшуль.'],
      ['ru', 'Мин| ск|', 'Минск ск Мин ск Минанск скала'],
      ['be', 'ab|ab', 'abab ababab abxab ab ab'],
      ['be', '|ка', 'рука ка нака'],
      ['be', 'Капшул{,ь}', 'Капшул Капшуль Капшуля'],
    ] as const)('in %s, finds «%s» where its pattern does in «%s»', (lang, form, text) => {
      const expected = withPattern(form, lang, text);
      expect(expected.length).toBeGreaterThan(0);
      expect(formMatcher(form, lang)(text)).toEqual(expected);
    });
  });

  it('gives every entry a form in every complete language, and no empty one in any', () => {
    for (const entry of glossary) {
      for (const lang of completeLocaleCodes) expect(entry[lang].trim(), JSON.stringify(entry)).not.toBe('');
      for (const lang of localeCodes) expect(entry[lang]?.trim(), JSON.stringify(entry)).not.toBe('');
    }
  });
});

describe('glossary check', () => {
  const original = { lang: 'en' as const, text: 'lawyer Alexander Kapshul and Ambassador Aleksandr MIKHNEVICH' };

  it('reports a name that a translation gives in another form or declension', () => {
    expect(
      glossaryFindings(original, { lang: 'ru', text: 'юриста Александра Капшула и посла Александра Михневича' }),
    ).toEqual(['Alexander Kapshul → Александр| Капшул{ь,я,ю,ем,е}', 'Капшула: Александр| Капшул{ь,я,ю,ем,е}']);
    expect(glossaryFindings(original, { lang: 'be', text: 'юрыста Аляксандра Капшуля і пасла Міхневіча' })).toEqual([
      'Aleksandr Mikhnevich → Аляксандр| Міхневіч|',
    ]);
  });

  it('accepts every name in its glossary form and any allowed ending', () => {
    expect(
      glossaryFindings(original, { lang: 'ru', text: 'юриста Александра Капшуля и посла Александра Михневича' }),
    ).toEqual([]);
  });

  it('lists terms an English text uses', () => {
    expect(termsUsed(original.text, 'en').map((entry) => entry.en)).toEqual([
      'Aleksandr Mikhnevich',
      'Alexander Kapshul',
    ]);
  });
});

/** The text a reader sees: the body and the front matter's title, description, author, addressee and place. */
function readableText({ tree, data }: DocumentFile): string {
  return [...blockTexts(tree), data.title, data.description, data.author, data.addressee ?? '', data.place ?? ''].join(
    '\n',
  );
}

describe.each(documents)('$slug uses the glossary', ({ original, translations }) => {
  const originalText = readableText(original);

  it('uses at least one glossary term', () => {
    expect(termsUsed(originalText, original.lang).length).toBeGreaterThan(0);
  });

  it.each(translations.map((translation) => [translation.lang, translation] as const))(
    'in %s, every term the original uses appears in its glossary form, and no name takes an ending it rules out',
    (_lang, translation) => {
      const text = readableText(translation);
      expect(
        glossaryFindings({ text: originalText, lang: original.lang }, { text, lang: translation.lang }),
        `${translation.file} lacks glossary forms`,
      ).toEqual([]);
    },
  );
});
