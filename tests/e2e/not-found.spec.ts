import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { localeCodes, locales, type Locale } from '../../src/i18n/locales';
import { uiStrings } from '../../src/i18n/ui';
import { mirrors } from '../../src/lib/mirrors';
import { paths } from '../../src/lib/routes';
import { siteUrl } from '../../src/lib/site-url';
import { mainSite, mirrorSettings } from './mirrors';

/** Deep below the site: no relative link written for the root could reach the copy from here. */
const deepPath = 'be/no/such/page/here/';

/** What a host that serves the nearest 404 page would answer under `/be/`: the Belarusian one. */
async function serveNearestNotFound(page: Page, address: string, lang: Locale): Promise<void> {
  await page.route(address, (route) =>
    route.fulfill({
      status: 404,
      contentType: 'text/html; charset=utf-8',
      body: readFileSync(`dist${paths.notFound(lang)}`),
    }),
  );
}

const hrefs = (page: Page) =>
  page.locator('a[href]').evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));

const languagesOf404 = [
  { name: 'the page in every language', lang: undefined },
  ...localeCodes.map((lang) => ({ name: `the ${lang} page`, lang })),
];

for (const { name, url, prefix } of mirrorSettings) {
  test.describe(`404 on ${name}`, () => {
    for (const { name: which, lang } of languagesOf404) {
      // Without JavaScript the links are the site's own addresses wherever the page is served: checked at the root.
      if (prefix === '/')
        test(`${which}, deep below the site without JavaScript: every link is an absolute address that exists`, async ({
          browser,
        }) => {
          const context = await browser.newContext({ javaScriptEnabled: false });
          const page = await context.newPage();
          const address = new URL(lang ? deepPath.replace('be/', `${lang}/`) : deepPath, url).href;
          if (lang) await serveNearestNotFound(page, address, lang);
          const response = await page.goto(address);
          expect(response?.status()).toBe(404);
          expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth)).not.toBe('none');
          const links = await hrefs(page);
          expect(links.length).toBeGreaterThan(10);
          const mirrorAddresses = mirrors.map((mirror) => mirror.url);
          for (const link of links) {
            if (link.endsWith('#content')) continue;
            if (mirrorAddresses.some((mirror) => link.startsWith(mirror))) continue;
            expect(link.startsWith(siteUrl.href), `${link} is the site's own address`).toBe(true);
            // The same path on the copy the test serves answers, so the link leads to a page of the site.
            const onCopy = new URL(link.slice(siteUrl.href.length), url).href;
            expect((await page.request.get(onCopy)).status(), onCopy).toBe(200);
          }
          await context.close();
        });

      // With JavaScript the page finds the copy it is on: at a host's root, and deep under a prefix.
      if (prefix === '/' || prefix.split('/').length > 3)
        test(`${which}, deep below the site with JavaScript: links lead into this copy`, async ({ page }) => {
          const address = new URL(lang ? deepPath.replace('be/', `${lang}/`) : deepPath, url).href;
          if (lang) await serveNearestNotFound(page, address, lang);
          await page.goto(address);
          const target = lang ?? 'ru';
          const scope = lang ? page.locator('main') : page.locator(`section[lang="${target}"]`);
          const home = scope.getByRole('link', { name: uiStrings[target].nav.home, exact: true });
          await expect(home).toHaveAttribute('href', new URL(paths.home(target).slice(1), url).href);
          // The address of the site itself is listed as it is.
          await expect(scope.locator('.site-addresses a').first()).toHaveAttribute('href', siteUrl.href);
          await home.click();
          await expect(page.locator('html')).toHaveAttribute('lang', target);
        });
    }
  });
}

for (const lang of localeCodes) {
  test(`the ${lang} 404 page speaks ${lang}, with a language switcher to the others`, async ({ page }) => {
    await page.goto(paths.notFound(lang));
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('h1')).toHaveText(uiStrings[lang].notFound.title);
    await expect(page.locator('main')).toContainText(uiStrings[lang].notFound.text);
    const switcher = page.getByRole('navigation', { name: uiStrings[lang].nav.language });
    for (const code of localeCodes) {
      // On the copy the reader is on, as the script points the site's links there.
      await expect(switcher.getByRole('link', { name: locales[code].name })).toHaveAttribute(
        'href',
        new URL(paths.notFound(code).slice(1), mainSite).href,
      );
    }
    await expect(switcher.locator('[aria-current="page"]')).toHaveText(locales[lang].name);
  });
}

test('the 404 page in every language marks no language as current and helps in each', async ({ page }) => {
  const response = await page.goto('/be/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('[aria-current]')).toHaveCount(0);
  for (const lang of localeCodes) {
    const section = page.locator(`section[lang="${lang}"]`);
    await expect(section).toContainText(uiStrings[lang].notFound.text);
    await expect(section.locator('.document-list > li')).toHaveCount(5);
    await expect(section).toContainText(uiStrings[lang].notFound.addresses);
  }
});
