import { expect, test, type Page } from '@playwright/test';
import type { Locale } from '../../src/i18n/locales';
import { uiStrings } from '../../src/i18n/ui';
import { paths } from '../../src/lib/routes';
import { mirrorSettings } from './mirrors';
import { settled } from './search';

// A name found however a reader spells it, on a copy of the site under a path prefix, as a mirror serves it.

const mirror = mirrorSettings.find(({ prefix }) => prefix !== '/');
if (!mirror) throw new Error('tests/e2e/mirrors.ts serves no copy under a prefix');
const prefix = new URL(mirror.url).pathname;

/** An address on the copy: `/en/search/` → `http://…/mirror/en/search/`. */
const onCopy = (path: string) => new URL(path.slice(1), mirror.url).href;

const petition = 'petition-to-the-ilo';
const industriallLetter = 'industriall-letter-to-the-ilo';
const itucLetter = 'ituc-letter-to-the-ambassador';
const iloReport = 'ilo-urges-belarus';
const resolution = 'congress-resolution-on-belarus';

/**
 * Queries and the documents that name the person, read off the texts by hand: the petition, the ITUC letter
 * and the Congress resolution name Lukashenko (the resolution as "Lukashenka"); only the resolution names
 * Kalesnikawa; Pavarau is in the IndustriALL letter ("Pavarau") and the resolution ("Povarau").
 */
const cases: { lang: Locale; query: string; documents: string[] }[] = [
  // The reader field test's failures, word for word.
  { lang: 'en', query: 'Kolesnikova', documents: [resolution] },
  { lang: 'en', query: 'Povarov', documents: [industriallLetter, resolution] },
  { lang: 'en', query: 'Lukashenko', documents: [petition, itucLetter, resolution] },
  { lang: 'en', query: 'Lukashenka', documents: [petition, itucLetter, resolution] },
  { lang: 'be', query: 'Лукашенко', documents: [petition, itucLetter, resolution] },
  // Latin letters on the Belarusian and Russian pages: the national systems, BGN/PCGN, the press.
  { lang: 'be', query: 'Lukashenko', documents: [petition, itucLetter, resolution] },
  { lang: 'be', query: 'Lukašenka', documents: [petition, itucLetter, resolution] },
  { lang: 'be', query: 'Kolesnikova', documents: [resolution] },
  { lang: 'be', query: 'Kalesnikava', documents: [resolution] },
  { lang: 'be', query: 'Povarov', documents: [industriallLetter, resolution] },
  { lang: 'be', query: 'Babrou', documents: [industriallLetter, resolution] },
  { lang: 'be', query: 'Ozkan', documents: [iloReport] },
  { lang: 'ru', query: 'Lukashenka', documents: [petition, itucLetter, resolution] },
  { lang: 'ru', query: 'Kalesnikava', documents: [resolution] },
  { lang: 'ru', query: 'Pavarau', documents: [industriallLetter, resolution] },
  { lang: 'ru', query: 'Hovar', documents: [industriallLetter, resolution] },
  { lang: 'ru', query: 'Ryder', documents: [industriallLetter, petition] },
  // The other Cyrillic language.
  { lang: 'be', query: 'Колесникова', documents: [resolution] },
  { lang: 'be', query: 'Бобров', documents: [industriallLetter, resolution] },
  { lang: 'be', query: 'Поваров', documents: [industriallLetter, resolution] },
  { lang: 'ru', query: 'Лукашэнка', documents: [petition, itucLetter, resolution] },
  { lang: 'ru', query: 'Калеснікава', documents: [resolution] },
  { lang: 'ru', query: 'Павараў', documents: [industriallLetter, resolution] },
  // Cyrillic on the English page.
  { lang: 'en', query: 'Лукашенко', documents: [petition, itucLetter, resolution] },
  { lang: 'en', query: 'Калеснікава', documents: [resolution] },
  { lang: 'en', query: 'Бобров', documents: [industriallLetter, resolution] },
  // Press spellings that no system gives, and whole names.
  { lang: 'en', query: 'Maria Kolesnikova', documents: [resolution] },
  { lang: 'ru', query: 'Maria Kolesnikova', documents: [resolution] },
  { lang: 'be', query: 'Łukaszenka', documents: [petition, itucLetter, resolution] },
  { lang: 'en', query: 'Alexander Lukashenko', documents: [petition, itucLetter, resolution] },
  // Inflected forms, in the page's language and across.
  { lang: 'be', query: 'Лукашэнку', documents: [petition, itucLetter, resolution] },
  { lang: 'be', query: 'Калеснікавай', documents: [resolution] },
  { lang: 'ru', query: 'Колесниковой', documents: [resolution] },
  { lang: 'ru', query: 'Лукашэнкі', documents: [petition, itucLetter, resolution] },
  { lang: 'be', query: 'Поварову', documents: [industriallLetter, resolution] },
];

