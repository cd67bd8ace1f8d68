import { localeCodes, type Locale } from '../../src/i18n/locales';
import { paths } from '../../src/lib/routes';
import { documents, slugs } from '../support/content';

export { slugs };

/** Each translation, which has a side-by-side page with its original. */
export const translationsOf = documents.flatMap(({ slug, original, translations }) =>
  translations.map(({ lang }) => ({ slug, lang, originalLanguage: original.lang })),
);

export interface SitePage {
  path: string;
  lang: Locale;
  /** The slug, for document pages. */
  slug?: string;
  /** A 404 page, which a server answers at any address: it has no alternates and is in no sitemap. */
  notFound?: true;
}

/** Every page a reader can reach, with the language it must declare. */
export const sitePages: SitePage[] = [
  { path: paths.languageChooser(), lang: 'en' },
  { path: paths.notFound(), lang: 'en', notFound: true },
  ...localeCodes.flatMap((lang): SitePage[] => [
    { path: paths.notFound(lang), lang, notFound: true },
    { path: paths.home(lang), lang },
    { path: paths.introduction(lang), lang },
    { path: paths.timeline(lang), lang },
    { path: paths.names(lang), lang },
    { path: paths.search(lang), lang },
    { path: paths.downloads(lang), lang },
    { path: paths.mirrors(lang), lang },
    { path: paths.about(lang), lang },
    ...slugs.map((slug) => ({ path: paths.document(lang, slug), lang, slug })),
  ]),
  ...translationsOf.map(({ slug, lang }) => ({ path: paths.sideBySide(lang, slug), lang, slug })),
];
