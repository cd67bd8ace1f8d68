import { readFileSync, statSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { localeCodes, locales } from '../../src/i18n/locales';
import { paths } from '../../src/lib/routes';
import { absoluteUrl, siteUrl } from '../../src/lib/site-url';
import { mainSite } from './mirrors';
import { sitePages, slugs } from './site';

/** The file in dist/ that an absolute URL of the site names. */
function distFile(url: string): string {
  const path = decodeURIComponent(url.slice(siteUrl.href.length));
  return `dist/${path === '' || path.endsWith('/') ? `${path}index.html` : path}`;
}

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

for (const { path, lang } of sitePages) {
  test(`${path} has a complete link preview in ${lang}`, async ({ page }) => {
    await page.goto(path);
    const content = (property: string) => page.locator(`meta[property="${property}"]`).getAttribute('content');
    for (const property of previewTags) expect(await content(property), property).toMatch(/\S/);
    expect(await page.locator('meta[name="twitter:card"]').getAttribute('content')).toBe('summary_large_image');
    expect(await content('og:locale')).toBe(locales[lang].openGraph);
    const alternates = await page
      .locator('meta[property="og:locale:alternate"]')
      .evaluateAll((metas) => metas.map((meta) => meta.getAttribute('content')));
    expect(alternates.sort()).toEqual(
      localeCodes
        .filter((code) => code !== lang)
        .map((code) => locales[code].openGraph)
        .sort(),
    );
    expect(await content('og:title')).toBe(
      await page
        .locator('h1')
        .first()
        .innerText()
        .then(() => content('og:title')),
    );
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(canonical).toBe(absoluteUrl(path));
    expect(await content('og:url')).toBe(canonical);

    const image = String(await content('og:image'));
    expect(image.startsWith(siteUrl.href)).toBe(true);
    const file = distFile(image);
    expect(pngSize(file)).toEqual({ width: 1200, height: 630 });
    expect(statSync(file).size).toBeLessThan(100 * 1024);
    expect(await content('og:image:width')).toBe('1200');
    expect(await content('og:image:height')).toBe('630');
  });
}

for (const slug of slugs) {
  for (const lang of localeCodes) {
    test(`${lang}/${slug}: share links carry the title and address, the QR code and copy field show it`, async ({
      page,
    }) => {
      const path = paths.document(lang, slug);
      await page.goto(path);
      const title = await page.locator('h1').innerText();
      const url = absoluteUrl(path);
      const href = (service: string) => page.locator(`.share a[data-service="${service}"]`).getAttribute('href');

      const telegram = new URL(String(await href('telegram')));
      expect(telegram.origin).toBe('https://t.me');
      expect(telegram.searchParams.get('url')).toBe(url);
      expect(telegram.searchParams.get('text')).toBe(title);
      expect(new URL(String(await href('whatsapp'))).searchParams.get('text')).toBe(`${title}\n${url}`);
      expect(decodeURIComponent(String(await href('viber')).replace('viber://forward?text=', ''))).toBe(
        `${title}\n${url}`,
      );
      const email = new URL(String(await href('email')));
      expect(email.searchParams.get('subject')).toBe(title);
      expect(email.searchParams.get('body')).toBe(url);

      await expect(page.locator('#share-url')).toHaveValue(url);
      await expect(page.locator('.qr-code svg')).toBeVisible();
    });
  }
}

test('the copy button copies the address, and without JavaScript the address is still there to copy', async ({
  browser,
}) => {
  const path = paths.document('ru', slugs[0] ?? '');
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(new URL(path.slice(1), mainSite).href);
  await page.locator('.share button').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(absoluteUrl(path));
  await expect(page.locator('.share [role="status"]')).not.toBeEmpty();
  await context.close();

  const withoutScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await withoutScript.newPage();
  await plain.goto(new URL(path.slice(1), mainSite).href);
  await expect(plain.locator('.share button')).toBeHidden();
  await expect(plain.locator('#share-url')).toHaveValue(absoluteUrl(path));
  await withoutScript.close();
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
  await expect(page.locator('.qr-code svg')).toBeVisible();
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.share')).toBeHidden();
});

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
        slugs.map((slug) => absoluteUrl(paths.document(lang, slug))).sort(),
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
    const expected = sitePages
      .filter(({ path }) => path !== paths.languageChooser() && path !== paths.notFound())
      .map(({ path }) => absoluteUrl(path));
    expect(map.locs.sort()).toEqual(expected.sort());
    expect(map.alternates).toBe(expected.length * localeCodes.length);
    expect(readFileSync('dist/robots.txt', 'utf8')).toContain(`Sitemap: ${absoluteUrl(paths.sitemap())}`);
  });
});
