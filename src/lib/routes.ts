import type { Locale } from '../i18n/locales';

/**
 * Every page of the site, as a path from the site's root. Pages link to each
 * other only through `relativeUrl`, so the built site works under any prefix.
 */
export const paths = {
  languageChooser: () => '/',
  home: (lang: Locale) => `/${lang}/`,
  document: (lang: Locale, slug: string) => `/${lang}/${slug}/`,
  /** The page a server answers for a missing address: at the root in every language, or in one language's folder. */
  notFound: (lang?: Locale) => (lang ? `/${lang}/404.html` : '/404.html'),
  /** A translation beside its original, paragraph by paragraph. */
  sideBySide: (lang: Locale, slug: string) => `/${lang}/${slug}/side-by-side/`,
  search: (lang: Locale) => `/${lang}/search/`,
  downloads: (lang: Locale) => `/${lang}/downloads/`,
  mirrors: (lang: Locale) => `/${lang}/mirrors/`,
  /** What the documents are, who wrote them to whom, and why they matter. */
  introduction: (lang: Locale) => `/${lang}/introduction/`,
  /** The events the documents report, in date order. */
  timeline: (lang: Locale) => `/${lang}/timeline/`,
  /** The people, organisations and places the documents name. */
  names: (lang: Locale) => `/${lang}/names/`,
  /**
   * The names search finds however they are spelt, with their forms in the language (src/lib/name-forms.ts),
   * in one file for each first letter of the ways to write them: a search fetches only its words' letters.
   */
  nameForms: (lang: Locale, letter: string) => `/${lang}/name-forms/${letter}.json`,
  nameFormsFolder: (lang: Locale) => `/${lang}/name-forms/`,
  /** A paragraph of a document: `/be/petition-to-the-ilo/#p-12`. */
  paragraph: (lang: Locale, slug: string, number: number) => `/${lang}/${slug}/#p-${number}`,
  /** The note for readers in Belarus: what the site does and does not do, and how to keep reading it. */
  about: (lang: Locale) => `/${lang}/about/`,
  /** Who publishes the site, how its texts are made, and how to report an error. */
  project: (lang: Locale) => `/${lang}/project/`,
  /** The corrections made to a language's texts, newest first. */
  corrections: (lang: Locale) => `/${lang}/corrections/`,
  /** The whole site in one archive, for USB sticks and messengers. */
  siteArchive: () => '/downloads/belarus-unions-record.zip',
  /** The same files as one IPFS CAR, to import into an IPFS node. */
  siteCar: () => '/downloads/belarus-unions-record.car',
  /** The standalone verifier: one file that Node 18 or newer runs with no install. */
  verifier: () => '/downloads/verify.mjs',
  /** The standalone rewrite-origin, for a mirror's link previews. */
  rewriteOriginTool: () => '/downloads/rewrite-origin.mjs',
  /** One document as a single self-contained HTML file. */
  singleFile: (lang: Locale, slug: string) => `/downloads/${lang}/${slug}.html`,
  /** A language's documents as one e-book, for phones and e-readers. */
  book: (lang: Locale) => `/downloads/belarus-unions-record-${lang}.epub`,
  /** The service worker that keeps a language for offline reading; at the root, so its scope is the whole copy. */
  offlineWorker: () => '/service-worker.js',
  /** The files the worker saves for each language, with the release they belong to. */
  offlineFiles: () => '/offline-files.json',
  /** Where the build writes the search index and Pagefind's engine. */
  searchEngine: () => '/pagefind/pagefind.js',
  feed: (lang: Locale) => `/${lang}/feed.xml`,
  sitemap: () => '/sitemap.xml',
  /** The link-preview image of a language's home page, or of one document. */
  previewImage: (lang: Locale, slug?: string) => `/og/${lang}/${slug ?? 'index'}.png`,
  /** The link-preview image of the language chooser, in every language. */
  chooserPreviewImage: () => '/og/index.png',
};

/** The path of the folder a page lives in: `/en/x/` for `/en/x/`, `/` for `/404.html`. */
function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/** A link from the page at `from` to the page at `to`, relative to `from`. */
export function relativeUrl(from: string, to: string): string {
  const fromParts = folderOf(from).split('/').filter(Boolean);
  const toParts = to.split('/').filter(Boolean);
  let common = 0;
  while (
    common < fromParts.length &&
    common < toParts.length - (to.endsWith('/') ? 0 : 1) &&
    fromParts[common] === toParts[common]
  ) {
    common += 1;
  }
  const up = '../'.repeat(fromParts.length - common);
  const down = toParts.slice(common).join('/') + (to.endsWith('/') && toParts.length > common ? '/' : '');
  return up + down || './';
}
