import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { localeCodes, type Locale } from '../../src/i18n/locales';
import { uiStrings } from '../../src/i18n/ui';
import { paths } from '../../src/lib/routes';
import { mirrorSettings } from './mirrors';
import { slugs } from './site';

/** In each language, a word that only one document has, and that document. */
const distinctiveWords: Record<Locale, { query: string; slug: string }> = {
  be: { query: 'Нафтан', slug: 'ilo-urges-belarus' },
  ru: { query: 'Нафтан', slug: 'ilo-urges-belarus' },
  en: { query: 'Naftan', slug: 'ilo-urges-belarus' },
};

/** The addresses of every result, once the page has shown as many as its status line counts. */
async function resultLinks(page: Page): Promise<string[]> {
  const status = page.locator('[data-search-status]');
  await expect(status).toHaveText(/\d/);
  const count = Number(/\d+/.exec(await status.innerText())?.[0]);
  await expect(page.locator('[data-search-results] li')).toHaveCount(count);
  return page
    .locator('[data-search-results] li > a')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
}

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
}

test('a shared search link runs the search, and Back returns to the previous one', async ({ page }) => {
  await page.goto(`${paths.search('en')}?q=Naftan`);
  expect(await resultLinks(page)).toEqual([paths.document('en', 'ilo-urges-belarus')]);
  await page.getByLabel(uiStrings.en.search.label).fill('Belaruskali');
  await page.getByRole('button', { name: uiStrings.en.search.submit }).click();
  expect(await resultLinks(page)).toEqual([paths.document('en', 'ituc-letter-to-the-ambassador')]);
  await page.goBack();
  await expect(page.getByLabel(uiStrings.en.search.label)).toHaveValue('Naftan');
  expect(await resultLinks(page)).toEqual([paths.document('en', 'ilo-urges-belarus')]);
});

test('Russian word forms: the nominative finds a page where only another case occurs', async ({ page }) => {
  // The resolution names Мария Колесникова only in the accusative, «Колесникову».
  await page.goto(`${paths.search('ru')}?q=${encodeURIComponent('Колесникова')}`);
  expect(await resultLinks(page)).toContain(paths.document('ru', 'congress-resolution-on-belarus'));
  // No document has the nominative «забастовка»; every one has an inflected form.
  await page.goto(`${paths.search('ru')}?q=${encodeURIComponent('забастовка')}`);
  expect((await resultLinks(page)).length).toBeGreaterThanOrEqual(4);
});

test('English word forms: a singular finds the plural', async ({ page }) => {
  await page.goto(`${paths.search('en')}?q=sanction`);
  expect(await resultLinks(page)).toContain(paths.document('en', 'petition-to-the-ilo'));
});

test('nothing found says so in the page language, and leaves every document listed', async ({ page }) => {
  await page.goto(`${paths.search('be')}?q=qwertyuiop`);
  await expect(page.locator('[data-search-status]')).toHaveText(
    uiStrings.be.search.nothing.replace('{{query}}', 'qwertyuiop'),
  );
  await expect(page.locator('.document-list:not([data-search-results]) li')).toHaveCount(slugs.length);
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
    test(`the ${lang} search page says search needs JavaScript and lists every document`, async ({ page }) => {
      await page.goto(`${paths.search(lang)}?q=Naftan`);
      await expect(page.locator('[data-search-unavailable]')).toHaveText(uiStrings[lang].search.unavailable);
      await expect(page.locator('.document-list:not([data-search-results]) li a')).toHaveCount(slugs.length);
    });
  }
});

test('opened from a folder on disk, the search page says so and lists every document', async ({ page }) => {
  const file = pathToFileURL(path.resolve('dist', paths.search('ru').slice(1), 'index.html')).href;
  await page.goto(`${file}?q=Нафтан`);
  await expect(page.locator('[data-search-unavailable]')).toBeVisible();
  await expect(page.locator('[data-search-unavailable]')).toHaveText(uiStrings.ru.search.unavailable);
  await expect(page.locator('.document-list:not([data-search-results]) li a')).toHaveCount(slugs.length);
});

test('with JavaScript on a server, the notice is hidden once search is ready', async ({ page }) => {
  await page.goto(paths.search('en'));
  await expect(page.locator('[data-search-unavailable]')).toBeHidden();
});
