/**
 * How long a reader on a slow phone and a slow network waits for a search's
 * first result. Only `npm run bench` measures time; the tests measure bytes.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Server } from 'node:http';
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { listFiles } from '../after-render/site-files.ts';
import { serve } from '../mirror-tools/serve.ts';
import { brotliCompress } from '../after-render/budgets.ts';
import { markWhenPresent } from './page-cost.ts';

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
  /** Bytes of those responses as they came over the network (compressed), without headers. */
  bytes: number;
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
    const { requests, bytes } = await page.evaluate((cutOff) => {
      const entries = [
        ...performance.getEntriesByType('navigation'),
        ...performance.getEntriesByType('resource').filter(({ startTime }) => startTime <= cutOff),
      ] as PerformanceResourceTiming[];
      return { requests: entries.length, bytes: entries.reduce((sum, entry) => sum + entry.encodedBodySize, 0) };
    }, firstResultMs);
    return { profile, firstResultMs: Math.round(firstResultMs), requests, bytes };
  } finally {
    await context.close();
  }
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

/** A search to time: where it starts, what shows its first result, and what a reader does first. */
export interface TimedSearch {
  label: string;
  /** The path to open, from the site's root. */
  path: string;
  firstResult: string;
  type?: (page: Page) => Promise<void>;
}

/** A built site and the searches to time on it. */
export interface TimedSite {
  site: string;
  dir: string;
  searches: TimedSearch[];
}

export interface TimedSearchFigures {
  site: string;
  label: string;
  /** The median of the runs, which are listed in the order they ran. */
  firstResultMs: number;
  runsMs: number[];
  requests: number;
  bytes: number;
}

/**
 * Times every search of every site, `runs` times each, from a cold cache
 * under `profile`. The runs take turns across sites and searches, so that a
 * machine busy with something else slows each of them alike.
 */
export async function timeSearches(
  browser: Browser,
  sites: TimedSite[],
  { runs = 5, profile = slow3g, context }: { runs?: number; profile?: SlowProfile; context?: BrowserContextOptions },
): Promise<TimedSearchFigures[]> {
  const served: { copy: string; server: Server }[] = [];
  try {
    for (const site of sites) {
      const copy = await compressedCopy(site.dir);
      const server = await serve({ dir: copy, port: 0, prefix: '/', precompressed: true });
      served.push({ copy, server });
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('the timing server has no TCP port');
    }
    const searches = sites.flatMap((site, index) => {
      const address = served[index]?.server.address();
      const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      return site.searches.map((search) => ({ site: site.site, origin, search, timings: [] as SlowSearchTiming[] }));
    });
    for (let run = 0; run < runs; run += 1) {
      for (const { origin, search, timings } of searches) {
        timings.push(
          await timeToFirstResult(browser, {
            url: origin + search.path,
            firstResult: search.firstResult,
            ...(search.type ? { type: search.type } : {}),
            profile,
            ...(context ? { context } : {}),
          }),
        );
      }
    }
    return searches.map(({ site, search, timings }) => {
      const median = timings.toSorted((a, b) => a.firstResultMs - b.firstResultMs)[
        Math.floor((timings.length - 1) / 2)
      ];
      return {
        site,
        label: search.label,
        firstResultMs: median?.firstResultMs ?? Number.NaN,
        runsMs: timings.map(({ firstResultMs }) => firstResultMs),
        requests: median?.requests ?? 0,
        bytes: median?.bytes ?? 0,
      };
    });
  } finally {
    for (const { copy, server } of served) {
      server.close();
      await rm(copy, { recursive: true, force: true });
    }
  }
}
