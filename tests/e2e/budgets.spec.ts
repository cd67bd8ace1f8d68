import { readFileSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect } from '@playwright/test';
import { offlineCostOfPage, offlineSizes, scriptsWithOffline } from '../../pipeline/after-render/offline.ts';
import { budgets, checkBudget, describeBreach } from '../../pipeline/after-render/budgets.ts';
import {
  firstSearchResult,
  searchQuery,
  measurePage,
  pageBudgetBreaches,
  siteCss,
  sitePagePaths,
  summarise,
} from '../../pipeline/bench/page-cost.ts';
import { localeCodes } from '../../src/i18n/locales';
import { paths } from '../../src/lib/routes';
import { byLanguageFolder, sitePages, test } from './site';

/** The built site that playwright.config.ts serves. */
const distDir = 'dist';
const pagePaths = await sitePagePaths(distDir);
const documentPaths = sitePages.filter(({ slug }) => slug !== undefined).map(({ path }) => path);

test.describe('byte budgets, brotli-compressed', () => {
  test('every document page is built, so none escapes its JavaScript budget', () => {
    expect(documentPaths.filter((path) => !pagePaths.includes(path))).toEqual([]);
  });

  /**
   * The pages a browser measures: every page but documents and side-by-side pages, of which only each template's
   * largest. Pages of one template load the same files and differ only in their HTML, which the build weighs for
   * every page (pipeline/after-render/page-budget.ts): the largest is the one that could break the budget.
   */
  const largestOfTemplate = (pages: string[], isOfTemplate: (path: string) => boolean) => {
    const ofTemplate = pages.filter(isOfTemplate);
    const size = (page: string) => statSync(path.join(distDir, page.slice(1), 'index.html')).size;
    const largest = ofTemplate.reduce<string | undefined>(
      (max, page) => (max === undefined || size(page) > size(max) ? page : max),
      undefined,
    );
    return [...pages.filter((page) => !isOfTemplate(page)), ...(largest === undefined ? [] : [largest])];
  };
  const isSideBySide = (page: string) => page.endsWith('/side-by-side/');
  const isDocument = (page: string) => documentPaths.includes(page) && !isSideBySide(page);
  const measured = (pages: string[]) => largestOfTemplate(largestOfTemplate(pages, isDocument), isSideBySide);
  const languages = byLanguageFolder(pagePaths).map(({ name, paths }) => ({ name, pages: measured(paths) }));
  test('a page of every template in every language is measured', () => {
    expect(languages.every(({ pages }) => pages.length > 0)).toBe(true);
    for (const lang of localeCodes) {
      const pages = languages.find(({ name }) => name === lang)?.pages ?? [];
      expect(pages.filter(isDocument), lang).toHaveLength(1);
    }
  });
  for (const { name, pages } of languages) {
    test(`each template in ${name}: first visit ≤ ${budgets.firstVisit.limitBytes} B, and a document's JavaScript ≤ ${budgets.documentScript.limitBytes} B`, async ({
      browser,
      ownContextOptions,
    }) => {
      const context = await browser.newContext({ ...ownContextOptions, serviceWorkers: 'block' });
      const breaches: string[] = [];
      for (const path of pages) {
        const cost = await measurePage(browser, path, { in: context });
        breaches.push(...pageBudgetBreaches(path, summarise(cost), documentPaths.includes(path)).map(describeBreach));
      }
      await context.close();
      expect(breaches).toEqual([]);
    });
  }

  test(`the CSS of the whole site is under ${budgets.siteCss.limitBytes + 1} B`, async () => {
    const sources = await siteCss(distDir);
    expect(sources.length, `${distDir} has no CSS to measure`).toBeGreaterThan(0);
    const breach = checkBudget(
      'siteCss',
      distDir,
      sources.reduce((sum, { brotliBytes }) => sum + brotliBytes, 0),
    );
    const breakdown = sources.map(({ source, brotliBytes }) => `${source}: ${brotliBytes} B`).join('\n');
    expect(breach && describeBreach(breach), breakdown).toBeUndefined();
  });

  test('the search index carries no picture of a page: the QR code is not one, and would weigh on every search', async () => {
    const fragments = path.join(distDir, 'pagefind', 'fragment');
    const records = (await readdir(fragments)).map((name) =>
      gunzipSync(readFileSync(path.join(fragments, name))).toString(),
    );
    expect(records.length).toBeGreaterThan(0);
    expect(records.filter((record) => record.includes('data:image'))).toEqual([]);
  });

  for (const lang of localeCodes) {
    const query = searchQuery(lang);
    test(`a ${lang} search for "${query}" costs at most ${budgets.search.limitBytes} B until the first result`, async ({
      browser,
      ownContextOptions,
    }) => {
      const cost = await measurePage(browser, `${paths.search(lang)}?q=${encodeURIComponent(query)}`, {
        context: ownContextOptions,
        until: firstSearchResult,
      });
      const { totalBrotliBytes } = summarise(cost);
      const breach = checkBudget('search', `${lang} search`, totalBrotliBytes);
      expect(breach && describeBreach(breach)).toBeUndefined();
    });
  }
});

test.describe('page weight against stock Starlight, brotli-compressed', () => {
  test('the measure counts what a page fetches on its own after `load`, as Starlight fetches its search code', async ({
    browser,
  }) => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.route('http://late.test/**', (route) =>
      new URL(route.request().url()).pathname === '/'
        ? route.fulfill({
            contentType: 'text/html',
            body: "<p>x</p><script>onload = () => setTimeout(() => fetch('/late.js'), 200)</script>",
          })
        : route.fulfill({ contentType: 'text/javascript', body: 'let late;'.repeat(500) }),
    );
    const untilLoad = summarise(await measurePage(browser, 'http://late.test/', { in: context }));
    const untilQuiet = summarise(
      await measurePage(browser, 'http://late.test/', { in: context, until: 'network-idle' }),
    );
    await context.close();
    expect(untilLoad.requests).toBe(1);
    expect(untilQuiet.requests).toBe(2);
    expect(untilQuiet.brotliBytes.js).toBeGreaterThan(0);
  });
});

test.describe('offline reading, brotli-compressed', () => {
  for (const lang of localeCodes) {
    // 404 pages save no language, so they register no worker.
    const languagePages = sitePages
      .filter(({ path, notFound }) => path.startsWith(paths.home(lang)) && !notFound)
      .map(({ path }) => path);

    test(`every ${lang} page: offline reading's line and script add at most ${budgets.offlineReading.limitBytes} B`, async () => {
      const withoutOffline = await scriptsWithOffline();
      const costs = new Map<string, number>();
      for (const page of languagePages) {
        const html = await readFile(path.join(distDir, page.slice(1), 'index.html'), 'utf8');
        costs.set(page, offlineCostOfPage(html, withoutOffline));
      }
      const breaches = [...costs].map(([page, bytes]) => checkBudget('offlineReading', page, bytes));
      expect(breaches.filter((breach) => breach !== undefined).map(describeBreach)).toEqual([]);
    });

    test(`the ${lang} offline copy is under ${budgets.offlineLanguage.limitBytes + 1} B`, async () => {
      const breach = checkBudget('offlineLanguage', `${lang} offline copy`, (await offlineSizes(distDir))[lang]);
      expect(breach && describeBreach(breach)).toBeUndefined();
    });
  }
});
