import type { Locale } from '../i18n/locales';
import { useTranslations } from '../i18n/ui';
import { languagePages } from './pages';
import { paths } from './routes';

export interface SiteSection {
  label: string;
  /** The section's path from the site's root. */
  path: string;
}

/**
 * The ways on from any page, in the order the footer shows them: the same short
 * list on every page, and in each language of the trilingual 404 page.
 */
export function siteSections(lang: Locale): SiteSection[] {
  const t = useTranslations(lang);
  return languagePages.flatMap((page) =>
    'footer' in page ? [{ label: t(page.footer), path: paths[page.route](lang) }] : [],
  );
}
