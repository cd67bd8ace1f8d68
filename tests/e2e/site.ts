import { localeCodes, type Locale } from '../../src/i18n/locales';
import { paths } from '../../src/lib/routes';
import { slugs } from '../support/content';

export { slugs };

export interface SitePage {
  path: string;
  lang: Locale;
  /** The slug, for document pages. */
  slug?: string;
}

/** Every page a reader can reach, with the language it must declare. */
export const sitePages: SitePage[] = [
  { path: paths.languageChooser(), lang: 'en' },
  { path: paths.notFound(), lang: 'en' },
  ...localeCodes.flatMap((lang) => [
    { path: paths.home(lang), lang },
    { path: paths.search(lang), lang },
    { path: paths.downloads(lang), lang },
    { path: paths.mirrors(lang), lang },
    ...slugs.map((slug) => ({ path: paths.document(lang, slug), lang, slug })),
  ]),
];
