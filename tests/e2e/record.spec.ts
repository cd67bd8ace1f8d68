import { expect, test, type Page } from '@playwright/test';
import { timeline } from '../../src/data/timeline';
import { localeCodes, type Locale } from '../../src/i18n/locales';
import { uiStrings } from '../../src/i18n/ui';
import { namesIndex } from '../../src/lib/names-index';
import { paths } from '../../src/lib/routes';
import { documentParagraphs } from '../support/paragraphs';
import { slugs } from './site';

/** The pages that tell a newcomer what the record is: each cites the documents' paragraphs. */
const contextPages = [
  { name: 'introduction', path: paths.introduction },
  { name: 'timeline', path: paths.timeline },
  { name: 'names', path: paths.names },
];

const documentPaths = new Set(localeCodes.flatMap((lang) => slugs.map((slug) => paths.document(lang, slug))));

/** Every link in the page's main content that leads to a document, as a path and a fragment. */
async function documentLinks(page: Page): Promise<{ path: string; hash: string }[]> {
  const hrefs = await page
    .locator('main a[href]')
    .evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
  return hrefs
    .map((href) => new URL(href))
    .filter((url) => documentPaths.has(url.pathname))
    .map((url) => ({ path: url.pathname, hash: url.hash }));
}

for (const { name, path } of contextPages) {
  for (const lang of localeCodes) {
    test(`${lang} ${name}: every link into a document leads to a paragraph that exists`, async ({ page }) => {
      await page.goto(path(lang));
      const links = await documentLinks(page);
      expect(links.length).toBeGreaterThan(10);
      for (const link of links) expect(link.hash, `${link.path} without a paragraph`).toMatch(/^#p-\d+$/);
      const byPage = Map.groupBy(links, (link) => link.path);
      for (const [documentPath, targets] of byPage) {
        expect(documentPath.startsWith(`/${lang}/`), `${documentPath} is in ${lang}`).toBe(true);
        await page.goto(documentPath);
        for (const { hash } of new Set(targets)) {
          const target = page.locator(`.document-text ${hash}`);
          await expect(target, `${documentPath}${hash}`).toHaveCount(1);
          expect(await target.evaluate((element) => element.tagName)).toMatch(/^(P|LI)$/);
        }
      }
    });
  }

  test(`the ${name} cites the same paragraphs in every language`, async ({ page }) => {
    const cited: Record<string, string[]> = {};
    for (const lang of localeCodes) {
      await page.goto(path(lang));
      cited[lang] = (await documentLinks(page)).map(({ path: target, hash }) => `${target.slice(4)}${hash}`);
    }
    for (const lang of localeCodes) expect(cited[lang]).toEqual(cited['en']);
  });
}

for (const lang of localeCodes) {
  test(`${lang} timeline: every event with its date, its line and its paragraphs, in order`, async ({ page }) => {
    await page.goto(paths.timeline(lang));
    const events = page.locator('ol.timeline > li');
    await expect(events).toHaveCount(timeline.length);
    for (const [index, event] of timeline.entries()) {
      const item = events.nth(index);
      await expect(item).toContainText(event.text[lang]);
      const numbers = Object.values(event.sources).flat().length;
      await expect(item.locator('.source-list a')).toHaveCount(numbers);
    }
  });

  test(`${lang} names: people, organisations and places, each with its paragraphs`, async ({ page }) => {
    const index = namesIndex(documentParagraphs);
    await page.goto(paths.names(lang));
    for (const kind of ['person', 'organisation', 'place'] as const) {
      const section = page.locator(`section:has(h2#${kind})`);
      await expect(section.locator('h2')).toHaveText(uiStrings[lang].names[kind]);
      const entries = index.filter((name) => name.kind === kind);
      await expect(section.locator('.names-index > li')).toHaveCount(entries.length);
      for (const entry of entries) {
        const item = section
          .locator('.names-index > li')
          .filter({ has: page.getByText(entry.index.name[lang], { exact: true }) });
        if (entry.index.role) await expect(item).toContainText(entry.index.role[lang]);
        const count = entry.mentions.reduce((sum, mention) => sum + mention.paragraphs.length, 0);
        await expect(item.locator('.source-list a')).toHaveCount(count);
      }
    }
  });

  test(`${lang} introduction: 200 to 400 words, each paragraph citing the documents`, async ({ page }) => {
    await page.goto(paths.introduction(lang));
    const article = page.locator('main article');
    const words = (await article.locator('p').allInnerTexts())
      .join(' ')
      .split(/\s+/)
      .filter((word) => /\p{L}/u.test(word));
    expect(words.length).toBeGreaterThanOrEqual(200);
    expect(words.length).toBeLessThanOrEqual(400);
    for (const paragraph of await article.locator('p').all()) {
      await expect(paragraph.locator('a[href*="#p-"]').first(), await paragraph.innerText()).toBeAttached();
    }
  });
}

test('the home page starts a newcomer at the introduction, the timeline and the names', async ({ page }) => {
  for (const lang of localeCodes as Locale[]) {
    await page.goto(paths.home(lang));
    const start = page.locator('.start-here');
    for (const target of [paths.introduction(lang), paths.timeline(lang), paths.names(lang)]) {
      const href = await start.locator(`a[href="${target.slice(4)}"]`).count();
      expect(href, target).toBe(1);
    }
  }
});
