import { expect, test } from '@playwright/test';
import { sitePages } from './site';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const { path } of sitePages) {
    test(`${path} reads the same`, async ({ page, browser }) => {
      await page.goto(path);
      const withoutScript = await page.locator('body').innerText();
      const context = await browser.newContext();
      const scripted = await context.newPage();
      await scripted.goto(page.url());
      expect(withoutScript.length).toBeGreaterThan(100);
      expect(withoutScript).toBe(await scripted.locator('body').innerText());
      await context.close();
    });
  }
});
