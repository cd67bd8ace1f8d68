import { existsSync, statSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { locales, localeCodes, type Locale } from '../../src/i18n/locales';
import { uiStrings } from '../../src/i18n/ui';
import { formatFileSize } from '../../pipeline/after-render/file-size';
import { siteSections } from '../../src/lib/navigation';
import { paths } from '../../src/lib/routes';
import { siteUrl } from '../../src/lib/site-url';
import { isWrittenIn, shownDocument } from '../support/content';
import { mainSite } from './mirrors';
import { builtFile, builtPage, sitePages, sitePathOf, slugs } from './site';
import { sortableDate } from '../../src/content/schema';
import { HTMLElement } from 'node-html-parser';

/** A link's target on the served copy: the site's absolute addresses (on 404 pages) are mapped onto it. */
function onCopy(href: string): string {
  return href.startsWith(siteUrl.href) ? new URL(href.slice(siteUrl.href.length), mainSite).href : href;
}

const sizeOf = (sitePath: string, lang: (typeof localeCodes)[number]) =>
  formatFileSize(statSync(`dist${sitePath}`).size, lang);

/** Pages in one language; the chooser and the root 404 page speak all three and carry each one's links instead. */
const oneLanguagePages = sitePages.filter(({ path }) => path !== paths.languageChooser() && path !== paths.notFound());

const footerLabels = (lang: Locale) => [
  ...siteSections(lang).map(({ label }) => label),
  ...localeCodes.filter((code) => code !== lang).map((code) => locales[code].name),
];

test.describe('the footer', () => {
  test('every page in one language has the same short footer, each link leading to a page of the site', () => {
    // One component on some sixty pages: read from the built files; the tests below follow the links in a browser.
    for (const { path: sitePath, lang } of oneLanguagePages) {
      const footer = builtPage(sitePath).querySelector('.site-footer');
      const nav = footer?.querySelector(`nav[aria-label="${uiStrings[lang].nav.site}"]`);
      expect(
        nav?.querySelectorAll('a').map((link) => link.text.trim()),
        sitePath,
      ).toEqual(footerLabels(lang));
      const note = footer?.querySelectorAll('a').find((link) => link.text.trim() === uiStrings[lang].footer.note);
      expect(note, `${sitePath}: the note for readers in Belarus`).toBeDefined();
      for (const link of [...(nav?.querySelectorAll('a') ?? []), ...(note ? [note] : [])]) {
        const target = sitePathOf(link.getAttribute('href') ?? '', sitePath);
        expect(existsSync(builtFile(target)), `${sitePath} → ${target}`).toBe(true);
      }
    }
  });

  for (const { path: sitePath, lang } of [
    { path: paths.home('be'), lang: 'be' },
    { path: paths.document('ru', slugs[0] ?? ''), lang: 'ru' },
    { path: paths.sideBySide('be', slugs[0] ?? ''), lang: 'be' },
    { path: paths.notFound('en'), lang: 'en' },
  ] as const) {
    test(`${sitePath}: the footer's links open pages`, async ({ page, request }) => {
      await page.goto(sitePath);
      const footer = page.getByRole('navigation', { name: uiStrings[lang].nav.site });
      await expect(footer.locator('a')).toHaveText(footerLabels(lang));
      const note = page.locator('.site-footer').getByRole('link', { name: uiStrings[lang].footer.note });
      const hrefs = await footer
        .locator('a')
        .or(note)
        .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs).toHaveLength(footerLabels(lang).length + 1);
      for (const href of hrefs) expect((await request.get(onCopy(href))).status(), href).toBe(200);
    });
  }
});

