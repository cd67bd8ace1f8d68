/**
 * What a page costs a reader: every file a cold visit downloads, each sized as
 * a good static host would serve it (brotli at quality 11), against the least
 * any page carrying the same text could cost. `npm run bench` and the budget
 * tests share this code; the budgets are in pipeline/after-render/budgets.ts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page, Request, Response } from '@playwright/test';
import { parse } from 'node-html-parser';
import { inLanguage, type InEveryLanguage, type Locale } from '../../src/i18n/locales.ts';
import { brotliSize, checkBudget, isSitePage, type BudgetBreach } from '../after-render/budgets.ts';
import { listFiles, pagePathOf } from '../after-render/site-files.ts';

export const resourceKinds = ['html', 'css', 'js', 'wasm', 'other'] as const;
export type ResourceKind = (typeof resourceKinds)[number];

export interface ResourceCost {
  url: string;
  kind: ResourceKind;
  /** The HTTP status, or null when the request got no response. */
  status: number | null;
  rawBytes: number;
  brotliBytes: number;
}

export interface PageCost {
  url: string;
  /** Every request the page started before the cut-off, in the order sent. */
  resources: ResourceCost[];
  /** Brotli bytes of the page's inline scripts: carried in its HTML, but JavaScript all the same. */
  inlineScriptBytes: number;
  /** Brotli bytes of the page's `<style>` blocks, also part of its HTML. */
  inlineStyleBytes: number;
  /** Brotli bytes of the page's visible text: no page that carries this text can cost less. */
  textFloorBytes: number;
}

export interface CostSummary {
  requests: number;
  brotliBytes: Record<ResourceKind, number>;
  totalBrotliBytes: number;
  totalRawBytes: number;
  /** Code the page runs: script files, WebAssembly and inline scripts. */
  scriptBytes: number;
  textFloorBytes: number;
  /** How many times its text floor the page costs; 1 is the unreachable ideal. */
  floorRatio: number;
}

const kindByMediaType: Record<string, ResourceKind> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/css': 'css',
  'text/javascript': 'js',
  'application/javascript': 'js',
  'application/x-javascript': 'js',
  'application/ecmascript': 'js',
  'text/ecmascript': 'js',
  'application/wasm': 'wasm',
};

const kindByExtension: Record<string, ResourceKind> = {
  '.html': 'html',
  '.htm': 'html',
  '.css': 'css',
  '.js': 'js',
  '.mjs': 'js',
  '.wasm': 'wasm',
};

/** Pagefind, the site's search engine, ships its WebAssembly gzipped as `wasm.{lang}.pagefind`. */
const pagefindWasm = /\/wasm\.[^/]+\.pagefind$/;

/** The kind of a response: by its `Content-Type`, or by the URL's file name when the type says nothing useful. */
export function classifyResource(url: string, contentType: string | undefined): ResourceKind {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  const byType = kindByMediaType[mediaType];
  if (byType) return byType;
  if (!URL.canParse(url)) throw new Error(`cannot classify "${url}": not an absolute URL`);
  const { pathname } = new URL(url);
  if (pagefindWasm.test(pathname)) return 'wasm';
  return kindByExtension[path.posix.extname(pathname).toLowerCase()] ?? 'other';
}

/** Whether a `<script type>` holds JavaScript (rather than JSON or a template, which never run). */
export function isScriptType(type: string): boolean {
  const mediaType = type.trim().toLowerCase();
  return mediaType === '' || mediaType === 'module' || kindByMediaType[mediaType] === 'js';
}

export interface ResponseRecord {
  url: string;
  status: number | null;
  contentType?: string | undefined;
  body: Uint8Array;
}

export function resourceCost({ url, status, contentType, body }: ResponseRecord): ResourceCost {
  return {
    url,
    kind: classifyResource(url, contentType),
    status,
    rawBytes: body.byteLength,
    // Nothing to compress: a host sends an empty body as it is.
    brotliBytes: body.byteLength === 0 ? 0 : brotliSize(body),
  };
}

export function summarise(cost: PageCost): CostSummary {
  const brotliBytes = Object.fromEntries(resourceKinds.map((kind) => [kind, 0])) as Record<ResourceKind, number>;
  let totalRawBytes = 0;
  for (const resource of cost.resources) {
    brotliBytes[resource.kind] += resource.brotliBytes;
    totalRawBytes += resource.rawBytes;
  }
  const totalBrotliBytes = resourceKinds.reduce((sum, kind) => sum + brotliBytes[kind], 0);
  return {
    requests: cost.resources.length,
    brotliBytes,
    totalBrotliBytes,
    totalRawBytes,
    scriptBytes: brotliBytes.js + brotliBytes.wasm + cost.inlineScriptBytes,
    textFloorBytes: cost.textFloorBytes,
    floorRatio: totalBrotliBytes / cost.textFloorBytes,
  };
}

