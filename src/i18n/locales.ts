/**
 * The one list of the site's languages. Routes, the language switcher,
 * `hreflang` alternates, UI strings, the glossary and the tests all derive
 * from it; adding a language starts here.
 */
interface LocaleConfig {
  /** The language's name in itself, as the language switcher shows it. */
  name: string;
  /** The `Intl` locale whose conventions dates follow ("1 March 2021", not "March 1, 2021"). */
  dateFormat: string;
  /** The locale as Open Graph names it, for link previews. */
  openGraph: string;
  /**
   * Whether every document, page and interface string must exist in this
   * language. The site's own languages are complete; a language that
   * volunteers translate one document at a time is not, and shows the
   * original, marked as such, where its translation is missing.
   */
  complete: boolean;
}

export const locales = {
  be: { name: 'Беларуская', dateFormat: 'be', openGraph: 'be_BY', complete: true },
  ru: { name: 'Русский', dateFormat: 'ru', openGraph: 'ru_RU', complete: true },
  en: { name: 'English', dateFormat: 'en-GB', openGraph: 'en_GB', complete: true },
} as const satisfies Record<string, LocaleConfig>;

export type Locale = keyof typeof locales;

/** The languages in which every document, page and string exists; their records are typed complete. */
export type CompleteLocale = { [L in Locale]: (typeof locales)[L]['complete'] extends true ? L : never }[Locale];

/**
 * A value written in every language: required in each complete one, so that a missing Belarusian line still
 * fails the type check, and present in a partial one once translated (until then the English is shown).
 */
export type InEveryLanguage<T> = Record<CompleteLocale, T> & Partial<Record<Locale, T>>;

/** Languages in display order: Belarusian first, for the readers this site is for. */
export const localeCodes = Object.keys(locales) as Locale[];

/** The complete languages, in display order. */
export const completeLocaleCodes = localeCodes.filter((lang): lang is CompleteLocale => locales[lang].complete);

export function isLocale(value: string): value is Locale {
  return Object.hasOwn(locales, value);
}

/** A value as `lang` shows it: its own, or the English (and so marked) where a partial language has none yet. */
export function inLanguage<T>(values: InEveryLanguage<T>, lang: Locale): { value: T; lang: Locale } {
  const own = values[lang];
  return own === undefined ? { value: values.en, lang: 'en' } : { value: own, lang };
}
