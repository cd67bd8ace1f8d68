import { expect, test, type Page } from '@playwright/test';
import { localeCodes, type Locale } from '../../src/i18n/locales';
import { searchQuery } from '../../pipeline/bench/page-cost';
import { contrast } from '../support/contrast';
import { absentWords, searchUrl, settled } from './search';

// The results page does not move as results arrive, and a match stands out in light and dark.
test.describe('the results page does not move', () => {
  type ShiftRecord = { observer: PerformanceObserver; sum: number };
  /**
   * From the page's first moment, keeps a PerformanceObserver of its layout shifts and their sum. Every shift
   * counts, `hadRecentInput` or not: these tests give the page no input, but under a phone's emulation Chromium
   * counts its own set-up of the viewport, 100–300 ms after navigation, as input, and flags every shift of the
   * next 500 ms as recent input — just when the results are drawn. CLS leaves those out; here they would hide the
   * very shift a test looks for. The observer is kept, so a reading can take what it has not yet delivered.
   */
  const recordLayoutShift = () => {
    const record = { observer: new PerformanceObserver((list) => add(list.getEntries())), sum: 0 };
    const add = (entries: PerformanceEntryList) => {
      for (const entry of entries as (PerformanceEntry & { value: number })[]) record.sum += entry.value;
    };
    (window as unknown as { layoutShift: ShiftRecord }).layoutShift = record;
    record.observer.observe({ type: 'layout-shift', buffered: true });
  };
  /**
   * The sum of the page's layout shifts so far. The browser measures a shift when it next renders and hands the
   * entry to the observer in a later task, so: two frames, then whatever the observer holds undelivered.
   */
  const layoutShift = (page: Page) =>
    page.evaluate(async () => {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const record = (window as unknown as { layoutShift: ShiftRecord }).layoutShift;
      for (const entry of record.observer.takeRecords() as (PerformanceEntry & { value: number })[]) {
        record.sum += entry.value;
      }
      return record.sum;
    });
  /** A search opened by its address, as a shared link opens it, and the layout shift until it has settled. */
  const shiftOfSearch = async (page: Page, lang: Locale, query: string) => {
    await page.goto(searchUrl(lang, query));
    await settled(page);
    return layoutShift(page);
  };

  for (const lang of localeCodes) {
    const queries = [searchQuery(lang), ...(absentWords[lang] ?? []).slice(0, 1)];
    test(`${lang}: opening a search for ${queries.map((query) => `“${query}”`).join(' or ')} shifts the layout by at most 0.02`, async ({
      page,
    }) => {
      await page.addInitScript(recordLayoutShift);
      for (const query of queries) expect(await shiftOfSearch(page, lang, query), query).toBeLessThanOrEqual(0.02);
    });
  }

  test('the measurement sees a shift made as the results are drawn', async ({ page }) => {
    await page.addInitScript(recordLayoutShift);
    // A regression of the kind the tests above guard against: a banner pushed in when the results arrive.
    await page.addInitScript(() => {
      const pushBannerIn = new MutationObserver(() => {
        pushBannerIn.disconnect();
        const banner = Object.assign(document.createElement('p'), { textContent: 'A late banner' });
        Object.assign(banner.style, { height: '200px', margin: '0' });
        document.querySelector('main')?.prepend(banner);
      });
      addEventListener('DOMContentLoaded', () => {
        const results = document.querySelector('[data-search-results]');
        if (results) pushBannerIn.observe(results, { childList: true });
      });
    });
    expect(await shiftOfSearch(page, 'en', 'Naftan')).toBeGreaterThan(0.02);
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`${colorScheme}: a match is bold, in a box at least 3:1 against the page, with text 4.5:1 against the box`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(searchUrl('en', 'Naftan'));
    await settled(page);
    const colours = await page
      .locator('[data-search-results] mark')
      .first()
      .evaluate((mark) => {
        const style = getComputedStyle(mark);
        return {
          box: style.backgroundColor,
          text: style.color,
          weight: Number(style.fontWeight),
          page: getComputedStyle(document.documentElement).backgroundColor,
        };
      });
    expect(contrast(colours.box, colours.page)).toBeGreaterThanOrEqual(3);
    expect(contrast(colours.text, colours.box)).toBeGreaterThanOrEqual(4.5);
    expect(colours.weight).toBeGreaterThanOrEqual(700);
  });
}
