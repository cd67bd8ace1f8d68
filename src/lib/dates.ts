import type { DocumentDate } from '../content/schema';
import { locales, type Locale } from '../i18n/locales.ts';
import { useTranslations } from '../i18n/ui.ts';

/** One formatter per language: making one costs far more than formatting, and every list of documents formats dates. */
const dayFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A day as a reader of `lang` writes it: "1 March 2021", "1 сакавіка 2021 г.". */
export function formatDay(isoDate: string, lang: Locale): string {
  let format = dayFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(locales[lang].dateFormat, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dayFormats.set(lang, format);
  }
  return format.format(new Date(`${isoDate}T00:00:00Z`));
}

/** A document's date as a reader of `lang` writes it: "1 March 2021", "after 12 November 2020". */
export function formatDocumentDate(date: DocumentDate, lang: Locale): string {
  if (typeof date === 'string') return formatDay(date, lang);
  return useTranslations(lang)('document.dateAfter', { date: formatDay(date.after, lang) });
}

/**
 * A document's date as its own page states it: a date, or for an undated text
 * why it is dated after a day ("Undated; written after 12 November 2020, the
 * latest date it mentions").
 */
export function explainDocumentDate(date: DocumentDate, lang: Locale): string {
  if (typeof date === 'string') return formatDay(date, lang);
  return useTranslations(lang)(`document.undated.${date.basis}`, { date: formatDay(date.after, lang) });
}
