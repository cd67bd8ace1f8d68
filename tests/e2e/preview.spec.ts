/**
 * A build not made as a release (the one the browser tests serve: `npm run build`, with the placeholder identity)
 * says on its mirrors and downloads pages, in every language, that it is a preview not to be mirrored, and its
 * mirrors page names no placeholder address to report a mirror to. Read as a reader on a phone without
 * JavaScript reads it.
 */
import { expect, test } from '@playwright/test';
import { localeCodes } from '../../src/i18n/locales';
import { uiStrings } from '../../src/i18n/ui';
import { configuredIdentity } from '../../src/lib/identity';
import { paths } from '../../src/lib/routes';
import { mainSite } from './mirrors';

test.use({ javaScriptEnabled: false });

for (const lang of localeCodes) {
  const strings = uiStrings[lang].mirrors;

  for (const page of ['mirrors', 'downloads'] as const) {
    test(`the ${lang} ${page} page says, below its heading, that this build is a preview`, async ({ page: tab }) => {
      await tab.goto(new URL(paths[page](lang).slice(1), mainSite).href);
      const notice = tab.getByRole('note').filter({ hasText: strings.preview });
      await expect(notice).toBeVisible();
      // Right below the title, where a volunteer reads before any command.
      expect(await tab.locator('h1 + p').getAttribute('class')).toBe('preview-notice');
    });
  }

  test(`the ${lang} mirrors page names no placeholder address to report a mirror to`, async ({ page: tab }) => {
    await tab.goto(new URL(paths.mirrors(lang).slice(1), mainSite).href);
    const hrefs = await tab
      .locator('a[href]')
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
    const { repositoryUrl, contactEmail } = configuredIdentity;
    expect(hrefs.filter((href) => href.startsWith(repositoryUrl) || href.includes(contactEmail))).toEqual([]);
    await expect(tab.locator('main')).not.toContainText(contactEmail);
    await expect(tab.locator('main')).not.toContainText(repositoryUrl);
    // Where step 6 names them, it says there is none yet.
    await expect(tab.getByText(strings.previewNoAddress, { exact: true })).toHaveCount(2);
  });
}
