import { locales, type Locale } from '../../src/i18n/locales.ts';

/**
 * A file's size as a reader of `lang` writes it: "27 KB" for a page, "1.0 MB"
 * for the archive (decimal units, as phones show them). Whole kilobytes below
 * a megabyte, tenths of a megabyte above.
 */
export function formatFileSize(bytes: number, lang: Locale): string {
  const megabytes = bytes >= 999_500;
  return new Intl.NumberFormat(locales[lang].dateFormat, {
    style: 'unit',
    unit: megabytes ? 'megabyte' : 'kilobyte',
    unitDisplay: 'short',
    minimumFractionDigits: megabytes ? 1 : 0,
    maximumFractionDigits: megabytes ? 1 : 0,
  }).format(megabytes ? bytes / 1_000_000 : Math.max(1, Math.round(bytes / 1000)));
}
