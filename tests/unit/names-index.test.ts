import { describe, expect, it } from 'vitest';
import { glossary } from '../../src/data/glossary';
import {
  englishTermPattern,
  normaliseForGlossary,
  translatedFormPattern,
  type GlossaryEntry,
} from '../../src/lib/glossary';
import { localeCodes, type Locale } from '../../src/i18n/locales';
import { glossaryFindings } from '../../pipeline/content-checks/glossary-check';
import {
  indexAnchor,
  letterJumps,
  listedName,
  mentionedIn,
  nameGroups,
  namesIndex,
  sortedForIndex,
  sortName,
  type IndexedName,
} from '../../src/lib/names-index';
import { uiStrings } from '../../src/i18n/ui';
import { documentParagraphs } from '../support/paragraphs';

const groups = nameGroups();
const index = namesIndex(documentParagraphs, groups);
const mentions = (key: string) =>
  index
    .find((name) => name.key === key)
    ?.mentions.map(({ slug, paragraphs }) => `${slug} ${paragraphs.join(',')}`)
    .sort() ?? [];

describe('the glossary as a names index', () => {
  it('puts every entry in the index, beside an indexed entry, or says why not', () => {
    expect(groups.length).toBeGreaterThan(50);
    expect(groups.flatMap(({ entries }) => entries).length + glossary.filter((entry) => entry.notIndexed).length).toBe(
      glossary.length,
    );
  });

  it('refuses an entry that is other forms of nothing, or both indexed and another form', () => {
    const lost: GlossaryEntry = { en: 'X', be: 'Х', ru: 'Х', sameAs: 'Nobody' };
    expect(() => nameGroups([lost])).toThrow('"X" is sameAs "Nobody", which is no indexed entry');
    const both: GlossaryEntry = { en: 'Y', be: 'У', ru: 'У' };
    expect(() => nameGroups([both])).toThrow('"Y" must have exactly one of index, sameAs and notIndexed');
  });

  it('writes each name in the form the glossary matches, in every language', () => {
    for (const { index: entry, entries } of groups) {
      for (const lang of localeCodes) {
        // A partial language names an entry once it has the entry's forms.
        const written = entry.name[lang];
        if (written === undefined) continue;
        const name = normaliseForGlossary(written);
        const matched = entries.some((form) => {
          const pattern = form[lang];
          return (
            pattern !== undefined &&
            (lang === 'en' ? englishTermPattern(pattern) : translatedFormPattern(pattern)).test(name)
          );
        });
        expect(matched, `${lang} name "${name}" of "${entries[0]?.en}"`).toBe(true);
      }
    }
  });

  it.each(localeCodes.filter((lang) => lang !== 'en'))('writes roles in %s with the glossary’s names', (lang) => {
    const findings = groups.flatMap(({ index: entry }) =>
      entry.role
        ? glossaryFindings({ text: entry.role.en, lang: 'en' }, { text: entry.role[lang] ?? entry.role.en, lang }).map(
            (finding) => `${entry.name.en}: ${finding}`,
          )
        : [],
    );
    expect(findings).toEqual([]);
  });
});

