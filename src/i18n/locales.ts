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
}

export const locales = {
  be: { name: 'Беларуская', dateFormat: 'be', openGraph: 'be_BY' },
  ru: { name: 'Русский', dateFormat: 'ru', openGraph: 'ru_RU' },
  en: { name: 'English', dateFormat: 'en-GB', openGraph: 'en_GB' },
} as const satisfies Record<string, LocaleConfig>;

export type Locale = keyof typeof locales;

/** Languages in display order: Belarusian first, for the readers this site is for. */
export const localeCodes = Object.keys(locales) as Locale[];

export function isLocale(value: string): value is Locale {
  return Object.hasOwn(locales, value);
}
