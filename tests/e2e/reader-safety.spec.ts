/**
 * What a reader in Belarus, or a journalist, meets about the site itself: who is behind it and how its texts
 * are made; no list of addresses to write down when none is listed; the translations of an original; the
 * paragraph a citation lands on; the downloads a phone opens first; and, on a copy at another address, that
 * address offered first for sharing.
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { mirrors } from '../../src/lib/mirrors';
import { identity } from '../../src/lib/identity';
import { localeCodes } from '../../src/i18n/locales';
import { isWrittenIn } from '../support/content';
import { uiStrings } from '../../src/i18n/ui';
import { paths } from '../../src/lib/routes';
import { absoluteUrl } from '../../src/lib/site-url';
import { contrast } from '../support/contrast';
import { mirrorSettings } from './mirrors';
import { builtPage, sitePages, sitePathOf, slugs } from './site';

const words = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

for (const lang of localeCodes) {
  test(`${lang}: the page about the project names the publisher (a preview says it names none yet), the method, and safe ways to report (a preview, no placeholder address)`, () => {
    const page = builtPage(paths.project(lang));
    const text = words(page.querySelector('main')?.text);
    // This build's identity names no publisher: it is a preview, and says so; a release refuses it (identity tests).
    expect(identity.publisher).toBeUndefined();
    expect(text).toContain(uiStrings[lang].project.notSet);
    expect(page.querySelectorAll('main h2').length).toBeGreaterThanOrEqual(4);
    const links = page.querySelectorAll('main a').map((link) => link.getAttribute('href') ?? '');
    // Nor does it name its placeholder addresses as ways to report: it says it has none yet.
    expect(text).toContain(uiStrings[lang].mirrors.previewNoAddress);
    expect(
      links.filter((href) => href.includes(identity.contactEmail) || href.startsWith(identity.repositoryUrl)),
    ).toEqual([]);
    expect(links.map((href) => sitePathOf(href, paths.project(lang)))).toContain(paths.corrections(lang));
    expect(text).toContain(
      identity.signalUsername === undefined
        ? uiStrings[lang].project.noSafeChannel
        : uiStrings[lang].project.signal.replace('{{username}}', identity.signalUsername),
    );
  });
}

test('every page with a footer links to the page about the project and to the note for readers', () => {
  for (const { path, lang, notFound } of sitePages) {
    if (notFound || path === paths.languageChooser()) continue;
    const footer = builtPage(path).querySelector('.site-footer');
    const targets = (footer?.querySelectorAll('a') ?? []).map((link) =>
      sitePathOf(link.getAttribute('href') ?? '', path),
    );
    expect(targets, path).toContain(paths.project(lang));
    expect(targets, path).toContain(paths.about(lang));
  }
});

test('with no mirror listed, no page asks readers to write addresses down; the pages say what works instead', () => {
  expect(mirrors).toEqual([]);
  for (const { path, lang } of sitePages) {
    expect(words(builtPage(path).text), path).not.toContain(uiStrings[lang].mirrors.intro);
  }
  for (const lang of localeCodes) {
    for (const path of [paths.about(lang), paths.mirrors(lang)]) {
      const page = builtPage(path);
      expect(words(page.text), path).toContain(uiStrings[lang].mirrors.noneYet);
      expect(page.querySelector('.mirror-list'), path).toBeNull();
      const downloads = page
        .querySelectorAll('main a')
        .map((link) => sitePathOf(link.getAttribute('href') ?? '', path));
      expect(downloads, path).toContain(paths.downloads(lang));
    }
  }
});

test('an original says which translations it has, each with its side-by-side page', () => {
  for (const slug of slugs) {
    const path = paths.document('en', slug);
    const notice = builtPage(path).querySelector('.translation-notice');
    expect(words(notice?.text), path).toContain(uiStrings.en.translation.alsoIn);
    const targets = (notice?.querySelectorAll('a') ?? []).map((link) =>
      sitePathOf(link.getAttribute('href') ?? '', path),
    );
    expect(targets.sort(), path).toEqual(
      localeCodes
        .filter((code) => code !== 'en' && isWrittenIn(code, slug))
        .flatMap((code) => [paths.document(code, slug), paths.sideBySide(code, slug)])
        .sort(),
    );
  }
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`${colorScheme}: the paragraph a citation lands on is marked by a bar at least 3:1 against the page`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(`${paths.document('be', 'petition-to-the-ilo')}#p-12`);
    const paragraph = page.locator('#p-12');
    await expect(paragraph).toBeInViewport();
    const { bar, background } = await paragraph.evaluate((element) => ({
      // "rgb(…) -12px 0px 0px 0px, rgb(…) -16px 0px 0px 0px": a band of the tint, then the bar beyond it.
      bar:
        getComputedStyle(element)
          .boxShadow.match(/rgba?\([^)]*\)/g)
          ?.at(-1) ?? '',
      // The colour beside the bar: the nearest background that is not transparent.
      background: (() => {
        for (let parent = element.parentElement; parent; parent = parent.parentElement) {
          const colour = getComputedStyle(parent).backgroundColor;
          if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') return colour;
        }
        return 'rgb(255, 255, 255)';
      })(),
    }));
    expect(bar).not.toBe('');
    expect(contrast(bar, background)).toBeGreaterThanOrEqual(3);
    const unmarked = await page.locator('#p-11').evaluate((element) => getComputedStyle(element).boxShadow);
    expect(unmarked).toBe('none');
  });
}

test('the downloads page offers what a phone opens first: the e-book and single files, then the whole site', () => {
  for (const lang of localeCodes) {
    const headings = builtPage(paths.downloads(lang))
      .querySelectorAll('main h2')
      .map((heading) => words(heading.text));
    const strings = uiStrings[lang].downloads;
    expect(headings.indexOf(strings.book)).toBeLessThan(headings.indexOf(strings.archive));
    expect(headings.indexOf(strings.singles)).toBeLessThan(headings.indexOf(strings.archive));
  }
});

test('on a copy at another address, under a prefix, sharing offers that address first, then the main one; the QR code says it opens the main one', async ({
  page,
}) => {
  const copy = mirrorSettings.find((setting) => setting.prefix !== '/');
  if (copy === undefined) throw new Error('no mirror under a prefix to test');
  const path = paths.document('ru', 'petition-to-the-ilo');
  const here = new URL(path.slice(1), copy.url).href;
  const main = absoluteUrl(path);
  await page.goto(here);
  await expect(page.locator('#share-url')).toHaveValue(here);
  await expect(page.locator('.share-main')).toBeVisible();
  await expect(page.locator('.share-main')).toContainText(main);
  const hrefs = await page
    .locator('.share-links a')
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  const telegram = new URL(hrefs.find((href) => href.startsWith('https://t.me/')) ?? '');
  expect(telegram.searchParams.get('url')).toBe(here);
  expect(telegram.searchParams.get('text')).toContain(main);
  for (const href of hrefs.filter((candidate) => !candidate.startsWith('https://t.me/'))) {
    const message = decodeURIComponent(href);
    expect(message.indexOf(here), href).toBeGreaterThanOrEqual(0);
    expect(message.indexOf(here), href).toBeLessThan(message.indexOf(main));
  }
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(page.locator('.qr-main')).toBeVisible();
  await expect(page.locator('.qr-main')).toHaveText(uiStrings.ru.share.qrMain);
});

test('at the main address, even opened as index.html, sharing offers the main address alone', async ({ page }) => {
  const path = paths.document('en', 'petition-to-the-ilo');
  const main = absoluteUrl(path);
  // The main site, as its host serves it: the built files at the canonical address.
  await page.route(`${new URL(main).origin}/**`, (route) => {
    const pathname = new URL(route.request().url()).pathname;
    const file = join('dist', pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    return route.fulfill({ path: file });
  });
  for (const address of [main, `${main}index.html`]) {
    await page.goto(address);
    await expect(page.locator('#share-url')).toHaveValue(main);
    await expect(page.locator('.share-main')).toBeHidden();
  }
});

test('without JavaScript, a copy shares the main address, as its pages name it', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const copy = mirrorSettings.find((setting) => setting.prefix !== '/');
  const path = paths.document('be', 'petition-to-the-ilo');
  await page.goto(new URL(path.slice(1), copy?.url).href);
  await expect(page.locator('#share-url')).toHaveValue(absoluteUrl(path));
  await expect(page.locator('.share-main')).toBeHidden();
  await context.close();
});
