import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { HTMLElement } from 'node-html-parser';
import {
  completeLocaleCodes,
  inLanguage,
  localeCodes,
  locales,
  type InEveryLanguage,
  type Locale,
} from '../../src/i18n/locales';
import { uiStrings } from '../../src/i18n/ui';
import { paths } from '../../src/lib/routes';
import { documentsIn } from '../support/content';
import { builtFile, builtPage, sitePathOf, slugs, translationsOf } from './site';

const linkName = (lang: Locale, number: number) => uiStrings[lang].paragraph.link.replace('{{number}}', String(number));

interface Block {
  tag: string;
  id: string;
  /** The first thing in the block: its "¶ n" link. */
  link: { className: string; href: string | null; label: string | null; text: string } | null;
  /** The block's own text, without its link. */
  text: string;
}

/**
 * Every paragraph and list item of a built page's document text (a paragraph inside a list item belongs to the
 * item), read from the HTML the build wrote: ids, links and text are in it as it is sent.
 */
function documentBlocks(page: HTMLElement, scope = '.document-text'): Block[] {
  return page
    .querySelectorAll(`${scope} p, ${scope} li`)
    .filter((element) => !(element.tagName === 'P' && element.parentNode?.tagName === 'LI'))
    .map((element) => {
      const first = element.childNodes.find((node): node is HTMLElement => node instanceof HTMLElement);
      const link = element.querySelector('.pn');
      return {
        tag: element.tagName.toLowerCase(),
        id: element.id,
        link:
          first === undefined
            ? null
            : {
                className: first.getAttribute('class') ?? '',
                href: first.getAttribute('href') ?? null,
                label: first.getAttribute('aria-label') ?? null,
                text: first.text,
              },
        text: element.childNodes
          .filter((node) => node !== link)
          .map((node) => node.text)
          .join('')
          .replace(/\s+/g, ' ')
          .trim(),
      };
    });
}

