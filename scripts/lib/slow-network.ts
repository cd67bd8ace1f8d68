/**
 * How long a reader on a slow phone and a slow network waits for a search's
 * first result. Only `npm run bench` measures time; the tests measure bytes.
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { listFiles } from '../build/site-files.ts';
import { brotliCompress } from './page-cost.ts';

/** A network and a phone, as Chromium's DevTools protocol emulates them. */
export interface SlowProfile {
  name: string;
  /** Round-trip time added to every request, in milliseconds. */
  latencyMs: number;
  /** Throughput each way, in kilobits per second. */
  kbitPerSecond: number;
  /** How many times slower the CPU runs. */
  cpuSlowdown: number;
}

/** "Slow 3G", as the issue that set the target measured it. */
export const slow3g: SlowProfile = { name: 'Slow 3G', latencyMs: 400, kbitPerSecond: 400, cpuSlowdown: 4 };

export interface SlowSearchOptions {
  /** The page to open, with its query in the address where the site reads one. */
  url: string;
  /** The element that shows the first result. */
  firstResult: string;
  /**
   * What a reader does once the page has loaded, for a site whose search
   * takes no query from the address (it opens a dialog and types the query).
   */
  type?: (page: Page) => Promise<void>;
  profile?: SlowProfile;
  context?: BrowserContextOptions;
  timeoutMs?: number;
}

export interface SlowSearchTiming {
  profile: SlowProfile;
  /** From the start of navigation until the first result is in the page. */
  firstResultMs: number;
  /** Requests the page had started by then. */
  requests: number;
}

const readyMark = 'slow-network:first-result';

/**
 * Opens `url` in a fresh context (a cold cache) under `profile` and returns
 * the time from the start of navigation until `firstResult` enters the page.
 */
export async function timeToFirstResult(browser: Browser, options: SlowSearchOptions): Promise<SlowSearchTiming> {
  const { url, firstResult, type, profile = slow3g, context: contextOptions, timeoutMs = 120_000 } = options;
  const context = await browser.newContext(contextOptions);
  try {
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    await session.send('Network.enable');
    // Chromium caches nothing across contexts, but the protocol's switch makes the cold start explicit.
    await session.send('Network.setCacheDisabled', { cacheDisabled: true });
    const bytesPerSecond = (profile.kbitPerSecond * 1000) / 8;
    await session.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.latencyMs,
      downloadThroughput: bytesPerSecond,
      uploadThroughput: bytesPerSecond,
    });
    await session.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
    await page.addInitScript(markWhenPresent, { selector: firstResult, mark: readyMark });
    await page.goto(url, { waitUntil: type ? 'load' : 'commit', timeout: timeoutMs });
    if (type) await type(page);
    const handle = await page.waitForFunction((mark) => performance.getEntriesByName(mark)[0]?.startTime, readyMark, {
      timeout: timeoutMs,
      polling: 100,
    });
    const firstResultMs = Number(await handle.jsonValue());
    // The page itself, and every file it had asked for by then.
    const requests = await page.evaluate(
      (cutOff) => 1 + performance.getEntriesByType('resource').filter(({ startTime }) => startTime <= cutOff).length,
      firstResultMs,
    );
    return { profile, firstResultMs: Math.round(firstResultMs), requests };
  } finally {
    await context.close();
  }
}

/** Runs in the page from its first moment: sets `mark` as soon as `selector` matches. */
function markWhenPresent({ selector, mark }: { selector: string; mark: string }): void {
  const observer = new MutationObserver(() => {
    if (document.querySelector(selector) === null) return;
    performance.mark(mark);
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Files a static host compresses on the way out; Pagefind's own files are compressed already. */
const compressible = /\.(html|css|js|mjs|json|xml|svg|txt)$/;

/**
 * A copy of the built site in `siteDir` with a `.br` and a `.gz` file beside
 * each text file, so that `serve({ precompressed: true })` sends what a good
 * static host would: timing an uncompressed site would blame the network for
 * bytes no reader pays. The copy is in the system's temporary folder.
 */
export async function compressedCopy(siteDir: string): Promise<string> {
  const copy = await mkdtemp(path.join(tmpdir(), 'compressed-site-'));
  await cp(siteDir, copy, { recursive: true });
  for (const file of (await listFiles(copy)).filter((name) => compressible.test(name))) {
    const full = path.join(copy, file);
    const body = await readFile(full);
    await writeFile(`${full}.br`, brotliCompress(body));
    await writeFile(`${full}.gz`, gzipSync(body, { level: 9 }));
  }
  return copy;
}