/** Every budget a page breaks: its first visit, and for document pages its JavaScript. */
export function pageBudgetBreaches(page: string, summary: CostSummary, isDocument: boolean): BudgetBreach[] {
  const breaches = [checkBudget('firstVisit', page, summary.totalBrotliBytes)];
  if (isDocument) breaches.push(checkBudget('documentScript', page, summary.scriptBytes));
  return breaches.filter((breach) => breach !== undefined);
}

export interface MeasureOptions {
  /** For the fresh browser context: viewport, `baseURL` for relative URLs, and the like. */
  context?: BrowserContextOptions;
  /**
   * Measure in this context instead, with its cache bypassed: many pages are measured without a new browser
   * process each. Its service workers must be blocked, or a worker would answer from its own cache.
   */
  in?: BrowserContext;
  /**
   * Count on after `load` until an element matching this selector enters the page; or, with `network-idle`,
   * until no request has been open for half a second: everything the page fetches on its own, as stock
   * Starlight fetches its search code once the browser is idle after `load`.
   */
  until?: string | 'network-idle';
  timeoutMs?: number;
}

/** The performance mark the page sets when the element measuring waits for enters it. */
const readyMark = 'page-cost:ready';

/**
 * Opens `url` in a fresh browser context, or in the one given with its cache
 * bypassed, so that nothing comes from a cache, and measures every request the
 * page started before `load` (or before an element matching `until` entered
 * it, or before the network fell quiet), whatever its answer: a reader pays for a 404 page served in place of a
 * file too.
 */
export async function measurePage(browser: Browser, url: string, options: MeasureOptions = {}): Promise<PageCost> {
  const { context: contextOptions, in: sharedContext, until, timeoutMs = 30_000 } = options;
  const context = sharedContext ?? (await browser.newContext(contextOptions));
  const page = await context.newPage();
  try {
    if (sharedContext !== undefined) {
      await (await context.newCDPSession(page)).send('Network.setCacheDisabled', { cacheDisabled: true });
    }
    const waitsForElement = until !== undefined && until !== 'network-idle';
    if (waitsForElement) await page.addInitScript(markWhenPresent, { selector: until, mark: readyMark });
    const requests: Request[] = [];
    const record = (request: Request) => requests.push(request);
    page.on('request', record);
    const settled = watchSettling(page);
    await page.goto(url, { waitUntil: until === 'network-idle' ? 'networkidle' : 'load', timeout: timeoutMs });
    if (waitsForElement) {
      await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, readyMark, {
        timeout: timeoutMs,
      });
    }
    page.off('request', record);

    // The page's resource timing says when the page itself started each request, on the same
    // clock as `load` and the mark. (The protocol's send times can lag by tens of milliseconds:
    // a module the page imported before `load` may reach the network after it.) A request is
    // listed there once it has finished.
    await Promise.all(requests.map(settled));
    const { cutOff, entries } = await page.evaluate(
      ({ mark, waitsForMark, waitsForIdle }) => {
        const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
        const cutOff = waitsForMark ? performance.getEntriesByName(mark)[0]?.startTime : navigation?.loadEventStart;
        return {
          cutOff: waitsForIdle ? Infinity : cutOff,
          entries: performance.getEntriesByType('resource').map(({ name, startTime }) => ({ url: name, startTime })),
        };
      },
      { mark: readyMark, waitsForMark: waitsForElement, waitsForIdle: until === 'network-idle' },
    );
    if (cutOff === undefined) throw new Error(`measuring ${url}: the page has no timing to measure against`);
    const resources = await Promise.all(startedBy(requests, entries, cutOff).map(costOfRequest));
    const { text, inlineScripts, inlineStyles } = await page.evaluate(() => ({
      text: document.body.innerText,
      inlineScripts: [...document.querySelectorAll<HTMLScriptElement>('script:not([src])')].map((script) => ({
        type: script.type,
        code: script.text,
      })),
      inlineStyles: [...document.querySelectorAll('style')].map((style) => style.textContent),
    }));
    return {
      url,
      resources,
      inlineScriptBytes: inlineCodeSize(inlineScripts.filter(({ type }) => isScriptType(type)).map(({ code }) => code)),
      inlineStyleBytes: inlineCodeSize(inlineStyles),
      textFloorBytes: brotliSize(text),
    };
  } finally {
    await (sharedContext === undefined ? context.close() : page.close());
  }
}

/**
 * Runs in the page from its first moment: sets `mark` as soon as `selector`
 * matches. Observers run when the task that changed the page ends, so requests
 * started in that task count: the browser cannot show the element any sooner.
 */