test.describe('the end of every document', () => {
  for (const lang of localeCodes) {
    const ordered = slugs
      .map((slug) => ({ slug, data: shownDocument(lang, slug).data }))
      .sort((a, b) => sortableDate(a.data.date).localeCompare(sortableDate(b.data.date)));
    ordered.forEach(({ slug }, index) => {
      test(`${lang}/${slug} ends with the documents before and after it by date, and the ways on`, () => {
        const path = paths.document(lang, slug);
        const page = builtPage(path);
        const mainChildren = page.querySelector('main')?.childNodes.filter((node) => node instanceof HTMLElement);
        const nav = mainChildren?.at(-1) as HTMLElement | undefined;
        expect(nav?.classList.contains('document-nav')).toBe(true);
        expect(nav?.querySelector('h2')?.text.trim()).toBe(uiStrings[lang].documentNav.heading);
        const before = ordered[index - 1];
        const after = ordered[index + 1];
        for (const [rel, neighbour] of [
          ['prev', before],
          ['next', after],
        ] as const) {
          const link = nav?.querySelector(`a[rel="${rel}"]`) ?? null;
          if (neighbour === undefined) {
            expect(link, rel).toBeNull();
          } else {
            expect(link?.text.trim()).toBe(neighbour.data.title);
            expect(sitePathOf(link?.getAttribute('href') ?? '', path)).toBe(paths.document(lang, neighbour.slug));
          }
        }
        const linkTo = (label: string) =>
          nav
            ?.querySelectorAll('a')
            .find((anchor) => anchor.text.trim() === label)
            ?.getAttribute('href');
        expect(linkTo(uiStrings[lang].nav.home)).toBe('../');
        expect(linkTo(uiStrings[lang].documentNav.timeline)).toBe('../timeline/');
        expect(linkTo(uiStrings[lang].documentNav.mirrors)).toBe('../mirrors/');
        // Where a partial language shows the original, the original's single file.
        const singleFile = paths.singleFile(shownDocument(lang, slug).lang, slug);
        expect(sitePathOf(linkTo(uiStrings[lang].documentNav.singleFile) ?? '', path)).toBe(singleFile);
        expect(nav?.querySelector('.single-file-link')?.text.replace(/\s+/g, ' ').trim()).toBe(
          `${uiStrings[lang].documentNav.singleFile} (HTML, ${sizeOf(singleFile, lang)})`,
        );
      });
    });
  }

  test('a single-file copy keeps the ways on, as absolute addresses, and does not offer itself', async ({ page }) => {
    await page.goto(paths.singleFile('ru', slugs[0] ?? ''));
    const nav = page.locator('.document-nav');
    await expect(nav.locator('.single-file-link')).toHaveCount(0);
    for (const href of await nav.locator('a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')))) {
      expect(String(href).startsWith(siteUrl.href), String(href)).toBe(true);
    }
  });
});

test.describe('downloads', () => {
  for (const lang of localeCodes) {
    test(`${lang}: every document in every language, with its language, format and size, and the whole site as a button with its size`, async ({
      page,
    }) => {
      await page.goto(paths.downloads(lang));
      const archive = page.locator('a.button[download]');
      await expect(archive).toContainText(uiStrings[lang].downloads.archiveButton);
      await expect(archive).toContainText(`ZIP, ${sizeOf(paths.siteArchive(), lang)}`);
      expect(new URL(String(await archive.getAttribute('href')), page.url()).pathname).toBe(paths.siteArchive());
      const items = page.locator('.download-list > li');
      await expect(items).toHaveCount(slugs.length);
      for (const slug of slugs) {
        const item = items.filter({ has: page.getByRole('heading', { name: shownDocument(lang, slug).data.title }) });
        for (const code of localeCodes.filter((written) => isWrittenIn(written, slug))) {
          const row = item.locator('.download-files > li').filter({ hasText: locales[code].name });
          const link = row.locator('a[download]');
          await expect(link).toHaveText(`${locales[code].name}, HTML`);
          expect(new URL(String(await link.getAttribute('href')), page.url()).pathname).toBe(
            paths.singleFile(code, slug),
          );
          await expect(row).toContainText(sizeOf(paths.singleFile(code, slug), lang));
        }
      }
    });
  }
});
