/**
 * A language the site does not ship, added as a volunteer adds one (tests/support/fixture-language.ts): its
 * locale line, half the interface strings and one of the five documents. One build of a copy of the project
 * with it, shared by these tests, read as a reader on a phone reads it, without JavaScript: the translated
 * document in that language; the others as the original, marked `lang="en"`, with the notice; only the real
 * translation in hreflang, the sitemap and the feed; the home listing all five. Every be, ru and en page of
 * that build is the normal build's but for the language switchers and the alternates.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { completeLocaleCodes, type Locale } from '../../src/i18n/locales';
import { stringAt } from '../../src/i18n/string-keys';
import { uiStrings } from '../../src/i18n/ui';
import { documentSchema } from '../../src/content/schema';
import { timeline } from '../../src/data/timeline';
import { splitFrontMatter } from '../../src/lib/mdx';
import { releaseDate } from '../../src/lib/release-revision';
import { paths } from '../../src/lib/routes';
import { absoluteUrl } from '../../src/lib/site-url';
import { serve } from '../../pipeline/mirror-tools/serve';
import { addFixtureLanguage, copyProject, fixtureDocument, fixtureLanguage } from '../support/fixture-language';
import { readDocument, slugs } from '../support/content';
import { temporary } from './hosts';
import { documentResults, settled } from './search';

const run = promisify(execFile);
const lang = fixtureLanguage as Locale;
const fixture = 'tests/fixtures/partial-language';
const fixtureStrings = JSON.parse(readFileSync(path.join(fixture, `${fixtureLanguage}.json`), 'utf8')) as object;
/** A string as the fixture language shows it: its own, or the English one where its file has none. */
function shownString(key: string): { text: string; lang: string } {
  const own = stringAt(fixtureStrings, key);
  return own === undefined
    ? { text: String(stringAt(uiStrings.en, key)), lang: 'en' }
    : { text: own, lang: fixtureLanguage };
}
const fixtureTitle = documentSchema.parse(
  splitFrontMatter(readFileSync(path.join(fixture, 'documents', fixtureLanguage, `${fixtureDocument}.mdx`), 'utf8'))
    .frontMatter,
).title;
const untranslated = slugs.filter((slug) => slug !== fixtureDocument);
const at = (sitePath: string) => new URL(sitePath.slice(1), root).href;

test.describe.configure({ mode: 'serial' });
test.use({ javaScriptEnabled: false });

let project: string;
let built: string;
let server: Server;
let root: string;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  project = temporary('partial-language');
  await copyProject(project);
  await addFixtureLanguage(project);
  // The release date the normal build was made with, so that the two builds' pages can be compared.
  const released = releaseDate(process.cwd());
  const environment = { ...process.env, SOURCE_DATE_EPOCH: released ? String(released.getTime() / 1000) : '' };
  await run(process.execPath, ['pipeline/build.ts'], { cwd: project, env: environment, maxBuffer: 64 * 1024 * 1024 });
  built = path.join(project, 'dist');
  server = await serve({ dir: built, port: 0, prefix: '/' });
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

test.afterAll(async () => {
  await new Promise((resolve) => {
    server.closeAllConnections();
    server.close(resolve);
  });
  rmSync(project, { recursive: true, force: true });
});

test('the translated document is served in that language, as a translation of its original', async ({ page }) => {
  await page.goto(at(paths.document(lang, fixtureDocument)));
  await expect(page.locator('html')).toHaveAttribute('lang', fixtureLanguage);
  await expect(page.locator('h1')).toHaveText(fixtureTitle);
  expect(await page.locator('article').getAttribute('lang')).toBeNull();
  await expect(page.getByRole('link', { name: shownString('translation.readOriginal').text })).toHaveAttribute(
    'href',
    `../../en/${fixtureDocument}/`,
  );
});

