import { expect, test } from '@playwright/test';
import { paths } from '../../src/lib/routes';
import { localeCodes } from '../../src/i18n/locales';
import { sitePages } from './site';

/** Search pages change with JavaScript by design: search.spec.ts covers them. */
const searchPaths = new Set(localeCodes.map(paths.search));

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const { path } of sitePages.filter((page) => !searchPaths.has(page.path))) {
    test(`${path} reads the same`, async ({ page, browser }) => {
      await page.goto(path);
      const withoutScript = await page.locator('body').innerText();
      // The line saying a language is saved offline is the one thing scripts add by design: offline.spec.ts covers it.
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const scripted = await context.newPage();
      await scripted.goto(page.url());
      expect(withoutScript.length).toBeGreaterThan(100);
      expect(withoutScript).toBe(await scripted.locator('body').innerText());
      await context.close();
    });
  }
});
