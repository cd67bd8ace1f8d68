import type { DocumentDate } from '../content/schema';
import { locales, type Locale } from '../i18n/locales.ts';
import { useTranslations } from '../i18n/ui.ts';
import { noBreakSpaces } from './typography.ts';

/** A date formatter of Intl, whose output keeps the Belarusian and Russian "г." (year) on the line of its year. */
export interface DateFormat {
  format(date: Date): string;
  formatRange(start: Date, end: Date): string;
}

/** One formatter per language and options: making one costs far more than formatting, and every list formats dates. */
const dateFormats = new Map<string, DateFormat>();

/** Every date the site writes goes through here, in UTC: the dates are days, not moments. */
export function dateFormat(lang: Locale, options: Intl.DateTimeFormatOptions): DateFormat {
  const key = `${lang} ${JSON.stringify(options)}`;
  let found = dateFormats.get(key);
  if (!found) {
    const intl = new Intl.DateTimeFormat(locales[lang].dateFormat, { ...options, timeZone: 'UTC' });
    found = {
      format: (date) => noBreakSpaces(intl.format(date)),
      formatRange: (start, end) => noBreakSpaces(intl.formatRange(start, end)),
    };
    dateFormats.set(key, found);
  }
  return found;
}

/** A day as a reader of `lang` writes it: "1 March 2021", "1 сакавіка 2021 г.". */
export function formatDay(isoDate: string, lang: Locale): string {
  return dateFormat(lang, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${isoDate}T00:00:00Z`));
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