/** The documents a search on the copy lists, by slug, sorted; names-index entries are left out. */
async function documentsFound(page: Page, lang: Locale, query: string): Promise<string[]> {
  await page.goto(`${onCopy(paths.search(lang))}?q=${encodeURIComponent(query)}`);
  await settled(page);
  const links = await page
    .locator('[data-search-results] li > a')
    .evaluateAll((found) => found.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  const documentPath = new RegExp(`^${prefix}${lang}/([^/]+)/$`);
  return links
    .map((link) => documentPath.exec(link)?.[1])
    .filter((slug): slug is string => slug !== undefined && slug !== 'names')
    .sort();
}

test('there are at least 30 cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(30);
});

for (const { lang, query, documents } of cases) {
  test(`on the ${lang} page, «${query}» finds ${documents.join(', ')}`, async ({ page }) => {
    expect(await documentsFound(page, lang, query)).toEqual([...documents].sort());
  });
}

test('a name comes up as its names-index entry too, which lists every paragraph naming it', async ({ page }) => {
  for (const { lang, query, anchor, name, surname } of [
    {
      lang: 'en',
      query: 'Kolesnikova',
      anchor: 'maryja-kalesnikawa',
      name: 'Maryja Kalesnikawa',
      surname: 'Kalesnikawa',
    },
    {
      lang: 'be',
      query: 'Лукашенко',
      anchor: 'alexander-lukashenko',
      name: 'Аляксандр Лукашэнка',
      surname: 'Лукашэнка',
    },
    { lang: 'ru', query: 'Pavarau', anchor: 'ihar-pavarau', name: 'Игорь Поваров', surname: 'Поваров' },
  ] as const) {
    await page.goto(`${onCopy(paths.search(lang))}?q=${encodeURIComponent(query)}`);
    await settled(page);
    const entry = page.locator('[data-search-results] li').filter({ hasText: uiStrings[lang].names.title });
    await expect(entry).toHaveCount(1);
    await expect(entry.locator('a')).toHaveText(name);
    await entry.locator('a').click();
    await expect(page).toHaveURL(`${onCopy(paths.names(lang))}#${anchor}`);
    await expect(page.locator(`[id="${anchor}"]`)).toContainText(surname);
    await expect(page.locator(`[id="${anchor}"] a`).first()).toBeVisible();
  }
});

