import type { InEveryLanguage, Locale } from '../i18n/locales';

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

/** A part of a translated form: words as written, any inflected ending (`|`), or a list of endings (`{ь,я}`). */
type FormPart = { literal: string } | { anyEnding: true } | { endings: string[] };

/** A translated form's parts, and whether a word must end where it ends (it does not end in `|` or `}`). */
function formParts(form: string): { parts: FormPart[]; endsWord: boolean } {
  const parts = normaliseForGlossary(form)
    .split(/(\||\{[^{}]*\})/u)
    .map((part): FormPart => {
      if (part === '|') return { anyEnding: true };
      if (part.startsWith('{')) {
        return {
          endings: part
            .slice(1, -1)
            .split(',')
            .map((ending) => ending.trim()),
        };
      }
      return { literal: part };
    });
  return { parts, endsWord: !/[|}]$/.test(form) };
}

/**
 * Matches a translated form, where each `|` allows any inflected ending (`Лукашэнк|` finds Лукашэнку) and a
 * list in braces allows only its endings (`Капшул{ь,я}` finds Капшуля but not Капшула).
 */
export function translatedFormPattern(form: string): RegExp {
  const { parts, endsWord } = formParts(form);
  const body = parts
    .map((part) => {
      if ('anyEnding' in part) return '\\p{L}*';
      if ('endings' in part) return `(?:${part.endings.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`;
      return escapeRegExp(part.literal);
    })
    .join('');
  const end = endsWord ? '(?![\\p{L}\\p{N}])' : '';
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${end}`, 'u');
}

/** Where a form occurs in a text: from `start` up to `end`, as the indices of a match of its pattern. */
export interface FormMatch {
  start: number;
  end: number;
}

/** Compiled once: V8 takes about a millisecond to compile each pattern that holds a Unicode class like these. */
const letterOrDigit = /[\p{L}\p{N}]/u;
const letter = /\p{L}/u;

/** The code point that starts at `index`, or '' at the end. */
const codePointAt = (text: string, index: number) =>
  index < text.length ? String.fromCodePoint(text.codePointAt(index) ?? 0) : '';

/** The code point that ends at `index`, or '' at the start. */
function codePointBefore(text: string, index: number): string {
  const last = text.charCodeAt(index - 1);
  const pair = last >= 0xdc00 && last <= 0xdfff && index >= 2 && /[\ud800-\udbff]/.test(text.charAt(index - 2));
  return text.slice(pair ? index - 2 : index - 1, index);
}

const wordStartsAt = (text: string, index: number) => !letterOrDigit.test(codePointBefore(text, index));
const wordEndsAt = (text: string, index: number) => !letterOrDigit.test(codePointAt(text, index));

/** The end of the parts from `part` on matched at `index`, as the pattern's backtracking finds it; else undefined. */
function endOfParts(
  text: string,
  parts: readonly FormPart[],
  part: number,
  index: number,
  endsWord: boolean,
): number | undefined {
  const current = parts[part];
  if (current === undefined) return !endsWord || wordEndsAt(text, index) ? index : undefined;
  if ('literal' in current) {
    return text.startsWith(current.literal, index)
      ? endOfParts(text, parts, part + 1, index + current.literal.length, endsWord)
      : undefined;
  }
  if ('endings' in current) {
    for (const ending of current.endings) {
      const after = index + ending.length;
      if (!text.startsWith(ending, index) || !wordEndsAt(text, after)) continue;
      const end = endOfParts(text, parts, part + 1, after, endsWord);
      if (end !== undefined) return end;
    }
    return undefined;
  }
  // `\p{L}*`: as many letters as there are, then one fewer at a time.
  const ends = [index];
  for (let at = index, next = codePointAt(text, at); letter.test(next); next = codePointAt(text, at)) {
    at += next.length;
    ends.push(at);
  }
  for (const at of ends.reverse()) {
    const end = endOfParts(text, parts, part + 1, at, endsWord);
    if (end !== undefined) return end;
  }
  return undefined;
}

/**
 * Finds a form as `matchAll` of its pattern with the flag `g` would (`englishTermPattern` in English,
 * `translatedFormPattern` in the others), without compiling a pattern of its own with Unicode classes: the names
 * index matches every form of the glossary, and compiling their patterns took longer than the rest of the
 * pages' rendering together. The text must be normalised (`normaliseForGlossary`).
 */
export function formMatcher(form: string, lang: Locale): (text: string) => FormMatch[] {
  if (lang === 'en') {
    // The term alone, in any letter case; the word's bounds are looked at apart.
    const term = new RegExp(escapeRegExp(normaliseForGlossary(form)), 'giu');
    return (text) => {
      const found: FormMatch[] = [];
      term.lastIndex = 0;
      for (let match = term.exec(text); match !== null; match = term.exec(text)) {
        const start = match.index;
        const end = start + match[0].length;
        if (wordStartsAt(text, start) && wordEndsAt(text, end)) {
          found.push({ start, end });
          term.lastIndex = end;
        } else {
          term.lastIndex = start + codePointAt(text, start).length;
        }
      }
      return found;
    };
  }
  const { parts, endsWord } = formParts(form);
  const [first] = parts;
  const lead = first !== undefined && 'literal' in first ? first.literal : '';
  return (text) => {
    const found: FormMatch[] = [];
    let from = 0;
    while (from <= text.length) {
      const start = lead === '' ? from : text.indexOf(lead, from);
      if (start < 0) break;
      const end = wordStartsAt(text, start) ? endOfParts(text, parts, 0, start, endsWord) : undefined;
      if (end !== undefined) found.push({ start, end });
      from = end !== undefined && end > start ? end : start + Math.max(1, codePointAt(text, start).length);
    }
    return found;
  };
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
