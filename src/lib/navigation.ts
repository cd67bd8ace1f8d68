import type { Locale } from '../i18n/locales';
import { useTranslations } from '../i18n/ui';
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
  return [
    { label: t('nav.home'), path: paths.home(lang) },
    { label: t('nav.introduction'), path: paths.introduction(lang) },
    { label: t('nav.timeline'), path: paths.timeline(lang) },
    { label: t('nav.names'), path: paths.names(lang) },
    { label: t('search.title'), path: paths.search(lang) },
    { label: t('downloads.title'), path: paths.downloads(lang) },
    { label: t('nav.mirrors'), path: paths.mirrors(lang) },
  ];
}