describe('mentions', () => {
  it('are counted over the languages that have the document, and in each over the names it has forms of', () => {
    // No language of the project is partial: a language code outside it stands for one.
    const partial = 'pl' as Locale;
    const [first] = documentParagraphs;
    if (!first) throw new Error('no document');
    const silent = first.paragraphs.en.map((paragraph) => ({ ...paragraph, text: 'nic' }));
    const withPartial = [
      { ...first, paragraphs: { ...first.paragraphs, [partial]: silent } },
      ...documentParagraphs.slice(1),
    ];
    // Its text counts for nothing while the glossary has no form in it of any name...
    expect(namesIndex(withPartial, groups)).toEqual(index);
    // ...and, once it has them, a paragraph mentions a name only where that text has its form too.
    const withForms = groups.map((group) => ({
      ...group,
      entries: group.entries.map((entry) => ({ ...entry, [partial]: entry.en })),
    }));
    const mentioned = namesIndex(withPartial, withForms).flatMap(({ mentions }) => mentions.map(({ slug }) => slug));
    expect(mentioned).not.toContain(first.slug);
    expect(index.flatMap(({ mentions }) => mentions.map(({ slug }) => slug))).toContain(first.slug);
  });

  it('finds every indexed entry somewhere in the documents', () => {
    expect(index.map(({ key }) => key).sort()).toEqual(groups.map(({ key }) => key).sort());
  });

  it('connects the ways the documents write one name: Pavarau and Povarau, Lukashenko and Lukashenka', () => {
    expect(mentions('Ihar Pavarau')).toEqual(['congress-resolution-on-belarus 2', 'industriall-letter-to-the-ilo 8']);
    expect(mentions('Alexander Lukashenko')).toContain('congress-resolution-on-belarus 2');
    expect(mentions('Alexander Lukashenko')).toContain('ituc-letter-to-the-ambassador 7,8');
  });

  it('leaves out a name inside a longer one, and what only one language would match', () => {
    // The Minsk Motor Plant is not Minsk; the International Labour Office (ILO) is not the Organisation.
    expect(mentionedIn('the Minsk Motor Plant', 'en', groups)).toEqual(new Set(['Minsk Motor Plant']));
    expect(mentionedIn('International Labour Office (ILO)', 'en', groups)).toEqual(
      new Set(['International Labour Office']),
    );
    expect(mentions('Minsk')).toEqual(['ituc-letter-to-the-ambassador 8']);
    expect(mentions('International Labour Organization')).not.toContain('industriall-letter-to-the-ilo 2,5,17');
    // "ryder@ilo.org" is an address, which the translations do not write as a name.
    expect(mentions('Guy Ryder')).toEqual(['industriall-letter-to-the-ilo 2,4', 'petition-to-the-ilo 1']);
  });

  it('sorts people by surname and gives each entry an id from its English name', () => {
    const ozkan = index.find(({ key }) => key === 'Kemal Özkan');
    expect(ozkan && sortName(ozkan, 'be')).toBe('Озкан Кемаль');
    expect(indexAnchor('Kemal Özkan')).toBe('kemal-ozkan');
    expect(indexAnchor('Belarusian Radio and Electronic Industry Workers’ Union')).toBe(
      'belarusian-radio-and-electronic-industry-workers-union',
    );
  });
});

