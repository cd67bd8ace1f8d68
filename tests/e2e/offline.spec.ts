import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { writeOfflineFiles, type OfflineFiles } from '../../pipeline/after-render/offline';
import { searchQuery } from '../../pipeline/bench/page-cost';
import { serve } from '../../pipeline/mirror-tools/serve';
import { localeCodes, type Locale } from '../../src/i18n/locales';
import { uiStrings } from '../../src/i18n/ui';
import { paths } from '../../src/lib/routes';
import { offlineStorage } from '../../src/offline/storage';
import { shownDocument } from '../support/content';
import { sitePages, slugs } from './site';

// The other tests block service workers, which would save a whole language in the background of each one.
test.use({ serviceWorkers: 'allow' });

/** The built site that playwright.config.ts serves. */
const distDir = 'dist';
const deepPrefix = '/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/belarus/';

/** A copy of the site on its own server, which counts the requests that reach it. */
interface Copy {
  root: string;
  requests: string[];
  close: () => Promise<void>;
}

async function serveCopy(dir: string, prefix: string, port = 0): Promise<Copy> {
  const server: Server = await serve({ dir, port, prefix });
  const requests: string[] = [];
  server.on('request', (request) => requests.push(request.url ?? ''));
  return {
    root: `http://127.0.0.1:${(server.address() as AddressInfo).port}${prefix}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const address = (root: string, sitePath: string) => new URL(sitePath.slice(1), root).href;

/**
 * How long saving a language for offline reading may take: some 60 files through the worker, which on a
 * loaded 2-core machine have taken over 30 s.
 */
const savingTimeout = 90_000;

/** The reader's choice: on the note for readers, the button that keeps the language; then the note says it is kept. */
async function keepLanguage(page: Page, root: string, lang: Locale): Promise<void> {
  await page.goto(address(root, paths.about(lang)));
  await page.getByRole('button', { name: uiStrings[lang].offline.keep }).click();
  await expect(page.locator('[data-offline-state]')).toHaveText(uiStrings[lang].offline.kept, {
    timeout: savingTimeout,
  });
}

/** Waits until the page's footer says its language is kept, in its language. */
async function waitUntilKept(page: Page, lang: Locale): Promise<void> {
  const line = page.locator('.site-footer .offline-saved');
  await expect(line).toBeVisible({ timeout: savingTimeout });
  await expect(line).toContainText(uiStrings[lang].footer.offline);
}

/**
 * Cuts the browser off, and stops the server as well: Playwright's offline
 * mode does not stop Chromium's own check for a new version of the worker, so
 * with the server stopped nothing at all can come from the network.
 */
async function goOffline(context: BrowserContext, copy: Copy): Promise<void> {
  await context.setOffline(true);
  await copy.close();
}

/** The requests the pages and the worker send to any origin, from now on. */
function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** Every page of a language, as the site's page list has them: all of them must read offline. 404 pages save no language. */
const pagesOf = (lang: Locale) => sitePages.filter((page) => page.path.startsWith(paths.home(lang)) && !page.notFound);

/** The URLs the page's origin holds in its caches, by cache. */
function savedUrls(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const saved: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      saved[name] = (await (await caches.open(name)).keys()).map((request) => request.url).sort();
    }
    return saved;
  });
}

const offlineFilesIn = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, paths.offlineFiles().slice(1)), 'utf8')) as OfflineFiles;

// Every language deep under a prefix, where the worker's scope and the saved addresses are hardest to get right;
// at a host's root, one.
const [firstLanguage = 'be'] = localeCodes;
for (const { prefix, languages } of [
  { prefix: '/', languages: [firstLanguage] },
  { prefix: deepPrefix, languages: localeCodes },
]) {
  test.describe(`served under ${prefix}`, () => {
    for (const lang of languages) {
      test(`${lang}: after one visit, every page of the language reads offline, and search finds`, async ({
        context,
        page,
      }) => {
        test.setTimeout(180_000);
        const copy = await serveCopy(distDir, prefix);
        try {
          const requests = recordRequests(context);
          await keepLanguage(page, copy.root, lang);
          // Registered from the copy's own root, and saving only the copy's own files of this language.
          expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(copy.root);
          const { release, languages } = offlineFilesIn(distDir);
          expect(await savedUrls(page)).toEqual({
            [`${offlineStorage.pagesCache} ${release} ${copy.root}`]: [
              ...languages[lang],
              paths.offlineFiles().slice(1),
            ]
              .map((file) => new URL(file, copy.root).href)
              .sort(),
            [`${offlineStorage.choiceCache} ${copy.root}`]: [new URL(offlineStorage.choiceFile, copy.root).href],
          });

          await goOffline(context, copy);
          for (const { path: sitePath, slug } of pagesOf(lang)) {
            await page.goto(address(copy.root, sitePath));
            await expect(page.locator('html')).toHaveAttribute('lang', lang);
            if (slug) await expect(page.locator('h1')).toHaveText(shownDocument(lang, slug).data.title);
            await waitUntilKept(page, lang);
          }
          await page.goto(copy.root);
          await expect(page.locator('.language-chooser a')).toHaveCount(localeCodes.length);

          await page.goto(address(copy.root, paths.search(lang)));
          await page.getByLabel(uiStrings[lang].search.label).fill(searchQuery(lang));
          await page.getByRole('button', { name: uiStrings[lang].search.submit }).click();
          await expect(page.locator('[data-search-results] li').first()).toBeVisible();
          await expect(page.locator('[data-search-unavailable]')).toBeHidden();

          expect(
            requests.filter((url) => !url.startsWith(copy.root)),
            'requests outside the copy',
          ).toEqual([]);
        } finally {
          await copy.close();
        }
      });
    }

    test('a new release replaces the saved copy on the next visit online, and offline shows its text', async ({
      context,
      page,
    }) => {
      test.setTimeout(180_000);
      const lang: Locale = 'en';
      const [slug = ''] = slugs;
      // The next release: one paragraph corrected, and its offline files written by the build's own step.
      const nextRelease = mkdtempSync(path.join(tmpdir(), 'next-release-'));
      cpSync(distDir, nextRelease, { recursive: true });
      const corrected = 'This paragraph was corrected in the next release.';
      const pageFile = path.join(nextRelease, paths.document(lang, slug).slice(1), 'index.html');
      const html = readFileSync(pageFile, 'utf8');
      const firstParagraph = /(<div class="document-text">.*?<p[^>]*>)(.*?)(<\/p>)/s;
      expect(html).toMatch(firstParagraph);
      writeFileSync(pageFile, html.replace(firstParagraph, `$1${corrected}$3`));
      const { release: next } = await writeOfflineFiles(nextRelease);
      const { release: current } = offlineFilesIn(distDir);
      expect(next).not.toBe(current);

      const first = await serveCopy(distDir, prefix);
      const documentUrl = address(first.root, paths.document(lang, slug));
      try {
        await keepLanguage(page, first.root, lang);
        await page.goto(documentUrl);
        await expect(page.locator('.document-text p').first()).not.toHaveText(corrected);
        await waitUntilKept(page, lang);
      } finally {
        await first.close();
      }
      // The next release, at the same address: online, its text shows at once, never the saved one.
      const second = await serveCopy(nextRelease, prefix, Number(new URL(first.root).port));
      try {
        await page.goto(documentUrl);
        await expect(page.locator('.document-text p').first()).toHaveText(corrected);
        // Meanwhile its worker saves the language again, from the next release, and drops the old copy.
        const { languages } = offlineFilesIn(nextRelease);
        await expect
          .poll(() => savedUrls(page), { timeout: savingTimeout })
          .toEqual({
            [`${offlineStorage.pagesCache} ${next} ${second.root}`]: [...languages[lang], paths.offlineFiles().slice(1)]
              .map((file) => new URL(file, second.root).href)
              .sort(),
            [`${offlineStorage.choiceCache} ${second.root}`]: [new URL(offlineStorage.choiceFile, second.root).href],
          });
        await goOffline(context, second);
        await page.goto(address(second.root, paths.home(lang)));
        await page.goto(documentUrl);
        await expect(page.locator('.document-text p').first()).toHaveText(corrected);
      } finally {
        await second.close();
        rmSync(nextRelease, { recursive: true });
      }
    });
  });
}

/** Everything the site could have stored in the browser: caches, databases, storage, cookies, workers. */
function storedBySite(page: Page) {
  return page.evaluate(async () => ({
    caches: await caches.keys(),
    databases: (await indexedDB.databases()).map((database) => database.name),
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    cookies: document.cookie,
    workers: (await navigator.serviceWorker.getRegistrations()).map((registration) => registration.scope),
  }));
}
const nothingStored = { caches: [], databases: [], localStorage: 0, sessionStorage: 0, cookies: '', workers: [] };

test('visiting pages, with workers allowed and no choice made, stores nothing at all on the device', async ({
  page,
}) => {
  const copy = await serveCopy(distDir, deepPrefix);
  // Every page's scripts, watched from before they run: none may register a worker.
  const registered: string[] = [];
  await page.exposeFunction('reportRegistration', (url: string) => registered.push(url));
  await page.addInitScript(() => {
    const report = (window as unknown as { reportRegistration: (url: string) => void }).reportRegistration;
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (url, options) {
      report(String(url));
      return register.call(this, url, options);
    };
  });
  try {
    const [slug = ''] = slugs;
    for (const sitePath of [paths.home('be'), paths.document('be', slug), paths.about('be'), paths.timeline('ru')]) {
      await page.goto(address(copy.root, sitePath));
      await page.waitForLoadState('load');
    }
    expect(registered).toEqual([]);
    expect(await storedBySite(page)).toEqual(nothingStored);
  } finally {
    await copy.close();
  }
});

test('a keep that cannot fetch every file of the language says so, and leaves nothing stored', async ({ page }) => {
  const lang: Locale = 'be';
  // A copy that lacks one of the language's files, as a connection that drops halfway would.
  const broken = mkdtempSync(path.join(tmpdir(), 'broken-copy-'));
  cpSync(distDir, broken, { recursive: true });
  const { languages } = offlineFilesIn(distDir);
  const missing = languages[lang].find((file) => file.startsWith(`${lang}/timeline/`));
  expect(missing).toBeDefined();
  rmSync(path.join(broken, `${missing}index.html`));
  const copy = await serveCopy(broken, deepPrefix);
  try {
    await page.goto(address(copy.root, paths.about(lang)));
    await page.getByRole('button', { name: uiStrings[lang].offline.keep }).click();
    await expect(page.locator('[data-offline-state]')).toHaveText(uiStrings[lang].offline.failed, {
      timeout: 30_000,
    });
    await expect(page.getByRole('button', { name: uiStrings[lang].offline.keep })).toBeEnabled();
    await expect.poll(() => storedBySite(page), { timeout: 30_000 }).toEqual(nothingStored);
  } finally {
    await copy.close();
    rmSync(broken, { recursive: true });
  }
});

test('delete works while the pages are still being kept, and what was on its way is not kept', async ({
  context,
  page,
}) => {
  const lang: Locale = 'ru';
  const copy = await serveCopy(distDir, deepPrefix);
  // One of the language's files arrives only after the reader has pressed delete, as on a slow connection.
  const slowFile = address(copy.root, paths.timeline(lang));
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  await context.route(slowFile, async (route) => {
    if (route.request().serviceWorker()) {
      held = true;
      await released;
    }
    await route.continue();
  });
  try {
    await page.goto(address(copy.root, paths.about(lang)));
    await page.getByRole('button', { name: uiStrings[lang].offline.keep }).click();
    await expect.poll(() => held, { timeout: 30_000 }).toBe(true);
    await page.getByRole('button', { name: uiStrings[lang].offline.delete }).click();
    await expect(page.locator('[data-offline-state]')).toHaveText(uiStrings[lang].offline.deleted);
    release();
    await expect.poll(() => storedBySite(page), { timeout: 30_000 }).toEqual(nothingStored);
    // What the keep would have said when it ended does not replace what delete said.
    await expect(page.locator('[data-offline-state]')).toHaveText(uiStrings[lang].offline.deleted);
  } finally {
    release();
    await copy.close();
  }
});

test('the delete button removes every kept copy and the worker, and says what it cannot delete', async ({ page }) => {
  const copy = await serveCopy(distDir, deepPrefix);
  try {
    await keepLanguage(page, copy.root, 'ru');
    await page.goto(address(copy.root, paths.about('be')));
    await expect(page.locator('[data-offline-state]')).toHaveText(
      uiStrings.be.offline.keptLanguages.replace('{{languages}}', uiStrings.be.languageName.ru),
    );
    await page.getByRole('button', { name: uiStrings.be.offline.delete }).click();
    await expect(page.locator('[data-offline-state]')).toHaveText(uiStrings.be.offline.deleted);
    for (const lang of localeCodes) expect(uiStrings[lang].offline.deleted).toMatch(/гісторы|истори|history/i);
    expect(await storedBySite(page)).toEqual(nothingStored);
  } finally {
    await copy.close();
  }
});

test('a worker that an earlier release registered without asking keeps nothing, and leaves', async ({ page }) => {
  const copy = await serveCopy(distDir, deepPrefix);
  try {
    await page.goto(address(copy.root, paths.home('en')));
    // As the pages of an earlier release did on every visit: registered without the reader's choice.
    await page.evaluate(
      (worker) => navigator.serviceWorker.register(worker),
      address(copy.root, paths.offlineWorker()),
    );
    await expect.poll(() => storedBySite(page), { timeout: 30_000 }).toEqual(nothingStored);
  } finally {
    await copy.close();
  }
});

test('offline, a page of a language not kept says so in its language and leads to what is kept', async ({
  context,
  page,
}) => {
  const copy = await serveCopy(distDir, deepPrefix);
  try {
    await keepLanguage(page, copy.root, 'be');
    await goOffline(context, copy);
    await page.goto(address(copy.root, paths.timeline('ru')));
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.locator('h1')).toHaveText(uiStrings.ru.offline.notKeptTitle);
    await expect(page.locator('p').first()).toHaveText(uiStrings.ru.offline.notKeptText);
    await page.getByRole('link', { name: 'Беларуская' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'be');
    await waitUntilKept(page, 'be');
  } finally {
    await copy.close();
  }
});

test('framed by another site, the note for readers offers no button to keep pages', async ({ page }) => {
  // A copy on a host that sends no header forbidding frames (the project's server sends one), at an https
  // address, where a page may keep files; and a page of another site that frames its note.
  const copyRoot = 'https://copy.invalid/';
  await page.route(`${copyRoot}**`, (route) => {
    const pathname = new URL(route.request().url()).pathname;
    return route.fulfill({ path: path.join(distDir, pathname.endsWith('/') ? `${pathname}index.html` : pathname) });
  });
  await page.route('https://framing.invalid/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<iframe src="${address(copyRoot, paths.about('en'))}" width="800" height="600"></iframe>`,
    }),
  );
  // Opened as itself, the note offers the button there.
  await page.goto(address(copyRoot, paths.about('en')));
  await expect(page.getByRole('button', { name: uiStrings.en.offline.keep })).toBeVisible();

  await page.goto('https://framing.invalid/');
  const note = page.frameLocator('iframe');
  await expect(note.locator('[data-offline-state]')).toHaveText(uiStrings.en.offline.unsupported);
  await expect(note.getByRole('button', { name: uiStrings.en.offline.keep })).toBeHidden();
});

test('opened from a folder on disk, a page asks for no worker and says nothing about offline reading', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const workers = navigator.serviceWorker as ServiceWorkerContainer | undefined;
    if (!workers) return;
    const register = workers.register.bind(workers);
    workers.register = (...args) => {
      document.documentElement.dataset['registered'] = String(args[0]);
      return register(...args);
    };
  });
  for (const lang of localeCodes) {
    await page.goto(pathToFileURL(path.resolve(distDir, paths.home(lang).slice(1), 'index.html')).href);
    await page.waitForLoadState('load');
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('.offline-saved')).toBeHidden();
    expect(await page.locator('html').getAttribute('data-registered')).toBeNull();
  }
});
