import { expect, test, type Page } from '@playwright/test';
import { localeCodes } from '../../src/i18n/locales';
import { paths } from '../../src/lib/routes';
import { sitePages } from './site';

/** Only search compiles WebAssembly (Pagefind's); no other page may allow it. */
const searchPaths = new Set(localeCodes.map(paths.search));

/** What a test needs to know of one load of a page. */
interface Load {
  violations: string[];
  requests: string[];
  /** The text a reader sees, without what scripts add by design: the line saying the language is saved offline, and the copy button. */
  text: string;
}

/** Opens `path` in `page`, noting every CSP violation and every request, and checks the page's own policy. */
async function load(page: Page, path: string, javaScriptEnabled: boolean): Promise<Load> {
  const violations: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on('request', (request) => requests.push(request.url()));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Refused to load by Content Security Policy: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(path, { waitUntil: 'load' });
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
  expect(cookiesOrStorage).toBe(0);
  const externalLinks = await page
    .locator('a[href]')
    .evaluateAll((links) =>
      (links as HTMLAnchorElement[])
        .filter((link) => link.protocol.startsWith('http') && link.origin !== location.origin)
        .map((link) => `${link.href} rel="${link.rel}"`),
    );
  for (const link of externalLinks) expect(link).toMatch(/rel="noopener noreferrer"$/);
  const text = await page.locator('body').evaluate((body) => {
    const copy = body.cloneNode(true) as HTMLElement;
    for (const added of copy.querySelectorAll('[data-offline-worker], button[data-copied]')) added.remove();
    document.body.replaceWith(copy);
    return copy.innerText;
  });
  return { violations, requests, text };
}

for (const { path } of sitePages) {
  test(`${path}: with JavaScript on and off, no CSP violation, no request to another origin, no referrer; without it, it reads the same`, async ({
    page,
    browser,
    baseURL,
    viewport,
    isMobile,
    hasTouch,
  }) => {
    const origin = new URL(baseURL ?? '').origin;
    const scripted = await load(page, path, true);
    const context = await browser.newContext({
      javaScriptEnabled: false,
      ...(baseURL === undefined ? {} : { baseURL }),
      viewport,
      isMobile,
      hasTouch,
    });
    const plain = await load(await context.newPage(), path, false);
    await context.close();
    for (const { violations, requests } of [scripted, plain]) {
      expect(violations).toEqual([]);
      expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    }
    // Search pages change with JavaScript by design: search.spec.ts covers them.
    if (!searchPaths.has(path)) {
      expect(plain.text.length).toBeGreaterThan(100);
      expect(plain.text).toBe(scripted.text);
    }
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
  const violations: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on('request', (request) => requests.push(request.url()));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Refused to load by Content Security Policy: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  // The path, not a protocol-relative reference: the server answers it with the 404 page.
  const response = await page.goto(`${origin}//evil.example/a/b/`);
  expect(response?.status()).toBe(404);
  // The probe walks up to the real root and rebases the links there.
  await expect(page.locator('section[lang="en"] .footer-links a').first()).toHaveAttribute('href', `${origin}/en/`);
  expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  expect(requests).toContain(`${origin}/SHA256SUMS`);
  expect(requests.filter((url) => url.endsWith('SHA256SUMS') && new URL(url).pathname.startsWith('//'))).toEqual([]);
  expect(violations).toEqual([]);
});
