import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { parse } from 'node-html-parser';
import { withBlockStarts } from '../../pipeline/search-index/search-index';
import { localeCodes, locales } from '../../src/i18n/locales';
import { uiStrings } from '../../src/i18n/ui';
import { paths } from '../../src/lib/routes';
import { mirrorSettings } from './mirrors';
import { slugs } from './site';
import { documentResults, resultLinks, searchUrl, settled } from './search';

// The search page as a reader uses it: links, the language switcher, no JavaScript, a folder on disk, the keyboard, many results.
test('a shared search link runs the search, and Back returns to the previous one', async ({ page }) => {
  await page.goto(searchUrl('en', 'Naftan'));
  expect(await resultLinks(page)).toEqual([paths.document('en', 'ilo-urges-belarus')]);
  await page.getByLabel(uiStrings.en.search.label).fill('Belaruskali');
  await page.getByRole('button', { name: uiStrings.en.search.submit }).click();
  expect(await resultLinks(page)).toEqual([paths.document('en', 'ituc-letter-to-the-ambassador')]);
  await page.goBack();
  await expect(page.getByLabel(uiStrings.en.search.label)).toHaveValue('Naftan');
  expect(await resultLinks(page)).toEqual([paths.document('en', 'ilo-urges-belarus')]);
});

test('the language switcher keeps the query, and the other language searches for it', async ({ page }) => {
  await page.goto(searchUrl('be', 'Нафтан'));
  await settled(page);
  const russian = page.locator('.language-switcher').getByRole('link', { name: locales.ru.name });
  await expect(russian).toHaveAttribute('href', new RegExp(`\\?q=${encodeURIComponent('Нафтан')}$`));
  // A new search carries the new query.
  await page.getByLabel(uiStrings.be.search.label).fill('Міхневіч');
  await page.getByLabel(uiStrings.be.search.label).press('Enter');
  await settled(page);
  await expect(russian).toHaveAttribute('href', new RegExp(`\\?q=${encodeURIComponent('Міхневіч')}$`));
  await russian.click();
  await expect(page.getByLabel(uiStrings.ru.search.label)).toHaveValue('Міхневіч');
  await settled(page);
});

test("a query with replacement patterns ($&, $`, $') is shown as typed", async ({ page }) => {
  for (const query of ['$&', '$`x', "$'", '$$']) {
    await page.goto(searchUrl('en', query));
    expect(await settled(page)).toBe(`Nothing found for “${query}”.`);
  }
});

test('nothing found says so in the page language, and leaves every document listed', async ({ page }) => {
  await page.goto(searchUrl('be', 'qwertyuiop'));
  expect(await settled(page)).toBe(uiStrings.be.search.nothing.replace('{{query}}', 'qwertyuiop'));
  await expect(page.locator('.all-documents li')).toHaveCount(slugs.length);
});

const [, , deepMirror] = mirrorSettings;
test(`search works on a mirror under ${deepMirror?.prefix}`, async ({ page }) => {
  const root = deepMirror?.url ?? '';
  await page.goto(new URL(`${paths.search('en').slice(1)}?q=Naftan`, root).href);
  await expect(page.locator(`${documentResults} a`).first()).toHaveAttribute('href', /ilo-urges-belarus\/#p-\d+$/);
  await page.locator(`${documentResults} a`).first().click();
  expect(page.url().startsWith(new URL(paths.document('en', 'ilo-urges-belarus').slice(1), root).href)).toBe(true);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const lang of localeCodes) {
    test(`the ${lang} search page hides the form, which could only reload the page, and leads to the names, the timeline and every document`, async ({
      page,
    }) => {
      const strings = uiStrings[lang];
      await page.goto(searchUrl(lang, 'Naftan'));
      const notice = page.locator('[data-search-unavailable]');
      await expect(notice).toBeVisible();
      await expect(notice.locator('p')).toHaveText([strings.search.unavailable, strings.search.findInPage]);
      await expect(page.locator('[data-search-form]')).toBeHidden();
      await expect(page.getByRole('searchbox')).toBeHidden();
      await expect(page.locator('.all-documents li a')).toHaveCount(slugs.length);
      const links = notice.getByRole('link');
      await expect(links).toHaveText([strings.nav.names, strings.nav.timeline, strings.nav.home]);
      await links.first().click();
      await expect(page).toHaveURL(new RegExp(`${paths.names(lang)}$`));
      await expect(page.locator('h1')).toHaveText(strings.names.title);
      await page.goBack();
      await links.nth(1).click();
      await expect(page.locator('h1')).toHaveText(strings.timeline.title);
    });
  }
});

test('opened from a folder on disk, the search page says so and lists every document', async ({ page }) => {
  const file = pathToFileURL(path.resolve('dist', paths.search('ru').slice(1), 'index.html')).href;
  await page.goto(`${file}?q=Нафтан`);
  await expect(page.locator('[data-search-unavailable]')).toBeVisible();
  await expect(page.locator('[data-search-unavailable] p').first()).toHaveText(uiStrings.ru.search.unavailable);
  await expect(page.locator('[data-search-form]')).toBeHidden();
  await expect(page.locator('.all-documents li a')).toHaveCount(slugs.length);
});

