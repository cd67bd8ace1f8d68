import { describe, expect, it } from 'vitest';
import { glossary } from '../../src/data/glossary';
import { nameFormsByLanguage } from '../../src/lib/name-forms';
import {
  expandQuery,
  isWayOfWriting,
  nameLetterOf,
  nameLetters,
  nameSkeleton,
  type NameForms,
} from '../../src/lib/name-search';
import { nameGroups, namesIndex, type IndexedName } from '../../src/lib/names-index';

describe('a name’s skeleton', () => {
  it('is one for the spellings of one name in Cyrillic, the romanizations and the press', () => {
    const spellings = [
      ['Лукашэнка', 'Лукашенко', 'Lukashenka', 'Lukashenko', 'Lukašenka', 'Łukaszenka'],
      ['Калеснікава', 'Колесникова', 'Kalesnikava', 'Kolesnikova', 'Kaliesnikava', 'Kalyesnikava'],
      ['Ціханоўская', 'Tsikhanouskaya', 'Cichanoŭskaja', 'Tsikhanowskaya'],
      ['Тихановская', 'Tikhanovskaya', 'Tixanovskaya'],
      ['Марыя', 'Мария', 'Maria', 'Maryja', 'Mariya'],
    ];
    for (const names of spellings) expect(new Set(names.map(nameSkeleton)), names.join(', ')).toHaveProperty('size', 1);
  });

  it('keeps names apart that differ by more than their spelling', () => {
    expect(nameSkeleton('Тихановская')).not.toBe(nameSkeleton('Ціханоўская'));
    expect(nameSkeleton('Бобров')).not.toBe(nameSkeleton('Говор'));
  });

  it('starts with a letter that has a file of names, or has none', () => {
    expect(nameLetterOf('Лукашэнка')).toBe('l');
    expect(nameLetterOf('«')).toBeUndefined();
  });
});

describe('a query word as a way of writing a key', () => {
  it('matches a stem with any ending, and a whole word declined or begun', () => {
    expect(isWayOfWriting('Лукашэнку', 'lukasenk*')).toBe(true);
    expect(isWayOfWriting('Kolesnikova', 'kalesnikava')).toBe(true);
    expect(isWayOfWriting('Колесниковой', 'kalesnikava')).toBe(true);
    expect(isWayOfWriting('Kolesn', 'kalesnikava')).toBe(true);
  });

  it('does not match another word that shares a short beginning', () => {
    expect(isWayOfWriting('Луц', 'lukasenk*')).toBe(false);
    expect(isWayOfWriting('Kalina', 'kalesnikava')).toBe(false);
    expect(isWayOfWriting('Belarusian', 'minsk')).toBe(false);
  });
});

const entry = (anchor: string, forms: string[], keys: string[]): NameForms => ({ anchor, name: anchor, forms, keys });
const table = [
  entry('kalesnikava', ['Калеснікав'], ['mara', 'kalesnikav*']),
  entry('maryja', ['Марыя'], ['mara']),
  entry('lukashenka', ['Лукашэнк'], ['lukasenk*']),
];

describe('a query expanded to the names it writes', () => {
  it('searches as typed, and for each form of the name the query writes', () => {
    expect(expandQuery(table, 'Lukashenko')).toEqual({ queries: ['Lukashenko', 'Лукашэнк'], names: [table[2]] });
  });

  it('keeps the words that write no name', () => {
    expect(expandQuery(table, 'petition Lukashenko').queries).toEqual(['petition Lukashenko', 'petition Лукашэнк']);
  });

  it('takes the name most of the words write', () => {
    expect(expandQuery(table, 'Maria Kolesnikova').names).toEqual([table[0]]);
  });

  it('takes no name for a word many names share, nor for a word that writes none', () => {
    const shared = [...table, entry('maria-3', ['Мария'], ['mara'])];
    expect(expandQuery(shared, 'Maria')).toEqual({ queries: ['Maria'], names: [] });
    expect(expandQuery(table, 'strike')).toEqual({ queries: ['strike'], names: [] });
  });
});

describe('the table of names the build writes', () => {
  const groups = nameGroups();
  // Every indexed entry, as if every one were mentioned: the table does not depend on the documents' text.
  const names: IndexedName[] = groups.map(({ key, index }) => ({ key, kind: index.kind, index, mentions: [] }));
  const byAnchor = (lang: 'be' | 'ru' | 'en', anchor: string) =>
    nameFormsByLanguage(groups, names)[lang].find((name) => name.anchor === anchor);

  it('lets every romanization and the press spellings of a name write it', () => {
    const lukashenko = byAnchor('en', 'alexander-lukashenko');
    for (const spelling of ['Lukashenko', 'Lukashenka', 'Lukašenka', 'Лукашенко', 'Łukaszenka']) {
      expect(
        lukashenko?.keys.some((key) => isWayOfWriting(spelling, key)),
        spelling,
      ).toBe(true);
    }
    const kalesnikawa = byAnchor('be', 'maryja-kalesnikawa');
    for (const spelling of ['Kolesnikova', 'Kalesnikava', 'Колесникову', 'Kalesnikawa']) {
      expect(
        kalesnikawa?.keys.some((key) => isWayOfWriting(spelling, key)),
        spelling,
      ).toBe(true);
    }
  });

  it("searches for the forms the language's documents use, the shortest that find the others' finds", () => {
    expect(byAnchor('be', 'alexander-lukashenko')?.forms).toEqual(['Лукашэнк']);
    expect(byAnchor('en', 'alexander-lukashenko')?.forms).toEqual(['Lukashenko', 'Lukashenka']);
  });

  it('has every key start with a letter that has a file of names, so that a search fetches it', () => {
    const keys = nameFormsByLanguage(groups, names).be.flatMap(({ keys: written }) => written);
    expect(keys.filter((key) => !nameLetters.includes(key.charAt(0)))).toEqual([]);
  });

  it('is written for every entry of the names index, in the order of the glossary', () => {
    expect(nameFormsByLanguage(groups, namesIndex([], groups)).ru).toEqual([]);
    expect(nameFormsByLanguage(groups, names).ru.map(({ anchor }) => anchor)).toHaveLength(
      glossary.filter((glossaryEntry) => glossaryEntry.index).length,
    );
  });
});
