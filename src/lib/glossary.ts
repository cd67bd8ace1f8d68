import type { InEveryLanguage } from '../i18n/locales';

/**
 * How the documents name people, places and organisations in each language.
 *
 * The English form is matched case-insensitively as a whole word. In the other
 * forms a `|` marks where an inflected ending may follow, so `Лукашэнк|` stands
 * for Лукашэнка, Лукашэнку, Лукашэнкам… Where only some endings are right, a
 * word ends in the list of them instead: `Капшул{ь,я,ю,ем,е}` stands for
 * Капшуль, Капшуля… and rules out Капшул and Капшула, which no translation may
 * then use anywhere (so the stem before a list must begin no other word).
 * The unit test `glossary.test.ts` checks that every term used in an English
 * document appears in this form in each of its translations.
 *
 * The entries are in src/data/glossary.ts. The glossary is also the names
 * index (/{lang}/names/): an entry with `index` is one person, organisation or
 * place there, with its name and its role as the documents give them in each
 * language; an entry with `sameAs` is another
 * way the documents write an indexed one (an abbreviation, a spelling), whose
 * mentions are listed under it; every other entry says why it is not indexed.
 */
export type NameKind = 'person' | 'organisation' | 'place';

/**
 * What the documents say happened to a person, or what part they had, as the names index tags them: held by
 * the police; given a term by a court; in office for a state or an international organisation; signed a document.
 */
export type PersonTag = 'detained' | 'sentenced' | 'official' | 'signatory';

export interface IndexEntry {
  kind: NameKind;
  /** The name as the index shows it, in the nominative: the forms of src/data/glossary.ts are patterns. */
  name: InEveryLanguage<string>;
  /** What the documents say the person or organisation is; absent where they say nothing. */
  role?: InEveryLanguage<string>;
  /** A person's tag in the index, where the documents give one. */
  tag?: PersonTag;
  /** A woman: Belarusian and Russian tags agree with her (затрыманая, задержана). */
  feminine?: true;
  /** A name the document changed on purpose, to protect the person: the index lists these apart. */
  nameChanged?: true;
  /**
   * How newspapers and agencies write the name where none of the romanizations search derives from the
   * Belarusian and Russian forms gives it (src/lib/romanize.ts): search finds the entry by these too.
   */
  pressSpellings?: readonly string[];
}

/** A name's forms: a partial language lacks those not yet written, and its names stay unchecked until they are. */
export type GlossaryEntry = InEveryLanguage<string> & {
  index?: IndexEntry;
  /** The English form of the indexed entry this one is another way of writing. */
  sameAs?: string;
  /** Why the entry is not in the names index. */
  notIndexed?: string;
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Typographic variants that do not change a word: apostrophes, ё, non-breaking spaces. */
export function normaliseForGlossary(text: string): string {
  return text.replace(/[’ʼ']/g, "'").replace(/ё/g, 'е').replace(/Ё/g, 'Е').replace(/\s+/g, ' ');
}

/** Matches an English term as a whole word, in any letter case. */
export function englishTermPattern(term: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(normaliseForGlossary(term))}(?![\\p{L}\\p{N}])`, 'iu');
}

/** The endings a word of a translated form allows, when it lists them: `Капшул{ь,я}` → stem Капшул, endings ь and я. */
interface ListedEndings {
  stem: string;
  endings: string[];
}

const listedEndingsPattern = /([\p{L}'-]*)\{([^{}]*)\}/gu;

function listedEndings(form: string): ListedEndings[] {
  return Array.from(normaliseForGlossary(form).matchAll(listedEndingsPattern), ([, stem = '', endings = '']) => ({
    stem,
    endings: endings.split(',').map((ending) => ending.trim()),
  }));
}

/**
 * Matches a translated form, where each `|` allows any inflected ending (`Лукашэнк|` finds Лукашэнку) and a
 * list in braces allows only its endings (`Капшул{ь,я}` finds Капшуля but not Капшула).
 */
export function translatedFormPattern(form: string): RegExp {
  const body = normaliseForGlossary(form)
    .split(/(\||\{[^{}]*\})/u)
    .map((part) => {
      if (part === '|') return '\\p{L}*';
      if (part.startsWith('{')) {
        const endings = part
          .slice(1, -1)
          .split(',')
          .map((ending) => escapeRegExp(ending.trim()));
        return `(?:${endings.join('|')})(?![\\p{L}\\p{N}])`;
      }
      return escapeRegExp(part);
    })
    .join('');
  const end = /[|}]$/.test(form) ? '' : '(?![\\p{L}\\p{N}])';
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${end}`, 'u');
}

/**
 * The words of a text that begin like a form's word with listed endings but end otherwise, such as Капшула for
 * `Капшул{ь,я}`: a name given the wrong declension.
 */
export function wrongEndings(form: string, text: string): string[] {
  const found = new Set<string>();
  for (const { stem, endings } of listedEndings(form)) {
    const word = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(stem)}(\\p{L}*)`, 'gu');
    for (const [whole, ending = ''] of normaliseForGlossary(text).matchAll(word)) {
      if (!endings.includes(ending)) found.add(whole);
    }
  }
  return [...found];
}
