import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { localeCodes, locales } from '../../src/i18n/locales';
import { uiStrings } from '../../src/i18n/ui';
import { paths } from '../../src/lib/routes';
import { addressOn, crawl } from './crawl';
import { mirrorSettings } from './mirrors';
import { slugs } from './site';

const distRoot = pathToFileURL(`${path.resolve('dist')}/`).href;

/**
 * The copies where relative links are hardest to get right: deep under a prefix (where a link that climbs too far
 * leaves the copy, though at a host's root it would land back on it) and on disk (no server adds index.html).
 * security.spec.ts opens every page at the root.
 */
const locations = [
  ...mirrorSettings.filter(({ prefix }) => prefix.split('/').length > 3).map(({ name, url }) => ({ name, root: url })),
  { name: 'a folder on disk', root: distRoot },
];

for (const { name, root } of locations) {
  test.describe(`served as ${name}`, () => {
    test('every page and asset reachable from the start loads, styled', async ({ page }) => {
      test.setTimeout(120_000);
      const { visited, broken } = await crawl(page, root);
      expect(broken).toEqual([]);
      expect(visited.length).toBeGreaterThanOrEqual(1 + localeCodes.length * (1 + slugs.length));
    });

    test('the language switcher goes to the same document in each language', async ({ page }) => {
      const [slug = ''] = slugs;
      for (const from of localeCodes) {
        for (const to of localeCodes.filter((code) => code !== from)) {
          await page.goto(addressOn(root, paths.document(from, slug)));
          await page
            .getByRole('navigation', { name: uiStrings[from].nav.language })
            .getByRole('link', { name: locales[to].name })
            .click();
          await expect(page.locator('html')).toHaveAttribute('lang', to);
          expect(page.url()).toBe(addressOn(root, paths.document(to, slug)));
        }
      }
    });
  });
}