export function markWhenPresent({ selector, mark }: { selector: string; mark: string }): void {
  const observer = new MutationObserver(() => {
    if (document.querySelector(selector) === null) return;
    performance.mark(mark);
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * A function that resolves once a request of `page` has finished or failed.
 * (`Response.finished()` never resolves for a HEAD request that Chromium ends
 * by aborting its empty body.)
 */
function watchSettling(page: Page): (request: Request) => Promise<void> {
  const settled = new Set<Request>();
  const waiting = new Map<Request, () => void>();
  const settle = (request: Request) => {
    settled.add(request);
    waiting.get(request)?.();
  };
  page.on('requestfinished', settle);
  page.on('requestfailed', settle);
  return (request) =>
    settled.has(request) ? Promise.resolve() : new Promise((resolve) => waiting.set(request, resolve));
}

export interface TimingEntry {
  url: string;
  /** When the page started the request, in milliseconds from its time origin. */
  startTime: number;
}

/**
 * The requests, in the order sent, that the page started by `cutOff`, going by
 * its resource timing `entries`. Of several requests for one URL the last are
 * the late ones; a request without an entry (the page itself, a failure) counts.
 */
export function startedBy<T extends { url(): string }>(
  requests: readonly T[],
  entries: readonly TimingEntry[],
  cutOff: number,
): T[] {
  const lateByUrl = new Map<string, number>();
  for (const { url, startTime } of entries) {
    if (startTime > cutOff) lateByUrl.set(url, (lateByUrl.get(url) ?? 0) + 1);
  }
  const startedInTime: T[] = [];
  for (const request of [...requests].reverse()) {
    const late = lateByUrl.get(request.url()) ?? 0;
    if (late > 0) lateByUrl.set(request.url(), late - 1);
    else startedInTime.unshift(request);
  }
  return startedInTime;
}

/** Inline blocks compressed together, as they travel in one HTML file. */
function inlineCodeSize(blocks: string[]): number {
  return blocks.length === 0 ? 0 : brotliSize(blocks.join('\n'));
}

async function costOfRequest(request: Request): Promise<ResourceCost> {
  const url = request.url();
  const response = await request.response();
  if (!response) return resourceCost({ url, status: null, body: new Uint8Array() });
  const status = response.status();
  // HEAD answers have no body; Playwright cannot read a redirect's, which is a few bytes at most.
  const hasNoBody = request.method() === 'HEAD' || (status >= 300 && status < 400);
  const body = hasNoBody ? new Uint8Array() : await readBody(response);
  return resourceCost({ url, status, contentType: response.headers()['content-type'], body });
}

async function readBody(response: Response): Promise<Uint8Array> {
  try {
    return await response.body();
  } catch (error) {
    throw new Error(`cannot read the body of ${response.url()} (${response.request().method()})`, { cause: error });
  }
}

/** Every page of the built site in `distDir`, as paths from the site's root (`/`, `/en/x/`, `/404.html`). */
export async function sitePagePaths(distDir: string): Promise<string[]> {
  const files = await listSite(distDir);
  const pages = files.filter(isSitePage).map(pagePathOf);
  if (pages.length === 0) throw new Error(`${distDir} holds no pages: build the site first`);
  return pages;
}

export interface CssSource {
  /** A CSS file, or the first page an inline `<style>` appears in. */
  source: string;
  brotliBytes: number;
}

/**
 * All the CSS of the built site: its CSS files and each distinct inline
 * `<style>` (Astro inlines small stylesheets, so the files alone could miss it).
 */
export async function siteCss(distDir: string): Promise<CssSource[]> {
  const files = await listSite(distDir);
  const sources: CssSource[] = [];
  for (const file of files.filter((name) => name.endsWith('.css'))) {
    sources.push({ source: file, brotliBytes: brotliSize(await readFile(path.join(distDir, file))) });
  }
  // Pages inline the site's stylesheet with the parts only they need, so most of each block is every other's:
  // the distinct blocks are weighed compressed together, as what a reader of every page downloads, at most.
  const inlineStyles = new Set<string>();
  for (const file of files.filter((name) => name.endsWith('.html'))) {
    for (const style of parse(await readFile(path.join(distDir, file), 'utf8')).querySelectorAll('style')) {
      inlineStyles.add(style.rawText);
    }
  }
  if (inlineStyles.size > 0) {
    sources.push({
      source: `${inlineStyles.size} distinct <style> blocks, compressed together`,
      brotliBytes: brotliSize([...inlineStyles].join('\n')),
    });
  }
  return sources;
}

async function listSite(distDir: string): Promise<string[]> {
  try {
    return await listFiles(distDir);
  } catch (error) {
    throw new Error(`cannot read the built site at ${distDir}: build it first`, { cause: error });
  }
}

/** A name every document mentions in each language, so every search has results to show. */
const searchQueries: InEveryLanguage<string> = { be: 'Лукашэнка', ru: 'Лукашенко', en: 'Lukashenko' };

/** The query searched in `lang`: a partial language without its own shows the English originals, and finds the English name. */
export function searchQuery(lang: Locale): string {
  return inLanguage(searchQueries, lang).value;
}
/** The search page lists its results as `<ol data-search-results>` items. */
export const firstSearchResult = '[data-search-results] li';
