import { describe, expect, it } from 'vitest';
import { localeCodes, locales, type Locale } from '../../src/i18n/locales';
import { blockTexts } from '../../src/lib/mdx';
import { hasEveryQueryWord, queryWords, searchForm, searchTerms, wordStem } from '../../src/lib/word-stems';
import { documentsIn } from '../support/content';
import { paradigms } from '../support/word-forms';

/** Every word a language's documents have, in their text and in the fields their headers show. */
function documentWords(lang: Locale): string[] {
  const words = new Set<string>();
  for (const { data, tree } of documentsIn(lang)) {
    const fields = [data.title, data.author, data.addressee ?? '', data.place ?? ''];
    for (const text of [...fields, ...blockTexts(tree)]) {
      for (const word of queryWords(text)) words.add(word);
    }
  }
  return [...words].sort();
}

for (const lang of localeCodes.filter((code) => documentsIn(code).length > 0)) {
  describe(`${lang} word stems`, () => {
    const words = documentWords(lang);

    it(`are a beginning of each of the ${words.length} word forms in the ${lang} documents, so every word finds itself`, () => {
      // Every document of a complete language; a partial one's translations, if any yet.
      expect(words.length).toBeGreaterThan(locales[lang].complete ? 300 : 0);
      const misses = words.filter((word) => !searchForm(word).startsWith(searchForm(wordStem(lang, word))));
      expect(misses).toEqual([]);
    });

    it('keep a vowel of every word that has one', () => {
      const vowel = /[aeiouyаеёіиоуыэюя]/;
      const bare = words.filter(
        (word) => vowel.test(searchForm(word)) && !vowel.test(searchForm(wordStem(lang, word))),
      );
      expect(bare).toEqual([]);
    });

    for (const { forms } of paradigms[lang] ?? []) {
      it(`of every form of «${forms[0]}» begin every other form`, () => {
        const misses = forms.flatMap((query) =>
          forms
            .filter((form) => !searchForm(form).startsWith(searchForm(wordStem(lang, query))))
            .map((form) => `${query} → ${wordStem(lang, query)} misses ${form}`),
        );
        expect(misses).toEqual([]);
      });
    }
  });
}

describe('the paradigms', () => {
  it('each have a form that is in the documents, so the search tests can find it', () => {
    for (const lang of localeCodes) {
      const words = new Set(documentWords(lang).map(searchForm));
      const absent = (paradigms[lang] ?? []).filter(({ forms }) => !forms.some((form) => words.has(searchForm(form))));
      expect(absent, lang).toEqual([]);
    }
  });
});

describe('what the search page asks Pagefind for', () => {
  it('is the stem of each Belarusian word', () => {
    expect(searchTerms('be', '  Петыцыя   ў турме ')).toBe('петыц ў турм');
    expect(searchTerms('be', 'Беларуссю')).toBe('беларус');
  });

  it('is each English or Russian word as typed, which Pagefind stems itself', () => {
    expect(searchTerms('ru', 'Петиция  тюрьма')).toBe('Петиция тюрьма');
    expect(searchTerms('en', 'Sanctions')).toBe('Sanctions');
  });

  it('leaves words in another script alone', () => {
    expect(wordStem('be', 'IndustriALL')).toBe('industriall');
    expect(wordStem('en', 'Нафтан')).toBe('нафтан');
  });
});

describe('telling a match from Pagefind’s fallback to a shorter word', () => {
  it('accepts a result with a form of every query word', () => {
    expect(hasEveryQueryWord('be', 'петыцыя турма', ['петыцыю.', '«турмы»'])).toBe(true);
    expect(hasEveryQueryWord('ru', 'тюрьма', ['Тюрьмы,'])).toBe(true);
    expect(hasEveryQueryWord('en', 'happy', ['happiness'])).toBe(true);
  });

  it('rejects a result that has only a preposition the query word starts with', () => {
    expect(hasEveryQueryWord('be', 'зааааа', ['за', 'За'])).toBe(false);
    expect(hasEveryQueryWord('be', 'забастоўка', ['за', 'забіваць'])).toBe(false);
    expect(hasEveryQueryWord('ru', 'забастовка', ['за', 'забота'])).toBe(false);
    expect(hasEveryQueryWord('en', 'strikebreakers', ['strike', 'strikes'])).toBe(false);
  });

  it('rejects a result that lacks one of the query words', () => {
    expect(hasEveryQueryWord('be', 'петыцыя зааааа', ['петыцыю', 'за'])).toBe(false);
  });

  it('compares words as Pagefind does: without the marks on ў, й and ё, and without apostrophes', () => {
    expect(hasEveryQueryWord('be', 'увесці', ['ўвесці'])).toBe(true);
    expect(hasEveryQueryWord('be', "сем'яў", ['сем’яў'])).toBe(true);
  });
});

describe('a language without stemming rules of its own', () => {
  // No language of the project lacks rules: a language code outside it stands for a partial language.
  const partial = 'pl' as Locale;

  it('sends its words to Pagefind as typed, for Pagefind’s own defaults, and takes Pagefind’s results as they are', () => {
    expect(wordStem(partial, 'Związków')).toBe('związków');
    expect(searchTerms(partial, 'związków zawodowych')).toBe('związków zawodowych');
    expect(hasEveryQueryWord(partial, 'związków', ['związek'])).toBe(true);
    // Where rules exist, a result without the query's word still fails.
    expect(hasEveryQueryWord('en', 'strikes', ['union'])).toBe(false);
  });
});
