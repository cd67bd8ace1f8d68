import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { parse, type HTMLElement } from 'node-html-parser';
import { epub, languageBook } from '../../pipeline/after-render/book';
import { formatFileSize } from '../../pipeline/after-render/file-size';
import { readPages } from '../../pipeline/after-render/site-files';
import { sha256Hex } from '../../pipeline/release/checksums';
import { sortableDate } from '../../src/content/schema';
import { localeCodes, type Locale } from '../../src/i18n/locales';
import { languageName, uiStrings, useTranslations } from '../../src/i18n/ui';
import { paths } from '../../src/lib/routes';
import { documentsIn } from '../support/content';
import { epubcheck } from '../support/epubcheck';

/** The built site that playwright.config.ts serves. */
const distDir = 'dist';
const bookFile = (lang: Locale) => path.join(distDir, paths.book(lang));
const bookEntries = (lang: Locale) => unzipSync(new Uint8Array(readFileSync(bookFile(lang))));

/** A chapter of a book, parsed. */
function chapter(entries: Record<string, Uint8Array>, file: string): HTMLElement {
  const bytes = entries[`EPUB/${file}`];
  if (!bytes) throw new Error(`the book has no EPUB/${file}`);
  return parse(strFromU8(bytes));
}

/** Text as read, whitespace folded. */
const words = (element: HTMLElement | null) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';

for (const lang of localeCodes) {
  test.describe(`the ${lang} EPUB`, () => {
    test('passes epubcheck with no error and no warning', () => {
      test.setTimeout(180_000);
      const { passed, output } = epubcheck(bookFile(lang));
      expect(output).toContain('0 fatals / 0 errors / 0 warnings');
      expect(passed, output).toBe(true);
    });

    test(`holds every ${lang} document, oldest first, each as its page reads: header, notice, text, paragraph numbers`, async () => {
      const entries = bookEntries(lang);
      // A partial language's book holds its translations: a reader of the originals has the English book.
      const documents = documentsIn(lang).sort((a, b) =>
        sortableDate(a.data.date).localeCompare(sortableDate(b.data.date)),
      );
      const contents = chapter(entries, 'nav.xhtml').querySelectorAll('nav li a');
      expect(contents.map((link) => link.text)).toEqual(documents.map(({ data }) => data.title));

      for (const [index, { slug, data }] of documents.entries()) {
        const text = chapter(entries, contents[index]?.getAttribute('href') ?? '');
        const page = parse(
          await readFile(path.join(distDir, paths.document(lang, slug).slice(1), 'index.html'), 'utf8'),
        );
        expect(words(text.querySelector('h1'))).toBe(data.title);
        expect(words(text.querySelector('.document-header'))).toBe(words(page.querySelector('.document-header')));
        const notice = text.querySelector('.translation-notice');
        if (data.translated) {
          const original = languageName(useTranslations(lang), data.originalLanguage);
          expect(words(notice)).toContain(uiStrings[lang].translation.notice.replace('{{language}}', original));
        } else {
          // An original lists its translations, as its page does.
          expect(words(notice)).toContain(uiStrings[lang].translation.alsoIn);
        }
        // Every word of the text, every paragraph's id and every "¶ N" of the page.
        const bookText = text.querySelector('.document-text');
        const pageText = page.querySelector('.document-text');
        expect(words(bookText)).toBe(words(pageText));
        const ids = (element: HTMLElement | null) => element?.querySelectorAll('[id]').map(({ id }) => id) ?? [];
        expect(ids(bookText)).toEqual(ids(pageText));
        const numbers = (element: HTMLElement | null) => element?.querySelectorAll('.pn').map(words) ?? [];
        expect(numbers(bookText)).toEqual(numbers(pageText));
      }
    });

    test('is made again, byte for byte, from the built pages and its release date', async () => {
      const built = readFileSync(bookFile(lang));
      const opf = strFromU8(bookEntries(lang)['EPUB/package.opf'] ?? new Uint8Array());
      const modified = /<meta property="dcterms:modified">([^<]+)<\/meta>/.exec(opf)?.[1] ?? '';
      const pages = await readPages(distDir);
      const again = epub(
        languageBook(
          pages,
          lang,
          documentsIn(lang).map(({ slug }) => slug),
          new Date(modified),
        ),
      );
      expect(Buffer.from(again).equals(built)).toBe(true);
    });

    test('is listed on the downloads page with its size, and covered by SHA256SUMS', async ({ page, request }) => {
      const bytes = readFileSync(bookFile(lang));
      await page.goto(paths.downloads(lang));
      const link = page.locator(`a[href$="${paths.book(lang).split('/').at(-1)}"]`);
      await expect(link).toHaveAttribute('download');
      await expect(page.locator('a[download] + .document-meta').filter({ hasText: 'EPUB' })).toHaveText(
        `EPUB, ${formatFileSize(bytes.byteLength, lang)}`,
      );
      const response = await request.get(new URL(await link.evaluate((a) => (a as HTMLAnchorElement).href)).href);
      expect(Buffer.from(await response.body()).equals(bytes)).toBe(true);
      const sums = readFileSync(path.join(distDir, 'SHA256SUMS'), 'utf8');
      expect(sums).toContain(`${sha256Hex(bytes)}  ${paths.book(lang).slice(1)}\n`);
    });
  });
}