test('with JavaScript on a server, the notice never shows', async ({ page }) => {
  await page.goto(paths.search('en'));
  await expect(page.locator('[data-search-unavailable]')).toBeHidden();
  await expect(page.getByRole('searchbox')).toBeVisible();
});

test.describe('keyboard', () => {
  test.use({ isMobile: false, hasTouch: false });

  test('a reader can search and open a result with the keyboard alone', async ({ page }) => {
    await page.goto(paths.search('en'));
    const input = page.getByLabel(uiStrings.en.search.label);
    for (let presses = 0; presses < 20 && !(await input.evaluate((box) => box === document.activeElement)); presses++) {
      await page.keyboard.press('Tab');
    }
    await expect(input).toBeFocused();
    await page.keyboard.type('Naftan');
    await page.keyboard.press('Enter');
    await settled(page);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: uiStrings.en.search.submit })).toBeFocused();
    // Naftan is in the names index too: its entry comes first, then the document.
    await page.keyboard.press('Tab');
    await expect(page.locator('[data-search-results] li > a').first()).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.locator(`${documentResults} > a`).first()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${paths.document('en', 'ilo-urges-belarus')}#p-\\d+$`));
  });
});

test.describe('many results', () => {
  // Service workers stay blocked (playwright.config.ts): the offline worker would fetch the index itself, where
  // page.route cannot answer for it.
  test.use({ isMobile: false, hasTouch: false });

  /** Twelve English pages that all mention a strike, indexed by Pagefind as the build would, one excerpt file each. */
  async function manyResultsIndex(): Promise<Map<string, Uint8Array>> {
    const pagefind = await import('pagefind');
    const { index } = await pagefind.createIndex({});
    if (!index) throw new Error('Pagefind could not start');
    try {
      for (let number = 1; number <= 12; number += 1) {
        await index.addCustomRecord({
          url: `/en/report-${number}/`,
          content: `Report ${number}. The workers of plant ${number} went on strike for their union.`,
          language: 'en',
          meta: { title: `Report ${number}` },
        });
      }
      const { files } = await index.getFiles();
      // The build keeps, in each excerpt file, where each paragraph starts instead of Pagefind's anchors.
      const asBuilt = (file: string, content: Uint8Array) =>
        file.endsWith('.pf_fragment') ? gzipSync(withBlockStarts(gunzipSync(content))) : content;
      return new Map(files.map(({ path: file, content }) => [file.replace(/^\/+/, ''), asBuilt(file, content)]));
    } finally {
      await pagefind.close();
    }
  }

  test('at most five show at first, loaded at once; “more” shows five more with the keyboard, and takes the focus', async ({
    page,
  }) => {
    const files = await manyResultsIndex();
    expect([...files.keys()].filter((file) => file.startsWith('fragment/'))).toHaveLength(12);
    const excerptRequests: string[] = [];
    await page.route('**/pagefind/**', async (route) => {
      const file = new URL(route.request().url()).pathname.replace(/^.*\/pagefind\//, '');
      const body = files.get(file);
      if (file.startsWith('fragment/')) excerptRequests.push(file);
      const contentType = file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream';
      if (body) await route.fulfill({ body: Buffer.from(body), contentType });
      else await route.fulfill({ status: 404 });
    });
    await page.goto(searchUrl('en', 'strike'));
    expect(await settled(page)).toBe(uiStrings.en.search.found.replace('{{count}}', '12'));
    const results = page.locator('[data-search-results] li');
    await expect(results).toHaveCount(5);
    expect(excerptRequests.filter((file) => files.has(file))).toHaveLength(5);
    const more = page.getByRole('button', { name: uiStrings.en.search.more });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(results).toHaveCount(10);
    await expect(results.nth(5).locator('a')).toBeFocused();
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(results).toHaveCount(12);
    await expect(more).toBeHidden();
    const titles = await page.locator('[data-search-results] li > a').allInnerTexts();
    expect(new Set(titles).size).toBe(12);
  });
});

test('under npm run dev, the search page says that search needs a build', async () => {
  test.setTimeout(180_000);
  const { spawn } = await import('node:child_process');
  const { freePorts } = await import('../support/free-ports');
  const [port] = freePorts(1);
  const dev = spawn('npx', ['astro', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    detached: true,
    stdio: 'ignore',
  });
  try {
    const url = `http://127.0.0.1:${port}${paths.search('en')}`;
    let html = '';
    await expect
      .poll(
        async () => {
          html = await fetch(url)
            .then((response) => (response.ok ? response.text() : ''))
            .catch(() => '');
          return html !== '';
        },
        { timeout: 150_000 },
      )
      .toBe(true);
    const document = parse(html);
    expect(document.querySelector('[data-search-unavailable] p')?.textContent.trim()).toBe(
      uiStrings.en.search.needsBuild,
    );
    expect(document.querySelector('script[data-search-preload]')).toBeNull();
  } finally {
    if (dev.pid) process.kill(-dev.pid);
  }
});
