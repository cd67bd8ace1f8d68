/**
 * Word stems for search, shared by the search page and its tests.
 *
 * Pagefind stems English and Russian itself (with Snowball), but it has no
 * stemmer for Belarusian and indexes it as whole words. It also finds every
 * indexed word that starts with a query term. So a Belarusian query is cut to
 * its stem in the browser before Pagefind sees it, and finds every form that
 * starts with that stem: «петыцыя» → «петыц» finds «петыцыю» and «петыцыі».
 *
 * The same stems tell a real match from Pagefind's fallback: when no indexed
 * word starts with a term, Pagefind searches for the longest indexed word the
 * term starts with instead («забастоўка» → «за»). A result counts only if it
 * has, for every query term, a word that starts with the term's stem.
 */
import type { InEveryLanguage, Locale } from '../i18n/locales';

/** How Pagefind compares words: lower case, without accents or the marks on й, ў and ё, without punctuation. */
export function searchForm(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The words of a query or a text, as Pagefind splits them (on white space). */
export function queryWords(query: string): string[] {
  return query.split(/\s+/).filter((word) => searchForm(word) !== '');
}

/** How a language's words lose their endings. */
interface EndingRules {
  /** The letters of one script: words with any other letter are left as they are. */
  word: RegExp;
  vowels: string;
  /** Inflectional endings, longest first. */
  endings: string[];
  /** Endings that count only after a vowel that is itself in the region. */
  afterVowel?: string[];
  /** Endings taken off before the others: reflexive verbs. */
  reflexive?: string[];
}

/** A list of endings, longest first, so that the longest one a word has is found first. */
function endings(list: string): string[] {
  return list.split(' ').sort((a, b) => b.length - a.length);
}

/**
 * Belarusian endings of nouns, adjectives and participles, verbs and gerunds.
 * Past tenses («-ла», «-лі», «-ў») count only after a vowel: «затрымала» →
 * «затрыма», but «сіла» keeps its «л».
 */
const belarusian: EndingRules = {
  word: /^[а-яёіў]+$/,
  vowels: 'аеёіоуыэюя',
  endings: endings(
    'ўшы учы ючы ачы ячы ымі імі ага яга ога аму яму ому ая яя ое ае яе ую юю ых іх ым ім ыя ія ' +
      'амі ямі ам ям ах ях аў яў оў ёў ей ой ёй ай яй ый ій ою ёю аю яю ем ём ом ' +
      'еце яце ыце іце уць юць аць яць ыць іць ець ць ці еш эш ыш іш шы ' +
      'а я о е ё э ы і у ю ь',
  ),
  afterVowel: endings('ла ло лі ў'),
  reflexive: endings('цца ся'),
};

/**
 * Russian endings, as many as Snowball's Russian stemmer (which Pagefind uses)
 * removes or more, so that a word Pagefind matched starts with this stem.
 */
const russian: EndingRules = {
  word: /^[а-яё]+$/,
  vowels: 'аеёиоуыэюя',
  endings: endings(
    'ившись ывшись вшись ивши ывши вши ив ыв ' +
      'ими ыми его ого ему ому ее ие ые ое ей ий ый ой ем им ым ом их ых ую юю ая яя ою ею ' +
      'ующ ивш ывш ющ ащ ящ ущ вш нн ' +
      'ила ыла ена ейте уйте ите или ыли ило ыло ено ят ует уют ит ыт ены ить ыть ишь ете йте ешь нно ' +
      'ла на ли ло но ет ют ны ть ут ат ' +
      'иями ями ами иях ях ах иям ям ием ам ом ией ев ов ие ье еи ии ию ью ия ья ' +
      'а е и й о у ы ь ю я',
  ),
  reflexive: endings('ся сь'),
};

/**
 * English suffixes, as many as Snowball's English (Porter2) stemmer removes or
 * changes, so that a word Pagefind matched starts with this stem: «happy» →
 * «happ» covers «happiness», which Porter2 stems to «happi».
 */
const english: EndingRules = {
  word: /^[a-z]+$/,
  vowels: 'aeiouy',
  endings: endings(
    'ational tional ization ation ations ator ators alism iveness fulness ousness aliti iviti biliti ' +
      'ities ity ness ment ments ement ence ance ences ances able ible ant ent ism ist ists ' +
      'ings ing ies ied ers er ed es ly al ic ive ize ise ous ion ions s e y',
  ),
};

/** Each language's rules; a partial language without its own leaves its words to Pagefind's defaults. */
const rulesFor: InEveryLanguage<EndingRules> = { be: belarusian, ru: russian, en: english };

/** Where the region that may lose an ending starts: after the first vowel (Snowball's RV). */
function endingRegion(word: string, vowels: string): number {
  for (let index = 0; index < word.length; index += 1) {
    if (vowels.includes(word.charAt(index))) return index + 1;
  }
  return word.length;
}

/** The longest of `list` that `word` ends with inside `region`, and that follows a vowel there when it must. */
function longestEnding(word: string, region: number, list: string[], vowels?: string): string {
  return (
    list.find((ending) => {
      const start = word.length - ending.length;
      if (!word.endsWith(ending) || start < region) return false;
      return vowels === undefined || (start - 1 >= region && vowels.includes(word.charAt(start - 1)));
    }) ?? ''
  );
}

/**
 * The stem of a word: lower case, without apostrophes and hyphens, its
 * reflexive and inflectional endings, a soft sign or a doubled last consonant
 * («Беларуссю» → «беларус»). Only the part after the first vowel (Snowball's
 * RV region) may lose an ending, so a stem keeps a vowel: «сіла» → «сіл».
 * A stem always starts the word as `searchForm` writes it, so a word always
 * finds itself. Words in another script come back only in lower case.
 *
 * Consonants that alternate before some endings («дачка» → «дачцэ»,
 * «завод» → «заводзе») are left alone: no one beginning covers both.
 */
export function wordStem(lang: Locale, input: string): string {
  const rules = rulesFor[lang];
  const word = input.toLowerCase().replace(/[’'ʼ-]/g, '');
  if (!rules?.word.test(word)) return word;
  const region = endingRegion(word, rules.vowels);
  let stem = word;
  stem = stem.slice(0, stem.length - longestEnding(stem, region, rules.reflexive ?? []).length);
  const ending = longestEnding(stem, region, rules.endings);
  const afterVowel = longestEnding(stem, region, rules.afterVowel ?? [], rules.vowels);
  stem = stem.slice(0, stem.length - Math.max(ending.length, afterVowel.length));
  if (stem.endsWith('ь')) stem = stem.slice(0, -1);
  const last = stem.charAt(stem.length - 1);
  if (stem.length > region && !rules.vowels.includes(last) && stem.charAt(stem.length - 2) === last) {
    stem = stem.slice(0, -1);
  }
  return stem;
}

/**
 * What the search page asks Pagefind for. Belarusian words go as their stems,
 * and Pagefind finds every word that starts with one; English and Russian go
 * as typed, and Pagefind stems them itself.
 */
export function searchTerms(lang: Locale, query: string): string {
  const words = queryWords(query);
  return (lang === 'be' ? words.map((word) => wordStem(lang, word)) : words).join(' ');
}

/**
 * Whether `words` (a result's text and its title, author and the like) have,
 * for every word of the query, a word that starts with that word's stem. When
 * a query word is in no document, Pagefind answers with the documents that
 * have some shorter word it starts with («за» for «забастоўка»): those fail.
 */
export function hasEveryQueryWord(lang: Locale, query: string, words: string[]): boolean {
  // Without rules of its own, a language takes Pagefind's answer as it is.
  if (rulesFor[lang] === undefined) return true;
  const candidates = words.map(searchForm);
  return queryWords(query).every((queryWord) => {
    const stem = searchForm(wordStem(lang, queryWord));
    return candidates.some((word) => word.startsWith(stem));
  });
}