for (const slug of untranslated) {
  test(`${slug} is under /${fixtureLanguage}/ as the original, marked lang="en", with the notice and the translations`, async ({
    page,
  }) => {
    await page.goto(at(paths.document(lang, slug)));
    await expect(page.locator('html')).toHaveAttribute('lang', fixtureLanguage);
    const article = page.locator('article');
    await expect(article).toHaveAttribute('lang', 'en');
    await expect(article.locator('h1')).toHaveText(readDocument('en', slug).data.title);
    const notice = page.locator('main > .translation-notice');
    const expected = shownString('translation.notYet');
    const sentence = notice.locator('p').first();
    await expect(sentence).toBeVisible();
    await expect(sentence).toHaveText(
      expected.text.replace(
        '{{language}}',
        expected.lang === 'en' ? uiStrings.en.languageName.en : shownString('languageName.en').text,
      ),
    );
    expect(await sentence.getAttribute('lang')).toBe(expected.lang === fixtureLanguage ? null : 'en');
    // The notice comes before the text, where a reader sees it first.
    expect(await notice.evaluate((aside) => aside.nextElementSibling?.tagName)).toBe('ARTICLE');
    const links = await notice
      .locator('a')
      .evaluateAll((anchors) =>
        anchors.map((anchor) => [anchor.getAttribute('hreflang'), anchor.getAttribute('href')]),
      );
    expect(links).toEqual(completeLocaleCodes.map((code) => [code, `../../${code}/${slug}/`]));
    // Its link preview is the original's card, which the build drew (it draws none for a missing translation).
    const image = paths.previewImage('en', slug);
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', absoluteUrl(image));
    expect(existsSync(path.join(built, image))).toBe(true);
  });
}

test('the site pages it has not translated show the original, marked lang="en", with the notice', async ({ page }) => {
  for (const route of ['introduction', 'about', 'mirrors', 'project'] as const) {
    await page.goto(at(paths[route](lang)));
    await expect(page.locator('article')).toHaveAttribute('lang', 'en');
    await expect(page.locator('main > .translation-notice a')).toHaveCount(completeLocaleCodes.length);
  }
});

test('the timeline and the names index show their English text, marked as such, until translated', async ({ page }) => {
  await page.goto(at(paths.timeline(lang)));
  const [first] = timeline;
  if (!first) throw new Error('the timeline is empty');
  const line = page.locator('.timeline > li').first().locator('p').nth(1);
  await expect(line).toHaveText(first.text.en);
  await expect(line).toHaveAttribute('lang', 'en');
  await page.goto(at(paths.names(lang)));
  const name = page.locator('.names-index li > p > span[lang="en"] strong').first();
  await expect(name).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', fixtureLanguage);
});

test.describe('with JavaScript', () => {
  test.use({ javaScriptEnabled: true });

  test('its search finds its translation, and the originals, marked as such', async ({ page }) => {
    await page.goto(at(paths.search(lang)));
    await page.getByLabel(shownString('search.label').text).fill('Ryder');
    await page.getByLabel(shownString('search.label').text).press('Enter');
    await settled(page);
    // Each result's link: its title, then the paragraph it leads to.
    const titles = (await page.locator(`${documentResults} a`).allInnerTexts()).map((text) =>
      text.replace(/\s¶\s\d+$/, ''),
    );
    const original = readDocument('en', 'industriall-letter-to-the-ilo').data.title;
    expect(titles).toEqual(
      expect.arrayContaining([fixtureTitle, `${original} (${shownString('translation.notYetShort').text})`]),
    );
    expect(titles).toHaveLength(2);
  });
});

