import i18next, { type TFunction } from 'i18next';
import be from './strings/be.json' with { type: 'json' };
import en from './strings/en.json' with { type: 'json' };
import ru from './strings/ru.json' with { type: 'json' };
import { localeCodes, type Locale } from './locales.ts';

/** The English strings define the keys; every other locale must have exactly the same. */
export type UiStrings = typeof en;

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: UiStrings };
  }
}

export const uiStrings: Record<Locale, UiStrings> = { be, ru, en };

/** Every key of a strings file, as a dotted path: `nav.home`. */
export function keysOf(strings: object, prefix = ''): string[] {
  return Object.entries(strings).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

/** Throws, naming the file and the keys, when a locale's strings do not match the English keys. */
export function assertSameKeys(strings: Record<Locale, object>): void {
  const reference = new Set(keysOf(strings.en));
  for (const lang of localeCodes) {
    const keys = new Set(keysOf(strings[lang]));
    const missing = [...reference].filter((key) => !keys.has(key));
    const extra = [...keys].filter((key) => !reference.has(key));
    if (missing.length || extra.length) {
      throw new Error(
        `src/i18n/strings/${lang}.json does not match en.json:` +
          (missing.length ? ` missing ${missing.join(', ')};` : '') +
          (extra.length ? ` unknown ${extra.join(', ')};` : ''),
      );
    }
  }
}

assertSameKeys(uiStrings);

const i18n = i18next.createInstance();
await i18n.init({
  resources: Object.fromEntries(localeCodes.map((lang) => [lang, { translation: uiStrings[lang] }])),
  supportedLngs: localeCodes,
  fallbackLng: false,
  initAsync: false,
  // Astro escapes everything it renders; escaping here too would double it.
  interpolation: { escapeValue: false },
});

/** The interface strings of one language. */
export function useTranslations(lang: Locale): TFunction {
  return i18n.getFixedT(lang);
}
