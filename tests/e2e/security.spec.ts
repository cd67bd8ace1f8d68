import { expect, type Page } from '@playwright/test';
import { localeCodes } from '../../src/i18n/locales';
import { paths } from '../../src/lib/routes';
import { byLanguageFolder, sitePages, test } from './site';

/** Only search compiles WebAssembly (Pagefind's); no other page may allow it. */
const searchPaths = new Set(localeCodes.map(paths.search));

/** What a test needs to know of one load of a page. */
interface Load {
  status: number | undefined;
  violations: string[];
  requests: string[];
  /** The text a reader sees, without what scripts add by design: the line saying the language is saved offline, and the copy button. */
  text: string;
  /** Whether the page fits the screen's width, with no sideways scrolling. */
  fitsTheScreen: boolean;
}

/**
 * A browser tab that notes every CSP violation and every request of the page it opens, and checks the page's
 * own policy. One tab visits many pages: a new one per page would cost a new renderer process each.
 */
async function observe(page: Page, javaScriptEnabled: boolean): Promise<(path: string) => Promise<Load>> {
  let violations: string[] = [];
  let requests: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on('request', (request) => requests.push(request.url()));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Refused to load by Content Security Policy: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return async (path) => {
    violations = [];
    requests = [];
    const response = await page.goto(path, { waitUntil: 'load' });
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).toContain("worker-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    if (searchPaths.has(path)) expect(policy).toContain("'wasm-unsafe-eval'");
    else expect(policy).not.toContain('wasm-unsafe-eval');
    await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');
    const cookiesOrStorage = javaScriptEnabled
      ? await page.evaluate(() => document.cookie.length + localStorage.length + sessionStorage.length)
      : 0;
    expect(cookiesOrStorage, `${path}: cookies or storage`).toBe(0);
    const externalLinks = await page
      .locator('a[href]')
      .evaluateAll((links) =>
        (links as HTMLAnchorElement[])
          .filter((link) => link.protocol.startsWith('http') && link.origin !== location.origin)
          .map((link) => `${link.href} rel="${link.rel}"`),
      );
    for (const link of externalLinks) expect(link).toMatch(/rel="noopener noreferrer"$/);
    const { text, fitsTheScreen } = await page.locator('body').evaluate((body: HTMLElement) => {
      const fits = document.documentElement.scrollWidth <= window.innerWidth;
      // What scripts add or say: the offline line and buttons, the copy button, and a copy's own address.
      for (const added of body.querySelectorAll<HTMLElement>(
        '[data-offline-worker], button[data-copied], .share-main, .qr-main',
      )) {
        added.style.setProperty('display', 'none', 'important');
      }
      return { text: body.innerText, fitsTheScreen: fits };
    });
    return { status: response?.status(), violations, requests, text, fitsTheScreen };
  };
}

for (const { name, paths: pages } of byLanguageFolder(sitePages.map(({ path }) => path))) {
  test(`every page in ${name}, with JavaScript on and off: no CSP violation, no request to another origin, no referrer, no sideways scrolling on a phone; without it, it reads the same`, async ({
    page,
    browser,
    baseURL,
    ownContextOptions,
  }) => {
    const origin = new URL(baseURL ?? '').origin;
    const context = await browser.newContext({ ...ownContextOptions, javaScriptEnabled: false });
    const scripted = await observe(page, true);
    const plain = await observe(await context.newPage(), false);
    for (const path of pages) {
      await test.step(path, async () => {
        const loads = { on: await scripted(path), off: await plain(path) };
        for (const [javaScript, { status, violations, requests, fitsTheScreen }] of Object.entries(loads)) {
          expect.soft(status, `${path}, JavaScript ${javaScript}: status`).toBe(200);
          expect.soft(violations, `${path}, JavaScript ${javaScript}: CSP violations`).toEqual([]);
          expect
            .soft(
              requests.filter((url) => new URL(url).origin !== origin),
              `${path}, JavaScript ${javaScript}: requests elsewhere`,
            )
            .toEqual([]);
          expect
            .soft(fitsTheScreen, `${path}, JavaScript ${javaScript}: no sideways scrolling on a 360 px screen`)
            .toBe(true);
        }
        // Search pages change with JavaScript by design: the search-*.spec.ts files cover them.
        if (!searchPaths.has(path)) {
          expect.soft(loads.off.text.length, path).toBeGreaterThan(100);
          expect.soft(loads.off.text, `${path}: the text without JavaScript`).toBe(loads.on.text);
        }
      });
    }
    await context.close();
  });
}

test('a script the build did not hash is blocked', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => violations.push(message.text()));
  await page.goto('/en/');
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.body.append(script);
  });
  expect(await page.evaluate(() => 'injected' in window)).toBe(false);
  expect(violations.join('\n')).toMatch(/Content Security Policy/);
});

test('the 404 page at an address like //host/ looks for the site only on its own origin', async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  // The path, not a protocol-relative reference: the server answers it with the 404 page.
  const { status, violations, requests } = await (await observe(page, true))(`${origin}//evil.example/a/b/`);
  expect(status).toBe(404);
  // The probe walks up to the real root and rebases the links there.
  await expect(page.locator('section[lang="en"] .footer-links a').first()).toHaveAttribute('href', `${origin}/en/`);
  // Noted until the next page is opened: the probe's requests are among them.
  expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  expect(requests).toContain(`${origin}/SHA256SUMS`);
  expect(requests.filter((url) => url.endsWith('SHA256SUMS') && new URL(url).pathname.startsWith('//'))).toEqual([]);
  expect(violations).toEqual([]);
});