describe('the names index as a list', () => {
  const entry = (key: string) => {
    const found = index.find((name) => name.key === key);
    if (!found) throw new Error(`no entry "${key}"`);
    return found;
  };
  const people = (lang: 'be' | 'ru' | 'en') =>
    sortedForIndex(
      index.filter((name) => name.kind === 'person' && !name.index.nameChanged),
      lang,
    );
  const leads = (names: IndexedName[], lang: 'be' | 'ru' | 'en') => names.map((name) => listedName(name, lang).lead);

  it('lists a person surname first, with the given names and the aside after it; anything else as it is', () => {
    expect(listedName(entry('Alexander Lukashenko'), 'en')).toEqual({
      lead: 'Lukashenko',
      rest: 'Alexander (Lukashenka)',
      lang: 'en',
    });
    expect(listedName(entry('Andrei Komlik-Yamatin'), 'be')).toEqual({
      lead: 'Комлік-Ямацін',
      rest: 'Андрэй',
      lang: 'be',
    });
    expect(listedName(entry('Thierry Bodson'), 'ru')).toEqual({ lead: 'Бодсон', rest: 'Тьерри', lang: 'ru' });
    expect(listedName(entry('Slavomir'), 'be')).toEqual({ lead: 'Славамір', rest: '', lang: 'be' });
    expect(listedName(entry('Belarusian Independent Trade Union'), 'en')).toEqual({
      lead: 'Belarusian Independent Trade Union (BITU, BNP)',
      rest: '',
      lang: 'en',
    });
  });

  it('lists a name a partial language has no form of yet in English, saying so', () => {
    // No language of the project lacks a name: a language code outside it stands for a partial language.
    expect(listedName(entry('Alexander Lukashenko'), 'pl' as Locale)).toEqual({
      lead: 'Lukashenko',
      rest: 'Alexander (Lukashenka)',
      lang: 'en',
    });
  });

  it('sorts people by surname in each language’s alphabet, and jumps to each first letter', () => {
    expect(leads(people('be'), 'be').slice(0, 6)).toEqual([
      'Баброў',
      'Бадсон',
      'Бандарэнка',
      'Бароу',
      'Беланжэ',
      'Бокун',
    ]);
    expect(leads(people('ru'), 'ru').slice(0, 6)).toEqual([
      'Барроу',
      'Беланже',
      'Бобров',
      'Бодсон',
      'Бокун',
      'Бондаренко',
    ]);
    expect(leads(people('en'), 'en').slice(17, 20)).toEqual(['Mikhnevich', 'Özkan', 'Pavarau']);
    expect(
      letterJumps(people('be'), 'be')
        .map(({ letter }) => letter)
        .join(' '),
    ).toBe('Б В Г Д З К Л М О П Р С Ч Ш');
    expect(letterJumps(people('be'), 'be')[0]).toEqual({ letter: 'Б', anchor: 'aliaksandr-babrou' });
    // A Latin letter's accent is no letter of its own: Özkan is under O.
    expect(
      letterJumps(people('en'), 'en')
        .map(({ letter }) => letter)
        .join(' '),
    ).toBe('B C D H K L M O P R S V Z');
  });

  it('gathers names in Latin letters under one jump on a Cyrillic page, where a Latin A would pass for an А', () => {
    const organisations = (lang: 'be' | 'ru' | 'en') =>
      sortedForIndex(
        index.filter((name) => name.kind === 'organisation'),
        lang,
      );
    for (const lang of ['be', 'ru'] as const) {
      const letters = letterJumps(organisations(lang), lang).map(({ letter }) => letter);
      expect(letters.filter((letter) => /\p{Script=Latin}/u.test(letter))).toEqual(['A–Z']);
      expect(letters.at(-1)).toBe('A–Z');
    }
    expect(letterJumps(organisations('en'), 'en').map(({ letter }) => letter)).not.toContain('A–Z');
  });

  it('sets the petition’s changed names apart, and only them', () => {
    expect(index.filter((name) => name.index.nameChanged).map(({ key }) => key)).toEqual([
      'Slavomir',
      'Maria',
      'Nadezhda',
    ]);
  });

  it('tags people as the documents describe them, in words every language has', () => {
    const tagged = (tag: string) =>
      index
        .filter((name) => name.index.tag === tag)
        .map(({ key }) => key)
        .sort();
    expect(tagged('official')).toEqual(['Aleksandr Mikhnevich', 'Alexander Lukashenko', 'Guy Ryder']);
    expect(tagged('detained')).toEqual(['Maksim Sereda', 'Maria', 'Nikolay Zimin', 'Vladimir Maley']);
    expect(tagged('sentenced')).toContain('Maryja Kalesnikawa');
    expect(tagged('sentenced')).toContain('Ihar Pavarau');
    expect(tagged('signatory')).toContain('Sharan Burrow');
    expect(index.filter((name) => name.kind !== 'person' && name.index.tag)).toEqual([]);
    for (const lang of localeCodes) {
      for (const name of index.filter(({ index: entry }) => entry.tag)) {
        const { tag, feminine } = name.index;
        const words = uiStrings[lang].names.tag as Record<string, string>;
        expect(words[`${tag}${feminine ? '_female' : ''}`] ?? words[tag ?? ''], `${lang} ${name.key}`).toBeTruthy();
      }
    }
    expect(uiStrings.be.names.tag.sentenced_female).toBe('асуджаная');
  });
});
