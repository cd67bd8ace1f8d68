import { expect, test } from '@playwright/test';
import { localeCodes, locales } from '../../src/i18n/locales';
import { uiStrings } from '../../src/i18n/ui';
import { paths } from '../../src/lib/routes';
import { siteUrl } from '../../src/lib/site-url';
import { mainSite } from './mirrors';
import { sitePages, slugs } from './site';

test.describe('every page', () => {
  for (const { path, lang, notFound } of sitePages) {
    const alternatesTitle = notFound
      ? ''
      : ', names every language and x-default at absolute addresses, and each exists';
    test(`${path} loads in ${lang} with title, description and landmarks${alternatesTitle}`, async ({
      page,
      request,
    }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page).toHaveTitle(/\S/);
      await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /\S.{30,}/);
      await expect(page.locator('main')).toHaveCount(1);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.locator('a.skip-link')).toHaveAttribute('href', '#content');
      const fitsThePhone = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      expect(fitsThePhone, 'no sideways scrolling on a 360 px screen').toBe(true);
      if (notFound) return;
      const alternates = page.locator('link[rel="alternate"][hreflang]');
      await expect(alternates).toHaveCount(localeCodes.length + 1);
      for (const hreflang of [...localeCodes, 'x-default']) {
        const href = String(await page.locator(`link[rel="alternate"][hreflang="${hreflang}"]`).getAttribute('href'));
        expect(href.startsWith(siteUrl.href), `${hreflang} alternate ${href} is absolute`).toBe(true);
        const target = new URL(href.slice(siteUrl.href.length), mainSite);
        expect((await request.get(target.href)).status(), target.pathname).toBe(200);
      }
    });
  }

  test('404 pages name no alternates and ask not to be indexed', async ({ page }) => {
    for (const { path } of sitePages.filter(({ notFound }) => notFound)) {
      await page.goto(path);
      await expect(page.locator('link[rel="alternate"][hreflang]')).toHaveCount(0);
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
    }
  });
});

test.describe('language switcher', () => {
  for (const slug of slugs) {
    for (const from of localeCodes) {
      test(`goes from ${from} to the same document in every other language: ${slug}`, async ({ page }) => {
        for (const to of localeCodes.filter((code) => code !== from)) {
          await page.goto(paths.document(from, slug));
          await page
            .getByRole('navigation', { name: uiStrings[from].nav.language })
            .getByRole('link', { name: locales[to].name })
            .click();
          await expect(page).toHaveURL(new RegExp(`${paths.document(to, slug)}$`));
          await expect(page.locator('html')).toHaveAttribute('lang', to);
        }
      });
    }
  }

  test('marks the current language', async ({ page }) => {
    await page.goto(paths.home('be'));
    await expect(page.locator('.language-switcher [aria-current="page"]')).toHaveText(locales.be.name);
  });
});

test.describe('translations', () => {
  for (const slug of slugs) {
    for (const lang of localeCodes.filter((code) => code !== 'en')) {
      test(`${lang}/${slug} says it is a translation and links to the original`, async ({ page }) => {
        await page.goto(paths.document(lang, slug));
        const notice = page.locator('.translation-notice');
        await expect(notice).toContainText(uiStrings[lang].translation.notice.replace(/\{\{.*$/, '').trim());
        await notice.getByRole('link', { name: uiStrings[lang].translation.readOriginal }).click();
        await expect(page).toHaveURL(new RegExp(`${paths.document('en', slug)}$`));
        await expect(page.locator('.translation-notice')).toHaveCount(0);
      });
    }
  }
});

test('the language chooser offers every language with the site title and description in it, none as current', async ({
  page,
}) => {
  await page.goto(paths.languageChooser());
  await expect(page.locator('[aria-current]')).toHaveCount(0);
  await expect(page.locator('.language-switcher')).toHaveCount(0);
  for (const lang of localeCodes) {
    const choice = page.locator(`.language-chooser li[lang="${lang}"]`);
    await expect(choice).toContainText(locales[lang].name);
    await expect(choice).toContainText(uiStrings[lang].site.title);
    await expect(choice).toContainText(uiStrings[lang].site.description);
    await expect(page.locator('h1')).toContainText(uiStrings[lang].nav.chooseLanguage);
    await expect(page).toHaveTitle(new RegExp(uiStrings[lang].site.shortTitle));
  }
  await page.locator('.language-chooser li[lang="ru"] a').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
});

test('home pages list every document with its date and author', async ({ page }) => {
  for (const lang of localeCodes) {
    await page.goto(paths.home(lang));
    const items = page.locator('.document-list > li');
    await expect(items).toHaveCount(slugs.length);
    await expect(items.locator('time')).toHaveCount(slugs.length);
  }
});
