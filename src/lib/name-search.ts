/**
 * Search for a name however it is spelt. The build writes, for each language,
 * every entry of the names index with the ways a reader may write it (`keys`:
 * its forms in every language, their romanizations, the press's spellings) and
 * the forms this language's documents use (`forms`); see src/lib/name-forms.ts.
 * The search page fetches the part of that table its query's words need (the
 * names whose keys start with the words' first letters) and, when a query
 * word is a way of writing a name, also searches for the name as this
 * language's documents write it: «Kolesnikova» on the English page searches
 * for "Kalesnikawa" too, «Лукашенко» on the Belarusian one for «Лукашэнк».
 */
import { queryWords, searchForm } from './word-stems.ts';

/** One names-index entry, as a language's search page knows it. */
export interface NameForms {
  /** The entry's id on the names index page. */
  anchor: string;
  /** The entry's name as the index shows it in this language. */
  name: string;
  /** Each way this language's documents write the name, as words to search for (stems where it declines). */
  forms: string[];
  /**
   * Every word a reader may write the name with, as `nameSkeleton` gives it; a key ending in `*` is a stem,
   * which any ending may follow (`lukasenk*` for Лукашэнка, Лукашэнку, Lukashenko…).
   */
  keys: string[];
}

/**
 * Cyrillic letters as the Latin letters the skeleton keeps (`searchForm` has already made й и, ў у, ё е). Soft
 * and hard signs go; о is а, as Belarusian writes it unstressed (Kalesnikava, Kolesnikova).
 */
const latinOf: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ж: 'z',
  з: 'z',
  и: 'i',
  і: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'a',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'c',
  ш: 's',
  щ: 's',
  ы: 'i',
  э: 'e',
  ю: 'iu',
  я: 'ia',
  ь: '',
  ъ: '',
  ł: 'l',
};

/**
 * A word's skeleton: lower case, in Latin letters, with the letters the systems of romanization disagree on
 * made one (ž, zh → z; х, kh, ch → h; ц, ts, cz → c; y, j → i, dropped before a vowel; о → a; w, ў → u; doubled
 * letters once). Лукашенко, Лукашэнка, Lukashenka and Lukašenka all come to `lukasenka`.
 */
export function nameSkeleton(word: string): string {
  return [...searchForm(word)]
    .map((letter) => latinOf[letter] ?? letter)
    .join('')
    .replace(/shch|shh|sch|sz/g, 's')
    .replace(/zh/g, 'z')
    .replace(/sh/g, 's')
    .replace(/kh|ch|x/g, 'h')
    .replace(/ts|cz|tz/g, 'c')
    .replace(/g/g, 'h')
    .replace(/[yj]/g, 'i')
    .replace(/w/g, 'u')
    .replace(/o/g, 'a')
    .replace(/i(?=[aeiou])/g, '')
    .replace(/(.)\1+/g, '$1');
}

/**
 * The letters a skeleton may start with. The table is written in one file for each (see
 * src/pages/[lang]/name-forms/), and every way a word matches a key starts with the same letter, so a search
 * fetches only the files of its words' first letters.
 */
export const nameLetters = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** The letter whose file of names holds every name a word may write; undefined for a word no name starts like. */
export function nameLetterOf(word: string): string | undefined {
  const letter = nameSkeleton(word).charAt(0);
  return letter !== '' && nameLetters.includes(letter) ? letter : undefined;
}

/** A stem shorter than this matches too many words to stand for a name. */
export const shortestStem = 4;

/** How many letters a reader's word may differ by at its end and still be the same name declined: Лукашенку. */
const endingLetters = 3;

/** A word that writes more names than this is too common to tell which one a reader means. */
const fewestNamesShared = 2;

/** A typed beginning this long is enough to find a name: «Kolesn». */
const shortestBeginning = 5;

/** Whether a query word is a way of writing a key: the same word, a declined form of it, or its beginning. */
export function isWayOfWriting(queryWord: string, key: string): boolean {
  const word = nameSkeleton(queryWord);
  if (key.endsWith('*')) {
    const stem = key.slice(0, -1);
    return word.startsWith(stem) || (word.length >= shortestBeginning && stem.startsWith(word));
  }
  if (word === key) return true;
  if (word.length >= shortestBeginning && key.startsWith(word)) return true;
  let common = 0;
  while (common < word.length && word.charAt(common) === key.charAt(common)) common += 1;
  return common >= shortestStem && key.length - common <= endingLetters - 1 && word.length - common <= endingLetters;
}

export interface ExpandedQuery {
  /** The query as typed, then each way of asking for the names it writes as this language's documents write them. */
  queries: string[];
  /** The names-index entries the query names. */
  names: NameForms[];
}

/**
 * The searches that answer a query: the query itself, and for the names that
 * most of its words write, the query with those words replaced by each of the
 * name's forms. «Maria Kolesnikova» names Maryja Kalesnikawa by both words and
 * the other Marias by one, so only she is searched for; «Maria» alone, which
 * many names share, is searched for as typed.
 */
export function expandQuery(table: readonly NameForms[], query: string): ExpandedQuery {
  const words = queryWords(query);
  const written = table.map((entry) => ({
    entry,
    words: words.filter((word) => entry.keys.some((key) => isWayOfWriting(word, key))),
  }));
  // A word that several names share (Maria, International) names none of them by itself.
  const namesWritten = (word: string) => written.filter(({ words: found }) => found.includes(word)).length;
  const telling = written.filter(({ words: found }) => found.some((word) => namesWritten(word) <= fewestNamesShared));
  const most = Math.max(0, ...telling.map(({ words: found }) => found.length));
  const named = telling.filter(({ words: found }) => found.length === most);
  const queries = new Set([words.join(' ')]);
  for (const { entry, words: nameWords } of named) {
    const rest = words.filter((word) => !nameWords.includes(word));
    for (const form of entry.forms) queries.add([...rest, form].join(' '));
  }
  return { queries: [...queries], names: named.map(({ entry }) => entry) };
}
