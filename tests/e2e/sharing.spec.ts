import { readFileSync, statSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { releaseRevision } from '../../src/lib/release-revision';
import { localeCodes, locales, type Locale } from '../../src/i18n/locales';
import { uiStrings } from '../../src/i18n/ui';
import { cardText, chooserCard, documentCard, homeCard } from '../../src/lib/preview-card';
import { previewTitleLength } from '../../src/content/schema';
import { documentsIn, shownDocument } from '../support/content';
import { paths } from '../../src/lib/routes';
import { absoluteUrl, siteUrl } from '../../src/lib/site-url';
import { mainSite } from './mirrors';
import { builtFile, builtPage, languagesOf, sitePages, sitePathOf, slugs } from './site';

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex'), `${file} is a PNG`).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const previewTags = [
  'og:type',
  'og:title',
  'og:description',
  'og:url',
  'og:site_name',
  'og:locale',
  'og:image',
  'og:image:width',
  'og:image:height',
  'og:image:alt',
];

// Link previews are drawn by the messengers' crawlers, which read the HTML and run no script: so are they checked.
for (const sitePage of sitePages) {
  const { path, lang } = sitePage;
  test(`${path} has a complete link preview in ${lang}`, () => {
    const page = builtPage(path);
    const content = (property: string) =>
      page.querySelector(`meta[property="${property}"]`)?.getAttribute('content') ?? null;
    for (const property of previewTags) expect(content(property), property).toMatch(/\S/);
    expect(page.querySelector('meta[name="twitter:card"]')?.getAttribute('content')).toBe('summary_large_image');
    expect(content('og:locale')).toBe(locales[lang].openGraph);
    const alternates = page
      .querySelectorAll('meta[property="og:locale:alternate"]')
      .map((meta) => meta.getAttribute('content'));
    expect(alternates.sort()).toEqual(
      languagesOf(sitePage)
        .filter((code) => code !== lang)
        .map((code) => locales[code].openGraph)
        .sort(),
    );
    const canonical = page.querySelector('link[rel="canonical"]')?.getAttribute('href');
    expect(canonical).toBe(absoluteUrl(path));
    expect(content('og:url')).toBe(canonical);

    const image = String(content('og:image'));
    expect(image.startsWith(siteUrl.href)).toBe(true);
    const file = builtFile(sitePathOf(image, path));
    expect(pngSize(file)).toEqual({ width: 1200, height: 630 });
    expect(statSync(file).size).toBeLessThan(100 * 1024);
    expect(content('og:image:width')).toBe('1200');
    expect(content('og:image:height')).toBe('630');
  });
}

/** The card each page's preview image is drawn from, which its alt text must describe. */
function cardOf(path: string, lang: Locale, slug: string | undefined) {
  if (path === paths.languageChooser()) return chooserCard();
  if (slug === undefined) return homeCard(lang);
  // Where a partial language shows the original, the original's card.
  const shown = shownDocument(lang, slug);
  return documentCard(shown.lang, shown.data);
}

const metaContent = (path: string, selector: string) =>
  builtPage(path).querySelector(`meta[${selector}]`)?.getAttribute('content') ?? null;

test.describe('what a preview says', () => {
  for (const { path, lang, slug } of sitePages) {
    test(`${path}: the image's alt text is what the image shows`, () => {
      const alt = metaContent(path, 'property="og:image:alt"');
      expect(alt).toBe(cardText(cardOf(path, lang, slug)));
      expect(metaContent(path, 'name="twitter:image:alt"')).toBe(alt);
      expect(metaContent(path, 'property="og:image"')).toBe(
        absoluteUrl(
          path === paths.languageChooser()
            ? paths.chooserPreviewImage()
            : paths.previewImage(slug === undefined ? lang : shownDocument(lang, slug).lang, slug),
        ),
      );
    });
  }

  for (const lang of localeCodes) {
    for (const slug of slugs) {
      test(`${lang}/${slug}: an article with its author, its date where it has one, and a short title`, () => {
        const { data } = shownDocument(lang, slug);
        const path = paths.document(lang, slug);
        expect(metaContent(path, 'property="og:type"')).toBe('article');
        expect(metaContent(path, 'property="article:author"')).toBe(data.author);
        // A title longer than previews show has a short one for them.
        const previewTitle = metaContent(path, 'property="og:title"');
        expect(previewTitle).toBe(data.previewTitle ?? data.title);
        expect(previewTitle?.length).toBeLessThanOrEqual(previewTitleLength);
        expect(metaContent(path, 'property="article:published_time"')).toBe(
          typeof data.date === 'string' ? data.date : null,
        );
      });
    }
  }

  test('the language chooser previews in every language', () => {
    const path = paths.languageChooser();
    for (const lang of localeCodes) {
      expect(metaContent(path, 'property="og:title"')).toContain(uiStrings[lang].site.shortTitle);
      expect(metaContent(path, 'property="og:description"')).toContain(uiStrings[lang].site.description);
      expect(metaContent(path, 'property="og:site_name"')).toContain(uiStrings[lang].site.shortTitle);
    }
  });
});

