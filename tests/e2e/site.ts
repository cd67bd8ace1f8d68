import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test as base, type BrowserContextOptions } from '@playwright/test';
import { parse, type HTMLElement } from 'node-html-parser';
import { localeCodes, type Locale } from '../../src/i18n/locales';
import { everyPage, languagePages, type SitePage } from '../../src/lib/pages';
import { paths } from '../../src/lib/routes';
import { siteUrl } from '../../src/lib/site-url';
import { documents, isWrittenIn, pageLanguages, slugs } from '../support/content';

export { slugs };

/** Each translation, which has a side-by-side page with its original. */
export const translationsOf = documents.flatMap(({ slug, original, translations }) =>
  translations.map(({ lang }) => ({ slug, lang, originalLanguage: original.lang })),
);

/** Every page a reader can reach, with the language it must declare: the site's own list (src/lib/pages.ts). */
export const sitePages: SitePage[] = everyPage(
  documents.map(({ slug, original, translations }) => ({
    slug,
    originalLanguage: original.lang,
    languages: localeCodes.filter((lang) => [original, ...translations].some((version) => version.lang === lang)),
  })),
);

/** The site's pages written in src/content/pages/, which a partial language may not have translated yet. */
const contentPages = languagePages
  .map(({ route }) => route)
  .filter((route) => existsSync(`src/content/pages/en/${route}.mdx`));

/**
 * The languages a page is written in, which its alternates name: a document's, or a content page's,
 * translations so far (every complete language has them all), or every language for a page the site makes.
 */
export function languagesOf({ path, lang, slug }: SitePage): Locale[] {
  if (slug !== undefined) return localeCodes.filter((code) => isWrittenIn(code, slug));
  const page = contentPages.find((route) => paths[route](lang) === path);
  return page === undefined ? localeCodes : pageLanguages(page);
}

/** The file in the build that a site path is served from: `/en/` → `dist/en/index.html`. */
export const builtFile = (sitePath: string) =>
  path.join('dist', sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath);

const parsed = new Map<string, HTMLElement>();

/**
 * A page as the build wrote it and every server sends it, parsed once per test worker: what a link preview's
 * crawler, a search engine or a browser without JavaScript reads. Facts of the HTML are checked here, in
 * milliseconds; a browser is for what only a browser does (layout, scripts, focus, printing).
 */
export function builtPage(sitePath: string): HTMLElement {
  let page = parsed.get(sitePath);
  if (page === undefined) {
    page = parse(readFileSync(builtFile(sitePath), 'utf8'));
    parsed.set(sitePath, page);
  }
  return page;
}

/** A link's target as a site path: relative to the page it is on, or the site's absolute address (on 404 pages). */
export const sitePathOf = (href: string, from: string) =>
  href.startsWith(siteUrl.href)
    ? `/${href.slice(siteUrl.href.length)}`
    : new URL(href, `https://site.invalid${from}`).pathname;

/** The language folder a site path is in; none for the language chooser and the root 404 page. */
export const languageFolderOf = (sitePath: string): Locale | undefined =>
  localeCodes.find((lang) => sitePath.startsWith(paths.home(lang)));

/** Site paths by language folder, then those in none: what one browser tab visits in turn. */
export const byLanguageFolder = (sitePaths: string[]) =>
  [...localeCodes, undefined].map((lang) => ({
    name: lang ?? 'no language',
    paths: sitePaths.filter((sitePath) => languageFolderOf(sitePath) === lang),
  }));

/**
 * Playwright's `test` with `ownContextOptions`: what of the test's own browser
 * context a page's look and cost depend on (its address, screen and touch), for
 * a test that needs a second context like it but for one option.
 */
export const test = base.extend<{ ownContextOptions: BrowserContextOptions }>({
  ownContextOptions: async ({ baseURL, viewport, isMobile, hasTouch }, use) => {
    await use({ ...(baseURL === undefined ? {} : { baseURL }), viewport, isMobile, hasTouch });
  },
});
