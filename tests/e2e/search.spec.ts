import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'node-html-parser';
import { localeCodes, locales, type Locale } from '../../src/i18n/locales';
import { searchQueries } from '../../pipeline/bench/page-cost';
import { uiStrings } from '../../src/i18n/ui';
import { paths } from '../../src/lib/routes';
import { hasEveryQueryWord, queryWords, searchForm } from '../../src/lib/word-stems';
import { paradigms } from '../support/word-forms';
import { mirrorSettings } from './mirrors';
import { slugs } from './site';
import { contrast } from '../support/contrast';

/** In each language, a word that only one document has, and that document. */
const distinctiveWords: Record<Locale, { query: string; slug: string }> = {
  be: { query: 'Нафтан', slug: 'ilo-urges-belarus' },
  ru: { query: 'Нафтан', slug: 'ilo-urges-belarus' },
  en: { query: 'Naftan', slug: 'ilo-urges-belarus' },
};

/** Words that no document has in any form, though each starts with a word that many have («за», "for"). */
const absentWords: Record<Locale, string[]> = {
  be: ['забастоўка', 'зааааа', 'землятрус', 'петыцыя зааааа'],
  ru: ['зааааа', 'землетрясение', 'петиция зааааа'],
  en: ['forestry', 'zaaaaa', 'strikebreakers', 'petition zaaaaa'],
};

/** Queries whose results must each have a form of every query word: names, common words, two words. */
const queriesToCheck: Record<Locale, string[]> = {
  be: ['Беларусь', 'Лукашэнку', 'санкцыя', 'МАП', 'працоўных', 'петыцыя Лукашэнка', 'за свабоду'],
  ru: ['Беларусь', 'Лукашенко', 'санкция', 'МОТ', 'рабочие', 'петиция Лукашенко', 'за свободу'],
  en: ['Belarus', 'Lukashenko', 'sanction', 'ILO', 'workers', 'petition Lukashenko', 'for freedom'],
};

/** Waits until the search on the page has finished, and returns its status line. */
async function settled(page: Page): Promise<string> {
  // Generous waits: the engine compiles its WebAssembly, slowly on a busy machine. No test here measures time.
  const timeout = 30_000;
  await expect(page.locator('html')).not.toHaveClass(/search-pending/, { timeout });
  const status = page.locator('[data-search-status]');
  await expect(status).not.toHaveText('', { timeout });
  await expect(status).not.toHaveText(/…$/, { timeout });
  return status.innerText();
}

/** The paths of the results shown, once the search has finished. */
async function resultLinks(page: Page): Promise<string[]> {
  await settled(page);
  return page
    .locator('[data-search-results] li > a')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
}

const searchUrl = (lang: Locale, query: string) => `${paths.search(lang)}?q=${encodeURIComponent(query)}`;

/**
 * The words of a built page's document text, as a reader sees them. (Pagefind ends a heading or a block
 * that has no full stop with one: compare words by `searchForm`, which leaves out punctuation.)
 */
async function documentTextWords(page: Page, url: string): Promise<string[]> {
  const known = wordsOfDocument.get(url);
  if (known) return known;
  const html = await (await page.request.get(url)).text();
  const article = parse(html).querySelector('[data-pagefind-body]');
  if (!article) throw new Error(`${url} has no indexed text`);
  // Structured text breaks lines at <br> and between blocks, as a reader sees them.
  const words = queryWords(article.structuredText);
  wordsOfDocument.set(url, words);
  return words;
}

/** The words of each document a result leads to, read once per test worker: many queries find the same ones. */
const wordsOfDocument = new Map<string, string[]>();

