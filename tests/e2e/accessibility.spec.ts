import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';
import { localeCodes } from '../../src/i18n/locales';
import { paths } from '../../src/lib/routes';
import { languageFolderOf, sitePages, slugs } from './site';

const wcag22aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page, loading it once however many runs follow. (Evaluated, as a tool does, so the
 * page's Content-Security-Policy, which admits only the site's own scripts, does not apply to it.)
 */
async function axe(page: Page, options: RunOptions): Promise<AxeResults> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(
    (runOptions) => (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, runOptions),
    options,
  );
}

/**
 * Every template and every document, in one language, and the pages of none: the languages share every
 * component and the structure of every text (content-parity.test.ts), and what differs by language (lang
 * attributes, titles, ids, headings) is checked on every page by pages.spec.ts and html-validate. A side-by-side
 * page holds the same paragraphs as the two documents it pairs: one stands for the template.
 */
const [firstLanguage = 'be'] = localeCodes;
const [firstSlug = ''] = slugs;
const pagesToAudit = sitePages.filter(
  ({ path }) =>
    [undefined, firstLanguage].includes(languageFolderOf(path)) &&
    (!path.endsWith('/side-by-side/') || path === paths.sideBySide(firstLanguage, firstSlug)),
);
/**
 * Focus styles are the site's, whatever the text: each kind of control once. Pages of links alone (the
 * introduction, timeline, names, about) focus as the home page does.
 */
const pagesToTab = pagesToAudit.filter(
  ({ path, slug }) =>
    languageFolderOf(path) === undefined ||
    slug === firstSlug ||
    [paths.home, paths.search, paths.downloads, paths.mirrors].some((page) => page(firstLanguage) === path),
);

for (const { path } of pagesToAudit) {
  test(`${path}: axe finds no violation of WCAG 2.2 AA or best practice, in the light scheme and the dark`, async ({
    page,
  }) => {
    await page.goto(path);
    const light = await axe(page, { runOnly: { type: 'tag', values: [...wcag22aa, 'best-practice'] } });
    // The stylesheet answers prefers-color-scheme at once, with no reload; in the dark only colours change.
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await axe(page, { runOnly: { type: 'rule', values: ['color-contrast', 'link-in-text-block'] } });
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
  const { violations } = await axe(page, { runOnly: { type: 'tag', values: wcag22aa } });
  expect(violations.map(({ id }) => id)).toContain('color-contrast');
});

test.describe('keyboard', () => {
  test.use({ isMobile: false, hasTouch: false });

  for (const { path } of pagesToTab) {
    test(`${path}: the first Tab shows the skip link, and every focused element has a visible outline`, async ({
      page,
    }) => {
      await page.goto(path);
      await page.keyboard.press('Tab');
      const skipLink = page.locator('a.skip-link');
      await expect(skipLink).toBeFocused();
      await expect(skipLink).toBeInViewport();
      // Each element the keyboard reaches notes, as it takes focus, whether it shows an outline.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { focusOutlines: string[] }).focusOutlines = seen;
        const note = (element: Element | null) => {
          if (!element || element === document.body) return seen.push('nothing focused');
          const style = getComputedStyle(element);
          return seen.push(
            style.outlineStyle === 'none' || style.outlineWidth === '0px'
              ? `no outline on ${element.outerHTML.slice(0, 80)}`
              : 'ok',
          );
        };
        note(document.activeElement);
        document.addEventListener('focusin', (event) => note(event.target as Element));
      });
      // Hidden elements (the search page's hint and "more" button before a search) take no focus.
      const focusables = await page
        .locator('a[href], button, input, select, textarea, [tabindex="0"]')
        .filter({ visible: true })
        .count();
      const steps = Math.min(focusables, 25);
      for (let step = 1; step < steps; step += 1) await page.keyboard.press('Tab');
      const outlines = await page.evaluate(() => (window as unknown as { focusOutlines: string[] }).focusOutlines);
      expect(outlines).toHaveLength(steps);
      expect(outlines.filter((outline) => outline !== 'ok')).toEqual([]);
    });
  }

  test('the skip link moves focus to the main content', async ({ page }) => {
    await page.goto('/en/');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });
});
