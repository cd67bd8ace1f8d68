import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import en from './strings/en.json' with { type: 'json' };
import { localeCodes, locales, type Locale } from './locales.ts';
import { keysOf, stringAt } from './string-keys.ts';

/** The English strings define the keys; a complete language has exactly the same, a partial one a subset. */
export type UiStrings = typeof en;

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: UiStrings };
  }
}

/** Where a language's strings live, from the project's root: each language is a file, found by its code. */
export const stringsFile = (lang: Locale) => `src/i18n/strings/${lang}.json`;

/**
 * Every language's strings file as written. Read from the project's root rather than imported by name, so that
 * adding a language is adding its file, under Astro's bundler and plain Node alike.
 */
function readStrings(): Record<Locale, object> {
  return Object.fromEntries(
    localeCodes.map((lang) => {
      const file = path.resolve(stringsFile(lang));
      if (!existsSync(file)) {
        throw new Error(
          `${stringsFile(lang)} is missing: every language in src/i18n/locales.ts needs its strings file (it may start as {})`,
        );
      }
      try {
        return [lang, JSON.parse(readFileSync(file, 'utf8')) as object];
      } catch (error) {
        throw new Error(`${stringsFile(lang)} is not valid JSON: ${(error as Error).message}`, { cause: error });
      }
    }),
  ) as Record<Locale, object>;
}

/**
 * Throws, naming the file and the keys, when a language's strings hold a key en.json does not, or, in a
 * complete language, lack one: a partial language may lack any, and shows the English string instead.
 */
export function assertSameKeys(strings: Record<Locale, object>): void {
  const reference = new Set(keysOf(strings.en));
  for (const lang of localeCodes) {
    const keys = new Set(keysOf(strings[lang]));
    const missing = locales[lang].complete ? [...reference].filter((key) => !keys.has(key)) : [];
    const extra = [...keys].filter((key) => !reference.has(key));
    if (missing.length || extra.length) {
      throw new Error(
        `${stringsFile(lang)} does not match en.json:` +
          (missing.length ? ` missing ${missing.join(', ')};` : '') +
          (extra.length ? ` unknown ${extra.join(', ')};` : ''),
      );
    }
  }
}

/** The strings a language's file holds, with the English ones where it has none. */
function withEnglishFallback(own: object, english: object): object {
  return Object.fromEntries(
    Object.entries(english).map(([key, value]) => {
      const translated: unknown = (own as Record<string, unknown>)[key];
      if (typeof value === 'object' && value !== null)
        return [key, withEnglishFallback((translated as object | undefined) ?? {}, value as object)];
      return [key, typeof translated === 'string' ? translated : value];
    }),
  );
}

/** Each language's strings as written, for telling what a partial language still lacks. */
export const ownStrings = readStrings();
assertSameKeys(ownStrings);

/** Each language's strings as the site shows them: a partial language's missing ones in English. */
export const uiStrings = Object.fromEntries(
  localeCodes.map((lang) => [lang, withEnglishFallback(ownStrings[lang], ownStrings.en)]),
) as Record<Locale, UiStrings>;

const i18n = i18next.createInstance();
await i18n.init({
  resources: Object.fromEntries(localeCodes.map((lang) => [lang, { translation: uiStrings[lang] }])),
  supportedLngs: localeCodes,
  fallbackLng: false,
  initAsync: false,
  // Astro escapes everything it renders; escaping here too would double it.
  interpolation: { escapeValue: false },
});

/** A value that a lookup's result depends on only as text: a string, number or boolean, or an object of them. */
const isPlain = (value: unknown): boolean =>
  ['string', 'number', 'boolean'].includes(typeof value) ||
  (typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype &&
    Object.values(value).every((field) => ['string', 'number', 'boolean'].includes(typeof field)));

/**
 * A language's strings, each asked for with the same key and options looked up once: every page asks for the
 * same navigation and footer, every paragraph for its "¶ 12" label, and i18next's lookup is a large share of a
 * page's rendering. Options of any other kind are looked up every time.
 */
function remembering(t: TFunction): TFunction {
  const known = new Map<string, unknown>();
  const lookUp = t as unknown as (...args: unknown[]) => unknown;
  return ((...args: unknown[]) => {
    if (!args.every(isPlain)) return lookUp(...args);
    const question = JSON.stringify(args);
    if (!known.has(question)) known.set(question, lookUp(...args));
    return known.get(question);
  }) as unknown as TFunction;
}

const translations = new Map(localeCodes.map((lang) => [lang, remembering(i18n.getFixedT(lang))]));

/** The interface strings of one language. */
export function useTranslations(lang: Locale): TFunction {
  const t = translations.get(lang);
  if (t === undefined) throw new Error(`"${lang}" is not a language of the site (src/i18n/locales.ts)`);
  return t;
}

/** The language a string shows in: `lang`'s own, or English where a partial language's file lacks it. */
export function stringLanguage(lang: Locale, key: string): Locale {
  return stringAt(ownStrings[lang], key) === undefined ? 'en' : lang;
}

/** A language's name in the reader's language, or in itself where the strings have no name for it yet. */
export function languageName(t: TFunction, code: Locale): string {
  return t(`languageName.${code}`, { defaultValue: locales[code].name });
}
