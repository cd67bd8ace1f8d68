/**
 * Romanizations of Belarusian and Russian names, so that search finds a
 * person however a reader's own media spell them in Latin letters: the
 * national systems (Belarus's 2007 instruction, adopted by the UN in 2013;
 * Russia's GOST 7.79-2000, system B), and the BGN/PCGN systems of the US and
 * British governments (Belarusian 1979, Russian 1947). No npm library covers
 * the Belarusian systems, so these are tables with the few rules of context
 * each system has: how е, ё, ю, я are written after a consonant and elsewhere.
 */

/** A system: each letter's Latin form, and the iotated vowels' forms after a consonant and elsewhere. */
interface System {
  letters: Record<string, string>;
  /** я, е, ё, ю at the start of a word, after a vowel, a soft or hard sign, ў, й or an apostrophe. */
  iotated: Record<string, string>;
  /** The same after a consonant. */
  afterConsonant: Record<string, string>;
  /** The letters a soft sign turns into, replacing the consonant and the sign: зь → ź. */
  softened?: Record<string, string>;
  /** Letters written otherwise before some letters: GOST's ц is c before и, е, ы, й and cz elsewhere. */
  before?: Record<string, { letters: string; latin: string }>;
}

const vowelsAndSigns = "аеёиоуыэюяіьъўй'’ʼ";

const belarusianNational: System = {
  letters: {
    а: 'a',
    б: 'b',
    в: 'v',
    г: 'h',
    ґ: 'g',
    д: 'd',
    ж: 'ž',
    з: 'z',
    і: 'i',
    й: 'j',
    к: 'k',
    л: 'l',
    м: 'm',
    н: 'n',
    о: 'o',
    п: 'p',
    р: 'r',
    с: 's',
    т: 't',
    у: 'u',
    ў: 'ŭ',
    ф: 'f',
    х: 'ch',
    ц: 'c',
    ч: 'č',
    ш: 'š',
    ы: 'y',
    ь: '',
    э: 'e',
    "'": '',
    '’': '',
    ʼ: '',
  },
  iotated: { я: 'ja', е: 'je', ё: 'jo', ю: 'ju' },
  afterConsonant: { я: 'ia', е: 'ie', ё: 'io', ю: 'iu' },
  softened: { з: 'ź', л: 'ĺ', н: 'ń', с: 'ś', ц: 'ć' },
};

const belarusianBgn: System = {
  letters: {
    а: 'a',
    б: 'b',
    в: 'v',
    г: 'h',
    ґ: 'g',
    д: 'd',
    ж: 'zh',
    з: 'z',
    і: 'i',
    й: 'y',
    к: 'k',
    л: 'l',
    м: 'm',
    н: 'n',
    о: 'o',
    п: 'p',
    р: 'r',
    с: 's',
    т: 't',
    у: 'u',
    ў: 'w',
    ф: 'f',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    ы: 'y',
    ь: "'",
    э: 'e',
    "'": '"',
    '’': '"',
    ʼ: '"',
  },
  iotated: { я: 'ya', е: 'ye', ё: 'yo', ю: 'yu' },
  afterConsonant: { я: 'ya', е: 'ye', ё: 'yo', ю: 'yu' },
};

const russianGost: System = {
  letters: {
    а: 'a',
    б: 'b',
    в: 'v',
    г: 'g',
    д: 'd',
    ж: 'zh',
    з: 'z',
    и: 'i',
    й: 'j',
    к: 'k',
    л: 'l',
    м: 'm',
    н: 'n',
    о: 'o',
    п: 'p',
    р: 'r',
    с: 's',
    т: 't',
    у: 'u',
    ф: 'f',
    х: 'x',
    ц: 'cz',
    ч: 'ch',
    ш: 'sh',
    щ: 'shh',
    ъ: '``',
    ы: "y'",
    ь: '`',
    э: 'e`',
  },
  iotated: { я: 'ya', е: 'e', ё: 'yo', ю: 'yu' },
  afterConsonant: { я: 'ya', е: 'e', ё: 'yo', ю: 'yu' },
  before: { ц: { letters: 'иеый', latin: 'c' } },
};

const russianBgn: System = {
  letters: {
    а: 'a',
    б: 'b',
    в: 'v',
    г: 'g',
    д: 'd',
    ж: 'zh',
    з: 'z',
    и: 'i',
    й: 'y',
    к: 'k',
    л: 'l',
    м: 'm',
    н: 'n',
    о: 'o',
    п: 'p',
    р: 'r',
    с: 's',
    т: 't',
    у: 'u',
    ф: 'f',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ъ: '"',
    ы: 'y',
    ь: "'",
    э: 'e',
  },
  iotated: { я: 'ya', е: 'ye', ё: 'yë', ю: 'yu' },
  afterConsonant: { я: 'ya', е: 'e', ё: 'ë', ю: 'yu' },
};

/** Keeps the letter case of the Cyrillic letter: Ц → Ts at a word's start, TS in a word in capitals. */
function inCaseOf(original: string, next: string | undefined, latin: string): string {
  if (original === original.toLowerCase()) return latin;
  const wholeWordUpper = next !== undefined && next !== next.toLowerCase();
  return wholeWordUpper ? latin.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
}

function romanize(system: System, text: string): string {
  const letters = [...text];
  let out = '';
  letters.forEach((original, index) => {
    const letter = original.toLowerCase();
    const previous = letters[index - 1]?.toLowerCase();
    const next = letters[index + 1];
    const afterConsonant = previous !== undefined && /\p{L}/u.test(previous) && !vowelsAndSigns.includes(previous);
    let latin: string;
    if (letter in system.iotated) {
      latin = (afterConsonant ? system.afterConsonant : system.iotated)[letter] ?? letter;
    } else if (next !== undefined && system.before?.[letter]?.letters.includes(next.toLowerCase())) {
      latin = system.before[letter].latin;
    } else if (system.softened?.[letter] !== undefined && next?.toLowerCase() === 'ь') {
      latin = system.softened[letter];
    } else {
      latin = system.letters[letter] ?? letter;
    }
    out += inCaseOf(original, next, latin);
  });
  return out;
}

/** Belarus's national system (the 2007 instruction, the UN's since 2013): Лукашэнка → Lukašenka. */
export const belarusianNationalLatin = (text: string) => romanize(belarusianNational, text);
/** BGN/PCGN 1979 for Belarusian: Ціханоўская → Tsikhanowskaya. */
export const belarusianBgnLatin = (text: string) => romanize(belarusianBgn, text);
/** Russia's national standard, GOST 7.79-2000 system B: Тихановская → Tixanovskaya. */
export const russianGostLatin = (text: string) => romanize(russianGost, text);
/** BGN/PCGN 1947 for Russian: Колесникова → Kolesnikova. */
export const russianBgnLatin = (text: string) => romanize(russianBgn, text);

/** Every romanization of a Belarusian text. */
export const belarusianRomanizations = (text: string) => [belarusianNationalLatin(text), belarusianBgnLatin(text)];
/** Every romanization of a Russian text. */
export const russianRomanizations = (text: string) => [russianGostLatin(text), russianBgnLatin(text)];