for (const slug of slugs) {
  for (const lang of localeCodes) {
    test(`${lang}/${slug}: share links carry the title and address, and the copy field shows it`, () => {
      const path = paths.document(lang, slug);
      const page = builtPage(path);
      const title = page.querySelector('h1')?.text.trim();
      const url = absoluteUrl(path);
      const href = (service: string) =>
        page.querySelector(`.share a[data-service="${service}"]`)?.getAttribute('href') ?? '';

      const telegram = new URL(href('telegram'));
      expect(telegram.origin).toBe('https://t.me');
      expect(telegram.searchParams.get('url')).toBe(url);
      expect(telegram.searchParams.get('text')).toBe(title);
      expect(new URL(href('whatsapp')).searchParams.get('text')).toBe(`${title}\n${url}`);
      expect(decodeURIComponent(href('viber').replace('viber://forward?text=', ''))).toBe(`${title}\n${url}`);
      const email = new URL(href('email'));
      expect(email.searchParams.get('subject')).toBe(title);
      expect(email.searchParams.get('body')).toBe(url);
      expect(page.querySelector('#share-url')?.getAttribute('value')).toBe(url);
      expect(page.querySelector('.qr-code img'), 'the QR code').not.toBeNull();
    });
  }
}

test('a phone shows no QR code, which it would scan, not show; a wide screen does', async ({ page }) => {
  await page.goto(paths.document('be', slugs[0] ?? ''));
  await expect(page.locator('.qr-code img')).toBeHidden();
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(page.locator('.qr-code img')).toBeVisible();
});

test('the copy button copies the address, and without JavaScript the address is still there to copy', async ({
  browser,
}) => {
  const path = paths.document('ru', slugs[0] ?? '');
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(new URL(path.slice(1), mainSite).href);
  await page.locator('.share button[data-copied]').click();
  // Served at 127.0.0.1, not at the address it was built for, the page is a copy: its own address comes first.
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(path.slice(1), mainSite).href);
  await expect(page.locator('.share [role="status"]')).not.toBeEmpty();
  await context.close();

  const withoutScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await withoutScript.newPage();
  await plain.goto(new URL(path.slice(1), mainSite).href);
  await expect(plain.locator('.share button')).toHaveCount(2);
  for (const button of await plain.locator('.share button').all()) await expect(button).toBeHidden();
  await expect(plain.locator('#share-url')).toHaveValue(absoluteUrl(path));
  await withoutScript.close();
});

test('where the browser can share (the Web Share API), a button hands it the title and address', async ({
  browser,
}) => {
  const path = paths.document('be', slugs[0] ?? '');
  const context = await browser.newContext();
  // Chromium on Linux has no share sheet; this stands in for a phone's, recording what the page hands it.
  await context.addInitScript(() => {
    Object.defineProperty(navigator, 'share', {
      value: async (data: ShareData) => {
        (window as unknown as { shared: ShareData }).shared = data;
      },
    });
  });
  const page = await context.newPage();
  await page.goto(new URL(path.slice(1), mainSite).href);
  const button = page.locator('.share-button');
  await expect(button).toBeVisible();
  await button.click();
  const shared = await page.evaluate(() => (window as unknown as { shared: ShareData }).shared);
  expect(shared).toEqual({ title: await page.locator('h1').innerText(), url: new URL(path.slice(1), mainSite).href });
  await context.close();

  const withoutShare = await browser.newContext();
  const plain = await withoutShare.newPage();
  await plain.goto(new URL(path.slice(1), mainSite).href);
  expect(await plain.evaluate(() => 'share' in navigator)).toBe(false);
  await expect(plain.locator('.share-button')).toBeHidden();
  await expect(plain.locator('.share-links a')).toHaveCount(4);
  await withoutShare.close();
});

test('share links make no request until tapped', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).hostname));
  await page.goto(paths.document('be', slugs[0] ?? ''));
  expect(requests.filter((host) => host !== '127.0.0.1')).toEqual([]);
});

test('printing a document shows its address and QR code, without navigation or share links', async ({ page }) => {
  await page.goto(paths.document('en', slugs[0] ?? ''));
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-url')).toBeVisible();
  await expect(page.locator('.qr-code img')).toBeVisible();
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.share')).toBeHidden();
  await expect(page.locator('.document-nav')).toBeHidden();
  await expect(page.locator('.site-footer')).toBeHidden();
});