for (const lang of localeCodes) {
  test(`in ${lang}, a search finds the document with the word, and its link opens it`, async ({ page }) => {
    const { query, slug } = distinctiveWords[lang];
    await page.goto(paths.search(lang));
    await page.getByLabel(uiStrings[lang].search.label).fill(query);
    await page.getByRole('button', { name: uiStrings[lang].search.submit }).click();
    expect(await resultLinks(page)).toEqual([paths.document(lang, slug)]);
    await expect(page).toHaveURL(new RegExp(`\\?q=${encodeURIComponent(query)}$`));
    const result = page.locator('[data-search-results] li').first();
    await expect(result.locator('mark').first()).toContainText(query);
    await expect(result.locator('.document-meta')).toContainText(/\d{4}/);
    // The link carries a text fragment, which browsers follow by scrolling to the word and then hide from the address.
    await expect(result.locator('a')).toHaveAttribute('href', new RegExp(`#:~:text=${encodeURIComponent(query)}$`));
    await result.locator('a').click();
    await expect(page).toHaveURL(new RegExp(`${paths.document(lang, slug)}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
  });

  test(`in ${lang}, every form of a name or a noun finds its document first`, async ({ page }) => {
    const cases = paradigms[lang].filter(({ document }) => document !== undefined);
    expect(cases.length).toBeGreaterThanOrEqual(lang === 'be' ? 10 : 2);
    const misses: string[] = [];
    await page.goto(paths.search(lang));
    for (const { forms, document } of cases) {
      for (const form of forms) {
        await page.getByLabel(uiStrings[lang].search.label).fill(form);
        await page.getByLabel(uiStrings[lang].search.label).press('Enter');
        await expect(page).toHaveURL(new RegExp(`\\?q=${encodeURIComponent(form)}$`));
        const [first] = await resultLinks(page);
        if (first !== paths.document(lang, document ?? '')) misses.push(`${form} → ${first ?? 'nothing'}`);
      }
    }
    expect(misses).toEqual([]);
  });

  test(`in ${lang}, words that are in no document find nothing, and the page suggests what to try`, async ({
    page,
  }) => {
    for (const query of absentWords[lang]) {
      await page.goto(searchUrl(lang, query));
      expect(await settled(page), query).toBe(uiStrings[lang].search.nothing.replace('{{query}}', query));
      await expect(page.locator('[data-search-results] li')).toHaveCount(0);
      const hint = page.locator('[data-search-hint]');
      await expect(hint).toBeVisible();
      await expect(hint).toContainText(uiStrings[lang].search.hint);
      // The hint offers the same words in each other language.
      const others = localeCodes.filter((code) => code !== lang);
      for (const code of others) {
        await expect(hint.getByRole('link', { name: locales[code].name })).toHaveAttribute(
          'href',
          new RegExp(`${code}/search/\\?q=${encodeURIComponent(query)}$`),
        );
      }
      await expect(page.locator('.all-documents li')).toHaveCount(slugs.length);
    }
  });

  test(`in ${lang}, every result has a form of every query word, and its excerpt quotes its text`, async ({ page }) => {
    for (const query of queriesToCheck[lang]) {
      await page.goto(searchUrl(lang, query));
      const links = await resultLinks(page);
      expect(links.length, query).toBeGreaterThan(0);
      const excerpts = await page.locator('[data-search-results] .search-excerpt').allInnerTexts();
      for (const [index, link] of links.entries()) {
        const words = await documentTextWords(page, link);
        expect(hasEveryQueryWord(lang, query, words), `${query}: ${link}`).toBe(true);
        // Every word of the excerpt is a word of the document's text: none from its header, none glued together.
        const text = new Set(words.map(searchForm));
        const strays = queryWords(excerpts[index] ?? '').filter((word) => !text.has(searchForm(word)));
        expect(strays, `${query}: ${link}`).toEqual([]);
      }
    }
  });
}

test('the index holds each document’s text with its words apart, and nothing of its header', async ({ page }) => {
  const fragmentDir = path.resolve('dist', path.dirname(paths.searchEngine().slice(1)), 'fragment');
  const files = await readdir(fragmentDir);
  expect(files.length).toBeGreaterThan(0);
  let checked = 0;
  for (const file of files) {
    const data = gunzipSync(await readFile(path.join(fragmentDir, file)));
    const json = JSON.parse(data.subarray('pagefind_dcd'.length).toString('utf8')) as unknown;
    // A file holds one page's record, or (for a small site) every page of a language by id.
    const records = ('url' in (json as object) ? [json] : Object.values(json as Record<string, unknown>)) as {
      url: string;
      content: string;
    }[];
    for (const { url, content } of records) {
      const words = new Set((await documentTextWords(page, url)).map(searchForm));
      expect(
        queryWords(content).filter((word) => !words.has(searchForm(word))),
        url,
      ).toEqual([]);
      checked += 1;
    }
  }
  expect(checked).toBe(slugs.length * localeCodes.length);
});

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
  await expect(page.locator('[data-search-results] li a').first()).toHaveAttribute(
    'href',
    /ilo-urges-belarus\/#:~:text=Naftan$/,
  );
  await page.locator('[data-search-results] li a').first().click();
  expect(page.url().startsWith(new URL(paths.document('en', 'ilo-urges-belarus').slice(1), root).href)).toBe(true);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const lang of localeCodes) {
    test(`the ${lang} search page says, before the form, that search needs JavaScript, and lists every document`, async ({
      page,
    }) => {
      await page.goto(searchUrl(lang, 'Naftan'));
      const notice = page.locator('[data-search-unavailable]');
      await expect(notice).toBeVisible();
      await expect(notice).toHaveText(uiStrings[lang].search.unavailable);
      const noticeBox = await notice.boundingBox();
      const formBox = await page.locator('[data-search-form]').boundingBox();
      expect(noticeBox && formBox && noticeBox.y + noticeBox.height <= formBox.y).toBe(true);
      await expect(page.locator('.all-documents li a')).toHaveCount(slugs.length);
    });
  }
});

test('opened from a folder on disk, the search page says so and lists every document', async ({ page }) => {
  const file = pathToFileURL(path.resolve('dist', paths.search('ru').slice(1), 'index.html')).href;
  await page.goto(`${file}?q=Нафтан`);
  await expect(page.locator('[data-search-unavailable]')).toBeVisible();
  await expect(page.locator('[data-search-unavailable]')).toHaveText(uiStrings.ru.search.unavailable);
  await expect(page.locator('.all-documents li a')).toHaveCount(slugs.length);
});

test('with JavaScript on a server, the notice never shows', async ({ page }) => {
  await page.goto(paths.search('en'));
  await expect(page.locator('[data-search-unavailable]')).toBeHidden();
});

test.describe('the results page does not move', () => {
  type ShiftRecord = { observer: PerformanceObserver; sum: number };
  /**
   * From the page's first moment, keeps a PerformanceObserver of its layout shifts and their sum. Every shift
   * counts, `hadRecentInput` or not: these tests give the page no input, but under a phone's emulation Chromium
   * counts its own set-up of the viewport, 100–300 ms after navigation, as input, and flags every shift of the
   * next 500 ms as recent input — just when the results are drawn. CLS leaves those out; here they would hide the
   * very shift a test looks for. The observer is kept, so a reading can take what it has not yet delivered.
   */
  const recordLayoutShift = () => {
    const record = { observer: new PerformanceObserver((list) => add(list.getEntries())), sum: 0 };
    const add = (entries: PerformanceEntryList) => {
      for (const entry of entries as (PerformanceEntry & { value: number })[]) record.sum += entry.value;
    };
    (window as unknown as { layoutShift: ShiftRecord }).layoutShift = record;
    record.observer.observe({ type: 'layout-shift', buffered: true });
  };
  /**
   * The sum of the page's layout shifts so far. The browser measures a shift when it next renders and hands the
   * entry to the observer in a later task, so: two frames, then whatever the observer holds undelivered.
   */
  const layoutShift = (page: Page) =>
    page.evaluate(async () => {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const record = (window as unknown as { layoutShift: ShiftRecord }).layoutShift;
      for (const entry of record.observer.takeRecords() as (PerformanceEntry & { value: number })[]) {
        record.sum += entry.value;
      }
      return record.sum;
    });
  /** A search opened by its address, as a shared link opens it, and the layout shift until it has settled. */
  const shiftOfSearch = async (page: Page, lang: Locale, query: string) => {
    await page.goto(searchUrl(lang, query));
    await settled(page);
    return layoutShift(page);
  };

  for (const lang of localeCodes) {
    const queries = [searchQueries[lang], absentWords[lang][0] ?? ''];
    test(`${lang}: opening a search for ${queries.map((query) => `“${query}”`).join(' or ')} shifts the layout by at most 0.02`, async ({
      page,
    }) => {
      await page.addInitScript(recordLayoutShift);
      for (const query of queries) expect(await shiftOfSearch(page, lang, query), query).toBeLessThanOrEqual(0.02);
    });
  }

  test('the measurement sees a shift made as the results are drawn', async ({ page }) => {
    await page.addInitScript(recordLayoutShift);
    // A regression of the kind the tests above guard against: a banner pushed in when the results arrive.
    await page.addInitScript(() => {
      const pushBannerIn = new MutationObserver(() => {
        pushBannerIn.disconnect();
        const banner = Object.assign(document.createElement('p'), { textContent: 'A late banner' });
        Object.assign(banner.style, { height: '200px', margin: '0' });
        document.querySelector('main')?.prepend(banner);
      });
      addEventListener('DOMContentLoaded', () => {
        const results = document.querySelector('[data-search-results]');
        if (results) pushBannerIn.observe(results, { childList: true });
      });
    });
    expect(await shiftOfSearch(page, 'en', 'Naftan')).toBeGreaterThan(0.02);
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`${colorScheme}: a match is bold, in a box at least 3:1 against the page, with text 4.5:1 against the box`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(searchUrl('en', 'Naftan'));
    await settled(page);
    const colours = await page
      .locator('[data-search-results] mark')
      .first()
      .evaluate((mark) => {
        const style = getComputedStyle(mark);
        return {
          box: style.backgroundColor,
          text: style.color,
          weight: Number(style.fontWeight),
          page: getComputedStyle(document.documentElement).backgroundColor,
        };
      });
    expect(contrast(colours.box, colours.page)).toBeGreaterThanOrEqual(3);
    expect(contrast(colours.text, colours.box)).toBeGreaterThanOrEqual(4.5);
    expect(colours.weight).toBeGreaterThanOrEqual(700);
  });
}

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
    await page.keyboard.press('Tab');
    await expect(page.locator('[data-search-results] li > a').first()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${paths.document('en', 'ilo-urges-belarus')}$`));
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
      return new Map(files.map(({ path: file, content }) => [file.replace(/^\/+/, ''), content]));
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
      await page.goto(searchUrl(lang, searchQueries[lang]));
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
    expect(document.querySelector('[data-search-unavailable]')?.textContent.trim()).toBe(
      uiStrings.en.search.needsBuild,
    );
    expect(document.querySelector('script[data-search-preload]')).toBeNull();
  } finally {
    if (dev.pid) process.kill(-dev.pid);
  }
});