test('hreflang, the sitemap and the feed list only the real translation', async ({ request }) => {
  const own = `/${fixtureLanguage}/${fixtureDocument}/`;
  for (const slug of slugs) {
    for (const code of [...completeLocaleCodes, fixtureLanguage]) {
      const html = await (await request.get(at(`/${code}/${slug}/`))).text();
      const alternates = [...html.matchAll(/<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)"/g)];
      const fixtureAlternates = alternates
        .filter(([, hreflang]) => hreflang === fixtureLanguage)
        .map(([, , href]) => new URL(href ?? '').pathname);
      expect(fixtureAlternates, `/${code}/${slug}/`).toEqual(slug === fixtureDocument ? [own] : []);
      expect(alternates.length, `/${code}/${slug}/`).toBeGreaterThan(completeLocaleCodes.length);
    }
  }
  const sitemap = await (await request.get(at(paths.sitemap()))).text();
  const listed = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map(([, url]) => new URL(url ?? '').pathname);
  expect(listed).toContain(own);
  expect(listed).toContain(`${own}side-by-side/`);
  for (const slug of untranslated) expect(listed).not.toContain(`/${fixtureLanguage}/${slug}/`);
  expect(sitemap).not.toMatch(new RegExp(`hreflang="${fixtureLanguage}" href="[^"]*/(${untranslated.join('|')})/`));
  const feed = await (await request.get(at(paths.feed(lang)))).text();
  expect([...feed.matchAll(/<entry>/g)]).toHaveLength(1);
  expect(feed).toContain(own);
});

test('its home lists all five documents, each marked translated or not', async ({ page }) => {
  await page.goto(at(paths.home(lang)));
  // Its first way in, the introduction, is the English one until translated, and says so.
  await expect(page.locator('.start-here a').first()).toHaveAttribute('lang', 'en');
  const items = page.locator('.document-list > li');
  await expect(items).toHaveCount(slugs.length);
  const mark = shownString('translation.notYetShort').text;
  for (const slug of slugs) {
    const item = items.filter({ has: page.locator(`a[href="${slug}/"]`) });
    const link = item.locator(`a[href="${slug}/"]`);
    if (slug === fixtureDocument) {
      await expect(link).toHaveText(fixtureTitle);
      expect(await link.getAttribute('lang')).toBeNull();
      await expect(item).not.toContainText(mark);
    } else {
      await expect(link).toHaveText(readDocument('en', slug).data.title);
      await expect(link).toHaveAttribute('lang', 'en');
      await expect(item).toContainText(mark);
    }
  }
});

/**
 * A page with what adding a language rightly changes taken out: links to the new language's pages (the
 * language switchers, the list of a text's languages and their side-by-side links, the single files), its
 * alternates, its name among the languages to keep offline, the search index's stamp, and the sizes of the
 * files that carry a language switcher, and of the site's archive, which holds the new language too.
 */
function withoutNewLanguage(html: string): string {
  return html
    .replace(new RegExp(`<li>\\s*<a [^>]*hreflang="${fixtureLanguage}"[^>]*>.*?</li>`, 'gs'), '')
    .replace(
      new RegExp(`(\\s·\\s)?<a [^>]*hreflang="${fixtureLanguage}"[^>]*>[^<]*</a>( \\(<a [^>]*>[^<]*</a>\\))?`, 'g'),
      '',
    )
    .replace(new RegExp(`<link rel="alternate" hreflang="${fixtureLanguage}"[^>]*>`, 'g'), '')
    .replace(new RegExp(`<meta property="og:locale:alternate" content="${fixtureLanguage}_[A-Z]+">`, 'g'), '')
    .replace(new RegExp(`,&quot;${fixtureLanguage}&quot;:&quot;[^&]*&quot;`, 'g'), '')
    .replace(/pagefind-entry\.json\?ts=[0-9a-f]+/g, 'pagefind-entry.json')
    .replace(/data-cache-tag="[0-9a-f]+"/g, 'data-cache-tag=""')
    .replace(/<span>[\d.,]+\s[^<]{1,3}<\/span>/g, '<span>(size)</span>');
}

test('every be, ru and en page is the normal build’s but for the language switchers and the alternates', () => {
  const pagesOf = (dir: string) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.html'))
      .filter((file) =>
        completeLocaleCodes.some((code) => file.startsWith(`${code}/`) || file.startsWith(`downloads/${code}/`)),
      )
      .sort();
  const normal = pagesOf('dist');
  expect(normal.length).toBeGreaterThan(60);
  expect(pagesOf(built)).toEqual(normal);
  const changed = normal.filter(
    (file) =>
      withoutNewLanguage(readFileSync(path.join('dist', file), 'utf8')) !==
      withoutNewLanguage(readFileSync(path.join(built, file), 'utf8')),
  );
  expect(changed).toEqual([]);
  // And something was taken out: the language switchers name the new language.
  expect(readFileSync(path.join(built, 'en/index.html'), 'utf8')).toContain(`hreflang="${fixtureLanguage}"`);
});
