import { localeCodes, type Locale } from '../i18n/locales';
import type { SitemapPage } from './feeds';
import { paths } from './routes';

/** The keys of `paths` whose address needs no more than a language. */
type PathInOneLanguage = {
  [Key in keyof typeof paths]: (typeof paths)[Key] extends (lang: Locale) => string ? Key : never;
}[keyof typeof paths];

/**
 * The pages every language has besides its documents: one per route file of
 * src/pages/[lang]/ (index.astro is `home`), in the order the sitemap lists
 * them. `footer` is the interface string that labels the page in the footer's
 * short list of ways on; pages without one are linked from elsewhere.
 * A new route gets its line here, or the test that compares this list with the
 * route files and with the built pages fails.
 */
export const languagePages = [
  { route: 'home', footer: 'nav.home' },
  { route: 'introduction', footer: 'nav.introduction' },
  { route: 'timeline', footer: 'nav.timeline' },
  { route: 'names', footer: 'nav.names' },
  { route: 'search', footer: 'search.title' },
  { route: 'downloads', footer: 'downloads.title' },
  { route: 'mirrors', footer: 'nav.mirrors' },
  { route: 'about' },
  { route: 'corrections' },
  { route: 'project' },
] as const satisfies readonly { route: PathInOneLanguage; footer?: string }[];

/** The same path in every language. */
export function inEveryLanguage(pathFor: (lang: Locale) => string): Record<Locale, string> {
  return inLanguages(localeCodes, pathFor) as Record<Locale, string>;
}

/** The same path in each of the languages a page is written in. */
export function inLanguages(
  languages: readonly Locale[],
  pathFor: (lang: Locale) => string,
): Partial<Record<Locale, string>> {
  return Object.fromEntries(languages.map((lang) => [lang, pathFor(lang)]));
}

/** What the page list needs to know of a document: its slug, and the language it was written in. */
export interface DocumentRoutes {
  slug: string;
  originalLanguage: Locale;
  /** The languages it is written in: every complete one, and each partial one that has translated it. */
  languages: readonly Locale[];
}

export interface SitePage {
  path: string;
  /** The language the page declares: English for the language chooser and the root 404 page. */
  lang: Locale;
  /** The slug, for a document and its side-by-side page. */
  slug?: string;
  /** A 404 page, which a server answers at any address: it has no alternates and is in no sitemap. */
  notFound?: true;
}

/** The page of a document beside its original, for a translation; the document itself in its original language. */
const documentOrSideBySide = (lang: Locale, { slug, originalLanguage }: DocumentRoutes) =>
  lang === originalLanguage ? paths.document(lang, slug) : paths.sideBySide(lang, slug);

/** Every HTML page of the site a reader can reach, with the language it declares. */
export function everyPage(documents: readonly DocumentRoutes[]): SitePage[] {
  return [
    { path: paths.languageChooser(), lang: 'en' },
    { path: paths.notFound(), lang: 'en', notFound: true },
    ...localeCodes.flatMap((lang): SitePage[] => [
      { path: paths.notFound(lang), lang, notFound: true },
      ...languagePages.map(({ route }) => ({ path: paths[route](lang), lang })),
      ...documents.map(({ slug }) => ({ path: paths.document(lang, slug), lang, slug })),
      ...documents
        .filter(({ originalLanguage, languages }) => originalLanguage !== lang && languages.includes(lang))
        .map(({ slug }) => ({ path: paths.sideBySide(lang, slug), lang, slug })),
    ]),
  ];
}

/**
 * The sitemap's pages: the language chooser with the home pages, each language page and document in every
 * language it is written in (a partial language's page that shows the original is not one), and each
 * document's side-by-side pages with its original. `contentPages` gives the languages of each page written as
 * content (`introduction`, `about`…); the other pages are written in every language.
 */
export function sitemapPages(
  documents: readonly DocumentRoutes[],
  contentPages: ReadonlyMap<string, readonly Locale[]>,
): SitemapPage[] {
  return [
    { versions: inEveryLanguage(paths.home), multilingual: paths.languageChooser() },
    ...languagePages.map(({ route }) => ({
      versions: inLanguages(contentPages.get(route) ?? localeCodes, paths[route]),
    })),
    ...documents.map(({ slug, languages }) => ({
      versions: inLanguages(languages, (lang) => paths.document(lang, slug)),
    })),
    ...documents.map((document) => ({
      versions: inLanguages(document.languages, (lang) => documentOrSideBySide(lang, document)),
    })),
  ];
}
