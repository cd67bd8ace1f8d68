import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'node-html-parser';
import { inLanguage, localeCodes, locales, type InEveryLanguage } from '../../src/i18n/locales';
import { uiStrings } from '../../src/i18n/ui';
import { paths } from '../../src/lib/routes';
import { hasEveryQueryWord, queryWords, searchForm } from '../../src/lib/word-stems';
import { paradigms } from '../support/word-forms';
import { languageFolderOf, slugs } from './site';
import { absentWords, documentResults, resultLinks, searchUrl, settled } from './search';

// What a search finds in each language, and what its results show.

/**
 * In each language, a word that only one document has, and that document. A partial language without its own
 * shows the original where it has no translation, and is searched with the English word.
 */
const distinctiveWords: InEveryLanguage<{ query: string; slug: string }> = {
  be: { query: 'Нафтан', slug: 'ilo-urges-belarus' },
  ru: { query: 'Нафтан', slug: 'ilo-urges-belarus' },
  en: { query: 'Naftan', slug: 'ilo-urges-belarus' },
};

/** Queries whose results must each have a form of every query word: names, common words, two words. */
const queriesToCheck: InEveryLanguage<string[]> = {
  be: ['Беларусь', 'Лукашэнку', 'санкцыя', 'МАП', 'працоўных', 'петыцыя Лукашэнка', 'за свабоду'],
  ru: ['Беларусь', 'Лукашенко', 'санкция', 'МОТ', 'рабочие', 'петиция Лукашенко', 'за свободу'],
  en: ['Belarus', 'Lukashenko', 'sanction', 'ILO', 'workers', 'petition Lukashenko', 'for freedom'],
};

/**
 * The words of a built page's document text, as a reader sees them. (Pagefind ends a heading or a block
 * that has no full stop with one: compare words by `searchForm`, which leaves out punctuation.)
 */
async function documentTextWords(page: Page, url: string): Promise<string[]> {
  const known = wordsOfDocument.get(url);
  if (known) return known;
  const html = await (await page.request.get(url)).text();
  const article = parse(html).querySelector('[data-pagefind-body]');
  if (!article) throw new Error(`${url} has no indexed text`);
  // Structured text breaks lines at <br> and between blocks, as a reader sees them.
  const words = queryWords(article.structuredText);
  wordsOfDocument.set(url, words);
  return words;
}

/**
 * The documents that the names-index entries among the results list, as the names page lists them: the
 * documents that name whom the query names, however they write it.
 */
async function documentsOfNamesFound(page: Page): Promise<Set<string>> {
  const entries = await page
    .locator('[data-search-results] li:not(:has(.search-excerpt)) > a')
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  const documents = new Set<string>();
  for (const entry of entries) {
    const { hash } = new URL(entry);
    const names = parse(await (await page.request.get(entry)).text());
    for (const link of names.querySelectorAll(`[id="${hash.slice(1)}"] a[href]`)) {
      documents.add(new URL(link.getAttribute('href') ?? '', entry).pathname);
    }
  }
  return documents;
}

/** The words of each document a result leads to, read once per test worker: many queries find the same ones. */
const wordsOfDocument = new Map<string, string[]>();