test('a result leads to the paragraph that matched, and says which', async ({ page }) => {
  await page.goto(`${onCopy(paths.search('en'))}?q=Naftan`);
  await settled(page);
  const link = page.locator('[data-search-results] li:has(.search-excerpt) > a').first();
  const href = (await link.getAttribute('href')) ?? '';
  const [, number] = /#p-(\d+)$/.exec(href) ?? [];
  expect(number, href).toBeDefined();
  await expect(link).toContainText(`¶\u00a0${number}`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${paths.document('en', iloReport)}#p-${number}$`));
  await expect(page.locator(':target')).toContainText('Naftan');
});

test('highlights hold the word without the punctuation beside it', async ({ page }) => {
  // The Belarusian and Russian reports end a sentence with «Капшуля.».
  for (const [lang, query] of [
    ['be', 'Капшуль'],
    ['ru', 'Капшуль'],
    ['en', 'strike'],
  ] as const) {
    await page.goto(`${onCopy(paths.search(lang))}?q=${encodeURIComponent(query)}`);
    await settled(page);
    const marks = await page.locator('[data-search-results] mark').allInnerTexts();
    expect(marks.length, query).toBeGreaterThan(0);
    expect(
      marks.filter((mark) => !/^[\p{L}\p{N}].*[\p{L}\p{N}]$|^[\p{L}\p{N}]$/su.test(mark)),
      query,
    ).toEqual([]);
  }
  const excerpt = page.locator('[data-search-results] .search-excerpt');
  await page.goto(`${onCopy(paths.search('be'))}?q=${encodeURIComponent('Капшуль')}`);
  await settled(page);
  await expect(excerpt.first()).toContainText('Капшуля.');
  await expect(excerpt.first().locator('mark')).toHaveText('Капшуля');
});

/** White space as the browser shows it, in one run: excerpts and paragraphs compared as text. */
const plain = (text: string) => text.replace(/\s+/g, ' ').trim();

test('each excerpt quotes its one paragraph, with "…" where it cuts it', async ({ page }) => {
  let cut = 0;
  for (const [lang, query] of [
    ['en', 'workers'],
    ['be', 'Лукашэнка'],
    ['ru', 'забастовка'],
    ['en', 'Lukashenko'],
  ] as const) {
    await page.goto(`${onCopy(paths.search(lang))}?q=${encodeURIComponent(query)}`);
    await settled(page);
    const results = page.locator('[data-search-results] li').filter({ has: page.locator('.search-excerpt') });
    const count = await results.count();
    expect(count, query).toBeGreaterThan(0);
    for (let index = 0; index < count; index += 1) {
      const href = (await results.nth(index).locator('a').getAttribute('href')) ?? '';
      const excerpt = plain(await results.nth(index).locator('.search-excerpt').innerText());
      const response = await page.request.get(new URL(href, page.url()).href);
      const id = new URL(href, page.url()).hash.slice(1);
      const html = await response.text();
      const paragraph = await page.evaluate(
        ([source, target]) =>
          new DOMParser().parseFromString(source, 'text/html').getElementById(target)?.textContent ?? '',
        [html, id] as const,
      );
      // The paragraph's text without its ¶ link.
      const text = plain(paragraph).replace(/^¶\s*\d+\s*/, '');
      const quoted = excerpt.replace(/^…/, '').replace(/…$/, '');
      expect(plain(text), `${query}: ${href}`).toContain(quoted);
      expect(excerpt.startsWith('…'), `${query}: ${href} starts "${excerpt}"`).toBe(!text.startsWith(quoted));
      expect(excerpt.endsWith('…'), `${query}: ${href} ends "${excerpt}"`).toBe(!text.endsWith(quoted));
      if (excerpt.includes('…')) cut += 1;
    }
  }
  expect(cut, 'some excerpt is cut').toBeGreaterThan(0);
});

test('results give the short date, and the list of every document is not repeated under them', async ({ page }) => {
  // The petition is undated: its page explains why it is dated after a day; its result says only "after …".
  await page.goto(`${onCopy(paths.search('en'))}?q=Bondarenko`);
  await settled(page);
  const result = page.locator('[data-search-results] li:has(.search-excerpt)').first();
  await expect(result.locator('.document-meta')).toHaveText(/^after \d+ \w+ \d{4} · /);
  await expect(page.locator('.all-documents')).toBeHidden();
  // With nothing found, the list is what the reader has left.
  await page.getByLabel(uiStrings.en.search.label).fill('zaaaaa');
  await page.getByLabel(uiStrings.en.search.label).press('Enter');
  await settled(page);
  await expect(page.locator('.all-documents')).toBeVisible();
});
