import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { HTMLElement } from 'node-html-parser';
import { localeCodes, locales } from '../../src/i18n/locales';
import { uiStrings } from '../../src/i18n/ui';
import { paths } from '../../src/lib/routes';
import { siteUrl } from '../../src/lib/site-url';
import { listFiles, pagePathOf } from '../../pipeline/after-render/site-files';
import { documentsIn, isWrittenIn } from '../support/content';
import { builtFile, builtPage, languagesOf, sitePages, sitePathOf, slugs } from './site';

/** An element's text as a reader sees it run together: whitespace collapsed. */
const textOf = (element: HTMLElement | null | undefined) => (element?.text ?? '').replace(/\s+/g, ' ').trim();

test('the list of pages (src/lib/pages.ts) is every HTML page the build wrote, beside the single files', async () => {
  const built = (await listFiles('dist')).filter((file) => file.endsWith('.html')).map(pagePathOf);
  const singleFiles = localeCodes.flatMap((lang) => documentsIn(lang).map(({ slug }) => paths.singleFile(lang, slug)));
  expect(built.sort()).toEqual([...sitePages.map(({ path }) => path), ...singleFiles].sort());
});

// What every page declares is in its HTML, read here as a crawler reads it; how pages render, with JavaScript on
// and off, is checked in a browser by security.spec.ts, which also opens each page on a phone-sized screen.
test.describe('every page', () => {
  for (const sitePage of sitePages) {
    const { path, lang, notFound } = sitePage;
    const alternatesTitle = notFound
      ? ', and no alternates: a 404 page asks not to be indexed'
      : ', names every language and x-default at absolute addresses, and each exists';
    test(`${path} is in ${lang} with title, description and landmarks${alternatesTitle}`, () => {
      const page = builtPage(path);
      expect(page.querySelector('html')?.getAttribute('lang')).toBe(lang);
      expect(textOf(page.querySelector('title'))).toMatch(/\S/);
      expect(page.querySelector('meta[name="description"]')?.getAttribute('content')).toMatch(/\S.{30,}/);
      expect(page.querySelectorAll('main')).toHaveLength(1);
      expect(page.querySelectorAll('h1')).toHaveLength(1);
      expect(page.querySelector('a.skip-link')?.getAttribute('href')).toBe('#content');
      const alternates = page.querySelectorAll('link[rel="alternate"][hreflang]');
      if (notFound) {
        expect(alternates).toHaveLength(0);
        expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
        return;
      }
      expect(alternates.map((link) => link.getAttribute('hreflang'))).toEqual([...languagesOf(sitePage), 'x-default']);
      for (const link of alternates) {
        const href = link.getAttribute('href') ?? '';
        expect(href.startsWith(siteUrl.href), `${link.getAttribute('hreflang')} alternate ${href} is absolute`).toBe(
          true,
        );
        expect(existsSync(builtFile(sitePathOf(href, path))), href).toBe(true);
      }
    });
  }
});

test.describe('language switcher', () => {
  for (const slug of slugs) {
    for (const from of localeCodes) {
      test(`leads from ${from} to the same document in every other language: ${slug}`, () => {
        const path = paths.document(from, slug);
        const switcher = builtPage(path).querySelector(`nav[aria-label="${uiStrings[from].nav.language}"]`);
        for (const to of localeCodes.filter((code) => code !== from)) {
          const link = switcher?.querySelectorAll('a').find((anchor) => textOf(anchor) === locales[to].name);
          expect(link?.getAttribute('lang'), `${from} → ${to}`).toBe(to);
          expect(sitePathOf(link?.getAttribute('href') ?? '', path)).toBe(paths.document(to, slug));
        }
      });
    }
  }

  test('marks the current language', () => {
    expect(textOf(builtPage(paths.home('be')).querySelector('.language-switcher [aria-current="page"]'))).toBe(
      locales.be.name,
    );
  });
});

test.describe('translations', () => {
  for (const slug of slugs) {
    for (const lang of localeCodes.filter((code) => code !== 'en' && isWrittenIn(code, slug))) {
      test(`${lang}/${slug} says it is a translation and links to the original`, () => {
        const path = paths.document(lang, slug);
        const notice = builtPage(path).querySelector('.translation-notice');
        expect(textOf(notice)).toContain(uiStrings[lang].translation.notice.replace(/\{\{.*$/, '').trim());
        const original = notice
          ?.querySelectorAll('a')
          .find((link) => textOf(link) === uiStrings[lang].translation.readOriginal);
        expect(sitePathOf(original?.getAttribute('href') ?? '', path)).toBe(paths.document('en', slug));
      });
    }
  }

  test('the originals do not say they are translations: they say which translations they have', () => {
    for (const slug of slugs) {
      const notice = textOf(builtPage(paths.document('en', slug)).querySelector('.translation-notice'));
      expect(notice, slug).not.toContain(uiStrings.en.translation.notice.replace(/\{\{.*$/, '').trim());
      expect(notice, slug).toContain(uiStrings.en.translation.alsoIn);
    }
  });
});

test('the language chooser offers every language with the site title and description in it, none as current', () => {
  const page = builtPage(paths.languageChooser());
  expect(page.querySelectorAll('[aria-current]')).toHaveLength(0);
  expect(page.querySelectorAll('.language-switcher')).toHaveLength(0);
  for (const lang of localeCodes) {
    const choice = page.querySelector(`.language-chooser li[lang="${lang}"]`);
    expect(textOf(choice)).toContain(locales[lang].name);
    expect(textOf(choice)).toContain(uiStrings[lang].site.title);
    expect(textOf(choice)).toContain(uiStrings[lang].site.description);
    expect(sitePathOf(choice?.querySelector('a')?.getAttribute('href') ?? '', paths.languageChooser())).toBe(
      paths.home(lang),
    );
    expect(textOf(page.querySelector('h1'))).toContain(uiStrings[lang].nav.chooseLanguage);
    expect(textOf(page.querySelector('title'))).toContain(uiStrings[lang].site.shortTitle);
  }
});

test('home pages list every document with its date and author', () => {
  for (const lang of localeCodes) {
    const items = builtPage(paths.home(lang)).querySelectorAll('.document-list > li');
    expect(items, lang).toHaveLength(slugs.length);
    expect(items.filter((item) => item.querySelector('time') !== null)).toHaveLength(slugs.length);
  }
});

test('every class the pages’ CSS styles is one that a page or a script of the site uses: no rule a reader downloads for nothing', async () => {
  const files = await listFiles('dist');
  // Every page, the single-file copies in downloads/ included.
  const pages = files.filter((file) => file.endsWith('.html')).map((file) => builtPage(pagePathOf(file)));
  const scripts = [
    ...pages.flatMap((page) => page.querySelectorAll('script').map((script) => script.rawText)),
    ...(await Promise.all(
      files
        .filter((file) => file.startsWith('_astro/') && file.endsWith('.js'))
        .map((file) => readFile(builtFile(`/${file}`), 'utf8')),
    )),
  ].join('\n');
  const used = new Set(
    pages.flatMap((page) => page.querySelectorAll('[class]').flatMap((element) => [...element.classList.values()])),
  );
  const styled = new Set(
    pages.flatMap((page) =>
      page
        .querySelectorAll('style')
        .flatMap((style) =>
          [...style.rawText.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map(
            ([, name = '']) => name,
          ),
        ),
    ),
  );
  expect(styled.size).toBeGreaterThan(20);
  expect([...styled].filter((name) => !used.has(name) && !scripts.includes(name))).toEqual([]);
});