for (const lang of localeCodes) {
  test(`in ${lang}, a search finds the document with the word, and its link opens it`, async ({ page }) => {
    const { query, slug } = inLanguage(distinctiveWords, lang).value;
    await page.goto(paths.search(lang));
    await page.getByLabel(uiStrings[lang].search.label).fill(query);
    await page.getByRole('button', { name: uiStrings[lang].search.submit }).click();
    expect(await resultLinks(page)).toEqual([paths.document(lang, slug)]);
    await expect(page).toHaveURL(new RegExp(`\\?q=${encodeURIComponent(query)}$`));
    const result = page.locator(documentResults).first();
    await expect(result.locator('mark').first()).toContainText(query);
    await expect(result.locator('.document-meta')).toContainText(/\d{4}/);
    // The link leads to the paragraph that matched.
    await expect(result.locator('a')).toHaveAttribute('href', /#p-\d+$/);
    await result.locator('a').click();
    await expect(page).toHaveURL(new RegExp(`${paths.document(lang, slug)}#p-\\d+$`));
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
  });

  // A language's own word forms; a partial language has none until someone writes them.
  const languageParadigms = paradigms[lang];
  if (languageParadigms)
    test(`in ${lang}, every form of a name or a noun finds its document first`, async ({ page }) => {
      const cases = languageParadigms.filter(({ document }) => document !== undefined);
      expect(cases.length).toBeGreaterThanOrEqual(lang === 'be' ? 10 : 2);
      const misses: string[] = [];
      await page.goto(paths.search(lang));
      for (const { forms, document } of cases) {
        for (const form of forms) {
          await page.getByLabel(uiStrings[lang].search.label).fill(form);
          await page.getByLabel(uiStrings[lang].search.label).press('Enter');
          await expect(page).toHaveURL(new RegExp(`\\?q=${encodeURIComponent(form)}$`));
          const [first] = await resultLinks(page);
          if (first !== paths.document(lang, document ?? '')) misses.push(`${form} → ${first ?? 'nothing'}`);
        }
      }
      expect(misses).toEqual([]);
    });

  // A language without stemming rules takes Pagefind's fallback to a shorter word as a match: it has no absent words.
  const absent = absentWords[lang];
  if (absent)
    test(`in ${lang}, words that are in no document find nothing, and the page suggests what to try`, async ({
      page,
    }) => {
      for (const query of absent) {
        await page.goto(searchUrl(lang, query));
        expect(await settled(page), query).toBe(uiStrings[lang].search.nothing.replace('{{query}}', query));
        await expect(page.locator('[data-search-results] li')).toHaveCount(0);
        const hint = page.locator('[data-search-hint]');
        await expect(hint).toBeVisible();
        await expect(hint).toContainText(uiStrings[lang].search.hint);
        // The hint offers the same words in each other language.
        const others = localeCodes.filter((code) => code !== lang);
        for (const code of others) {
          await expect(hint.getByRole('link', { name: locales[code].name })).toHaveAttribute(
            'href',
            new RegExp(`${code}/search/\\?q=${encodeURIComponent(query)}$`),
          );
        }
        await expect(page.locator('.all-documents li')).toHaveCount(slugs.length);
      }
    });

  test(`in ${lang}, every result has a form of every query word or names whom the query names, and its excerpt quotes its text`, async ({
    page,
  }) => {
    for (const query of inLanguage(queriesToCheck, lang).value) {
      await page.goto(searchUrl(lang, query));
      const links = await resultLinks(page);
      expect(links.length, query).toBeGreaterThan(0);
      const named = await documentsOfNamesFound(page);
      const excerpts = await page.locator(`${documentResults} .search-excerpt`).allInnerTexts();
      for (const [index, link] of links.entries()) {
        const words = await documentTextWords(page, link);
        // A name may be written otherwise in the document («МАП» for «Міжнародная арганізацыя працы»).
        expect(hasEveryQueryWord(lang, query, words) || named.has(link), `${query}: ${link}`).toBe(true);
        // Every word of the excerpt is a word of the document's text: none from its header, none glued together.
        const text = new Set(words.map(searchForm));
        const strays = queryWords(excerpts[index] ?? '').filter((word) => !text.has(searchForm(word)));
        expect(strays, `${query}: ${link}`).toEqual([]);
      }
    }
  });
}

test('the index holds each document’s text with its words apart, and nothing around it', async ({ page }) => {
  const fragmentDir = path.resolve('dist', path.dirname(paths.searchEngine().slice(1)), 'fragment');
  const files = await readdir(fragmentDir);
  expect(files.length).toBeGreaterThan(0);
  let checked = 0;
  for (const file of files) {
    const data = gunzipSync(await readFile(path.join(fragmentDir, file)));
    const json = JSON.parse(data.subarray('pagefind_dcd'.length).toString('utf8')) as unknown;
    // A file holds one page's record, or (for a small site) every page of a language by id.
    const records = ('url' in (json as object) ? [json] : Object.values(json as Record<string, unknown>)) as {
      url: string;
      content: string;
    }[];
    for (const { url, content } of records) {
      const words = new Set((await documentTextWords(page, url)).map(searchForm));
      expect(
        queryWords(content).filter((word) => !words.has(searchForm(word))),
        url,
      ).toEqual([]);
      // Nothing of what stands around the text inside the article: the notes on other languages, the
      // provenance, the QR code's caption, the links to read on.
      const lang = languageFolderOf(url);
      if (lang === undefined) throw new Error(`${url}: a record outside every language's folder`);
      const ui = uiStrings[lang];
      for (const aside of [
        ui.translation.alsoIn,
        ui.provenance.heading,
        ui.share.qr,
        ui.documentNav.heading,
        ui.documentNav.previous,
      ]) {
        expect(content, url).not.toContain(aside);
      }
      checked += 1;
    }
  }
  expect(checked).toBe(slugs.length * localeCodes.length);
});
