import { expect, test, type Page } from '@playwright/test';
import { localeCodes } from '../../src/i18n/locales';
import { searchQuery } from '../../pipeline/bench/page-cost';
import { uiStrings } from '../../src/i18n/ui';
import { paths } from '../../src/lib/routes';
import { searchUrl, settled } from './search';

// What the search page fetches, and when.
test.describe('fetching what search needs', () => {
  const engineRequests = (page: Page) => {
    const urls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/')) urls.push(request.url());
    });
    return urls;
  };

  test('a search page without a query fetches nothing of search until the box is focused', async ({ page }) => {
    const urls = engineRequests(page);
    await page.goto(paths.search('en'), { waitUntil: 'networkidle' });
    expect(urls).toEqual([]);
    await page.getByLabel(uiStrings.en.search.label).focus();
    await expect.poll(() => urls.length).toBeGreaterThan(0);
  });

  for (const pagePath of [paths.home('be'), paths.document('ru', 'petition-to-the-ilo'), `${paths.home('en')}?q=x`]) {
    test(`${pagePath} fetches nothing of search`, async ({ page }) => {
      const urls = engineRequests(page);
      await page.goto(pagePath, { waitUntil: 'networkidle' });
      await page.locator('body').focus();
      expect(urls).toEqual([]);
    });
  }

  for (const lang of localeCodes) {
    test(`in ${lang}, a page opened with a query asks for every file of the search at once, before the engine runs`, async ({
      page,
    }) => {
      await page.goto(searchUrl(lang, searchQuery(lang)));
      await settled(page);
      const { files, parsed } = await page.evaluate(() => ({
        files: performance
          .getEntriesByType('resource')
          .filter(({ name }) => name.includes('/pagefind/'))
          .map(({ name, startTime }) => ({ file: name.replace(/^.*\/pagefind\//, ''), startTime })),
        parsed: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domInteractive,
      }));
      // The engine, its entry, the language's metadata, WebAssembly, index and excerpts: each once, and each
      // asked for while the page was still being read, before any script of the engine ran.
      expect(files.map(({ file }) => file.replace(/[._][\da-f]{7,}/g, '').replace(/\?.*/, ''))).toEqual(
        expect.arrayContaining([
          'pagefind.js',
          'pagefind-entry.json',
          `pagefind.${lang}.pf_meta`,
          `index/${lang}.pf_index`,
        ]),
      );
      expect(files).toHaveLength(6);
      expect(files.filter(({ startTime }) => startTime >= parsed)).toEqual([]);
    });
  }
});