/** The pages of a PDF, counted from its page objects. */
const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;

for (const lang of localeCodes) {
  test(`printing each ${lang} document: the address and QR code stay on the last page of text`, async ({ page }) => {
    for (const slug of slugs) {
      await test.step(slug, async () => {
        await page.emulateMedia({ media: 'screen' });
        await page.goto(paths.document(lang, slug));
        await page.emulateMedia({ media: 'print' });
        const footer = page.locator('.document-footer');
        await expect(footer.locator('.print-url')).toBeVisible();
        await expect(footer.locator('.qr-code img')).toBeVisible();
        const withFooter = pdfPages(await page.pdf({ format: 'A4' }));
        await footer.evaluate((element) => element.remove());
        const withoutFooter = pdfPages(await page.pdf({ format: 'A4' }));
        expect.soft(withFooter, `${slug}: the address and code take no page of their own`).toBe(withoutFooter);
      });
    }
  });
}

test('printing shows the full address of every link in a document, internal links included', async ({ page }) => {
  await page.goto(paths.document('ru', 'ilo-urges-belarus'));
  await page.emulateMedia({ media: 'print' });
  // The "¶ 12" links point at their own paragraph: on paper the number is the address.
  const printed = await page
    .locator('.document-text a:not(.pn)')
    .evaluateAll((links) => links.map((link) => getComputedStyle(link, '::after').content));
  expect(printed).toContain(`" (${absoluteUrl(paths.document('ru', 'industriall-letter-to-the-ilo'))})"`);
  expect(printed.every((content) => /^" \((https?|mailto):/.test(content))).toBe(true);
});

test.describe('feeds and indexes', () => {
  async function parseXml(page: import('@playwright/test').Page, file: string) {
    const text = readFileSync(`dist/${file}`, 'utf8');
    return page.evaluate((xml) => {
      const document = new DOMParser().parseFromString(xml, 'application/xml');
      const error = document.querySelector('parsererror');
      return {
        error: error?.textContent ?? null,
        entries: [...document.querySelectorAll('entry')].map((entry) => ({
          title: entry.querySelector('title')?.textContent,
          link: entry.querySelector('link')?.getAttribute('href'),
          updated: entry.querySelector('updated')?.textContent,
          author: entry.querySelector('author name')?.textContent,
          summary: entry.querySelector('summary')?.textContent,
        })),
        locs: [...document.getElementsByTagName('loc')].map((loc) => loc.textContent),
        lastmods: [...document.getElementsByTagName('url')].map(
          (url) => url.getElementsByTagName('lastmod')[0]?.textContent,
        ),
        alternates: document.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'link').length,
      };
    }, text);
  }

  for (const lang of localeCodes) {
    test(`the ${lang} Atom feed parses and lists every document, and pages link to it`, async ({ page }) => {
      await page.goto(paths.home(lang));
      const feedHref = await page.locator('link[type="application/atom+xml"]').getAttribute('href');
      expect(new URL(String(feedHref), page.url()).pathname).toBe(paths.feed(lang));
      const feed = await parseXml(page, paths.feed(lang).slice(1));
      expect(feed.error).toBeNull();
      expect(feed.entries.map((entry) => entry.link).sort()).toEqual(
        documentsIn(lang)
          .map(({ slug }) => absoluteUrl(paths.document(lang, slug)))
          .sort(),
      );
      for (const entry of feed.entries) {
        expect(entry.title).toMatch(/\S/);
        expect(entry.author).toMatch(/\S/);
        expect(entry.summary).toMatch(/\S/);
        expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      }
    });
  }

  test('the sitemap parses and lists every page in every language with alternates, and robots.txt points at it', async ({
    page,
  }) => {
    const map = await parseXml(page, 'sitemap.xml');
    expect(map.error).toBeNull();
    // Only real translations: not the originals a partial language shows where it has none.
    const listed = sitePages.filter((sitePage) => !sitePage.notFound && languagesOf(sitePage).includes(sitePage.lang));
    const expected = listed.map(({ path }) => absoluteUrl(path));
    expect(map.locs.sort()).toEqual(expected.sort());
    // Every language the page is written in, and x-default, as each page's head names them.
    expect(map.alternates).toBe(listed.reduce((sum, sitePage) => sum + languagesOf(sitePage).length + 1, 0));
    const revision = releaseRevision(process.cwd());
    expect(revision, 'the tests run in a clone, which has a release date').toBeDefined();
    const releaseDay = new Date((revision?.timestamp ?? 0) * 1000).toISOString().slice(0, 10);
    expect(map.lastmods).toEqual(expected.map(() => releaseDay));
    expect(readFileSync('dist/robots.txt', 'utf8')).toContain(`Sitemap: ${absoluteUrl(paths.sitemap())}`);
  });
});
