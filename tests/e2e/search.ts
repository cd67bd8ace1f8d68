/** What the search specs share: the queries that find nothing, and how to wait for a search and read its results. */
import { expect, type Page } from '@playwright/test';
import type { InEveryLanguage, Locale } from '../../src/i18n/locales';
import { paths } from '../../src/lib/routes';

/**
 * Words that no document has in any form, though each starts with a word that many have («за», "for"). A
 * language without stemming rules of its own has none: it shows what Pagefind finds for the shorter word.
 */
export const absentWords: InEveryLanguage<string[]> = {
  be: ['забастоўка', 'зааааа', 'землятрус', 'петыцыя зааааа'],
  ru: ['зааааа', 'землетрясение', 'петиция зааааа'],
  en: ['forestry', 'zaaaaa', 'strikebreakers', 'petition zaaaaa'],
};

/** Waits until the search on the page has finished, and returns its status line. */
export async function settled(page: Page): Promise<string> {
  // Generous waits: the engine compiles its WebAssembly, slowly on a busy machine. No test here measures time.
  const timeout = 30_000;
  await expect(page.locator('html')).not.toHaveClass(/search-pending/, { timeout });
  const status = page.locator('[data-search-status]');
  await expect(status).not.toHaveText('', { timeout });
  await expect(status).not.toHaveText(/…$/, { timeout });
  return status.innerText();
}

/** The results that are documents, with an excerpt (the names index's entries have none). */
export const documentResults = '[data-search-results] li:has(.search-excerpt)';

/** The paths of the documents found, once the search has finished. */
export async function resultLinks(page: Page): Promise<string[]> {
  await settled(page);
  return page
    .locator(`${documentResults} > a`)
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
}

export const searchUrl = (lang: Locale, query: string) => `${paths.search(lang)}?q=${encodeURIComponent(query)}`;
