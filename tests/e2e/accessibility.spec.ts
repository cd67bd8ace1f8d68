import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { localeCodes } from '../../src/i18n/locales';
import { paths } from '../../src/lib/routes';
import { sitePages } from './site';

const wcag22aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

for (const { path } of sitePages) {
  test(`${path}: axe finds no violation of WCAG 2.2 AA or best practice, in the light scheme and the dark`, async ({
    page,
  }) => {
    await page.goto(path);
    const light = await new AxeBuilder({ page }).withTags([...wcag22aa, 'best-practice']).analyze();
    // The stylesheet answers prefers-color-scheme at once, with no reload; in the dark only colours change.
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await new AxeBuilder({ page }).withRules(['color-contrast', 'link-in-text-block']).analyze();
    const found = [
      ...light.violations.map((found) => ['light', found] as const),
      ...dark.violations.map((found) => ['dark', found] as const),
    ];
    expect(
      found.map(
        ([scheme, { id, nodes }]) => `${scheme} ${id}: ${nodes.map((node) => node.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([]);
  });
}

test('axe, as configured, does report a contrast failure', async ({ page }) => {
  await page.goto(sitePages[0]?.path ?? '/');
  await page.evaluate(() => {
    const faint = document.createElement('p');
    faint.textContent = 'Faint text';
    Object.assign(faint.style, { color: '#eee', background: '#fff' });
    document.querySelector('main')?.append(faint);
  });
  const { violations } = await new AxeBuilder({ page }).withTags(wcag22aa).analyze();
  expect(violations.map(({ id }) => id)).toContain('color-contrast');
});

test.describe('keyboard', () => {
  test.use({ isMobile: false, hasTouch: false });

  // Focus styles are the site's, not a language's: every page of one language, and the pages of none.
  const [firstLanguage] = localeCodes;
  for (const { path } of sitePages.filter(
    ({ path }) =>
      !localeCodes.some((lang) => path.startsWith(paths.home(lang))) ||
      path.startsWith(paths.home(firstLanguage ?? 'be')),
  )) {
    test(`${path}: the first Tab shows the skip link, and every focused element has a visible outline`, async ({
      page,
    }) => {
      await page.goto(path);
      await page.keyboard.press('Tab');
      const skipLink = page.locator('a.skip-link');
      await expect(skipLink).toBeFocused();
      await expect(skipLink).toBeInViewport();
      // Hidden elements (the search page's hint and "more" button before a search) take no focus.
      const focusables = await page
        .locator('a[href], button, input, select, textarea, [tabindex="0"]')
        .filter({ visible: true })
        .count();
      for (let step = 0; step < Math.min(focusables, 25); step += 1) {
        const outline = await page.evaluate(() => {
          const focused = document.activeElement;
          if (!focused || focused === document.body) return 'nothing focused';
          const style = getComputedStyle(focused);
          return style.outlineStyle === 'none' || style.outlineWidth === '0px'
            ? `no outline on ${focused.outerHTML.slice(0, 80)}`
            : 'ok';
        });
        expect(outline).toBe('ok');
        await page.keyboard.press('Tab');
      }
    });
  }

  test('the skip link moves focus to the main content', async ({ page }) => {
    await page.goto('/en/');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });
});