test.describe('citable paragraphs', () => {
  for (const slug of slugs) {
    test(`${slug}: every paragraph and list item has an id, the same in every language, and a link to itself`, () => {
      const idsIn: Partial<Record<Locale, string[]>> = {};
      for (const lang of localeCodes) {
        const page = builtPage(paths.document(lang, slug));
        const blocks = documentBlocks(page);
        expect(blocks.length, `${lang}/${slug} has paragraphs`).toBeGreaterThan(5);
        blocks.forEach((block, index) => {
          const id = `p-${index + 1}`;
          expect(block.id, `${lang}/${slug}: block ${index + 1} (${block.text.slice(0, 40)}…)`).toBe(id);
          expect(block.link).toEqual({
            className: 'pn',
            href: `#${id}`,
            label: linkName(lang, index + 1),
            text: `¶\u00a0${index + 1}`,
          });
        });
        idsIn[lang] = blocks.map(({ id }) => id);
        // Only blocks carry ids of this form, and each once.
        expect(page.querySelectorAll('[id^="p-"]').map((element) => element.id)).toEqual(idsIn[lang]);
      }
      for (const lang of localeCodes) expect(idsIn[lang], lang).toEqual(idsIn.en);
    });
  }

  test('a paragraph’s link names it in the page’s language, takes the reader to it, and an address with it opens there', async ({
    page,
  }) => {
    for (const lang of localeCodes) {
      await page.goto(paths.document(lang, 'petition-to-the-ilo'));
      const link = page.getByRole('link', { name: linkName(lang, 9), exact: true });
      await expect(link).toHaveAttribute('href', '#p-9');
      await link.click();
      await expect(page).toHaveURL(/#p-9$/);
      await expect(page.locator('#p-9')).toBeInViewport();
    }
    await page.goto(`${paths.document('ru', 'ituc-letter-to-the-ambassador')}#p-16`);
    await expect(page.locator('#p-16')).toBeInViewport();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
  });

  test('the paragraph links stay out of the search index', async ({ page }) => {
    const words: InEveryLanguage<string> = { be: 'Нафтан', ru: 'Нафтан', en: 'Naftan' };
    for (const lang of localeCodes) {
      await page.goto(paths.search(lang));
      const content = await page.evaluate(async (word) => {
        const pagefind = await import(new URL('../../pagefind/pagefind.js', location.href).href);
        const { results } = await pagefind.search(word);
        return Promise.all(
          results.map(async (result: { data: () => Promise<{ content: string }> }) => (await result.data()).content),
        );
      }, inLanguage(words, lang).value);
      expect(content, lang).toHaveLength(1);
      expect(content[0]).toContain(inLanguage(words, lang).value);
      expect(content[0]).not.toContain('¶');
      expect(content[0]).not.toContain(linkName(lang, 1));
    }
  });

  test('printing keeps the paragraph numbers, beside their paragraphs on the paper', async ({ page }) => {
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.goto(paths.document('be', 'petition-to-the-ilo'));
    await page.emulateMedia({ media: 'print' });
    const links = page.locator('.document-text .pn');
    await expect(links.first()).toBeVisible();
    const boxes = await links.evaluateAll((elements) =>
      elements.map((element) => {
        const box = element.getBoundingClientRect();
        return { left: box.left, right: box.right, visible: getComputedStyle(element).display !== 'none' };
      }),
    );
    expect(boxes.length).toBeGreaterThan(10);
    for (const box of boxes) {
      expect(box.visible).toBe(true);
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(794);
    }
  });

  for (const lang of localeCodes) {
    // Single-file copies are of the documents written in the language: a partial one's translations.
    const written = documentsIn(lang).map(({ slug }) => slug);
    const slug = written.includes('industriall-letter-to-the-ilo') ? 'industriall-letter-to-the-ilo' : written[0];
    if (slug === undefined) continue;
    test(`the single-file copy in ${lang} keeps every paragraph’s id and number`, async ({ page }) => {
      const online = documentBlocks(builtPage(paths.document(lang, slug)));
      const singleFile = paths.singleFile(lang, slug);
      expect(documentBlocks(builtPage(singleFile))).toEqual(online);
      await page.goto(pathToFileURL(path.resolve(builtFile(singleFile))).href);
      await expect(page.locator('.document-text .pn').first()).toBeVisible();
      await page.locator('#p-3 > .pn').click();
      await expect(page.locator('#p-3')).toBeInViewport();
    });
  }
});

test.describe('side-by-side pages', () => {
  test('there is one for each translation of each document', () => {
    // Each complete language but the originals' has every document; a partial one, what it has translated.
    const partialTranslations = localeCodes.filter((lang) => !locales[lang].complete).flatMap(documentsIn);
    expect(translationsOf).toHaveLength(slugs.length * (completeLocaleCodes.length - 1) + partialTranslations.length);
  });

  for (const { slug, lang, originalLanguage } of translationsOf) {
    test(`${lang}/${slug}: linked from the translation notice, with the original and the translation paired by paragraph`, () => {
      const original = documentBlocks(builtPage(paths.document(originalLanguage, slug)));
      const translationPage = builtPage(paths.document(lang, slug));
      const translation = documentBlocks(translationPage);
      const notice = translationPage
        .querySelectorAll('.translation-notice a')
        .find((link) => link.text.trim() === uiStrings[lang].translation.sideBySide);
      expect(sitePathOf(notice?.getAttribute('href') ?? '', paths.document(lang, slug))).toBe(
        paths.sideBySide(lang, slug),
      );

      const page = builtPage(paths.sideBySide(lang, slug));
      expect(page.querySelector('html')?.getAttribute('lang')).toBe(lang);
      const children = (element: HTMLElement) =>
        element.childNodes.filter((node): node is HTMLElement => node instanceof HTMLElement);
      const pairs = page.querySelectorAll('.side-by-side > .pair[id]').map((pair) => {
        const textIn = (language: Locale) =>
          (
            children(pair).find((child) => child.tagName === 'DIV' && child.getAttribute('lang') === language)?.text ??
            ''
          )
            .replace(/\s+/g, ' ')
            .trim();
        const link = children(pair).find((child) => child.tagName === 'A' && child.classList.contains('pn'));
        return {
          id: pair.id,
          link: link && { href: link.getAttribute('href'), label: link.getAttribute('aria-label') },
          original: textIn(originalLanguage),
          translation: textIn(lang),
        };
      });
      expect(pairs).toEqual(
        original.map((block, index) => ({
          id: block.id,
          link: { href: `#${block.id}`, label: linkName(lang, index + 1) },
          original: block.text,
          translation: translation[index]?.text,
        })),
      );
      expect(page.querySelectorAll('.side-by-side > .pair:not([id]):not(.pair-head)')).toHaveLength(
        translationPage.querySelectorAll('.document-text h2, .document-text h3').length,
      );
      // The page links back to each text on its own.
      expect(page.querySelector('main a[href="../"]')?.text.trim()).toBe(uiStrings[lang].sideBySide.translationOnly);
    });
  }

  test('two columns on a wide screen, one after the other on a phone', async ({ page }) => {
    const columns = async () => {
      const [original, translation] = await Promise.all(
        ['en', 'be'].map((lang) => page.locator(`#p-2 > div[lang="${lang}"]`).boundingBox()),
      );
      if (!original || !translation) throw new Error('the pair has no two columns');
      return { original, translation };
    };
    await page.goto(paths.sideBySide('be', 'petition-to-the-ilo'));
    const phone = await columns();
    expect(phone.translation.y).toBeGreaterThanOrEqual(phone.original.y + phone.original.height);
    expect(phone.translation.x).toBe(phone.original.x);

    await page.setViewportSize({ width: 1280, height: 800 });
    const wide = await columns();
    expect(wide.translation.x).toBeGreaterThanOrEqual(wide.original.x + wide.original.width);
    expect(Math.abs(wide.translation.y - wide.original.y)).toBeLessThan(2);
  });
});
