/**
 * What stock Starlight's pages of the same texts cost a reader: the anchor the
 * document pages' weight is held against (the budget test, tests/e2e/budgets.spec.ts,
 * and `npm run bench`). The figures are in starlight-pages.json, measured from
 * a build of ../shared/anchors/starlight and written by
 * `npm run bench -- --record-anchor ../anchor-starlight/dist`.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContextOptions } from '@playwright/test';
import { localeCodes, type Locale } from '../../src/i18n/locales.ts';
import { paths } from '../../src/lib/routes.ts';
import type { DocumentWeight } from '../after-render/budgets.ts';
import { serve } from '../mirror-tools/serve.ts';
import { measurePage, summarise } from './page-cost.ts';

/** Each anchor page's slug (`/en/petition/`) and the slug of this site's page of the same text. */
export const starlightSlugs = {
  petition: 'petition-to-the-ilo',
  resolution: 'congress-resolution-on-belarus',
  'industriall-letter': 'industriall-letter-to-the-ilo',
  'ituc-letter': 'ituc-letter-to-the-ambassador',
  'ilo-report': 'ilo-urges-belarus',
} as const;

export interface StarlightPage {
  /** The anchor's page of the same text. */
  starlightPath: string;
  requests: number;
  /** Everything the page fetches on its own, brotli-compressed: see `measuredAs`. */
  brotliBytes: number;
  textFloorBytes: number;
}

export interface StarlightPages {
  $comment: string;
  measuredAs: string;
  measuredAt: string;
  /** The anchor project and the versions it was built with. */
  build: { source: string; starlight: string; astro: string };
  chromium: string;
  viewport: { width: number; height: number };
  /** By this site's page path (`/en/petition-to-the-ilo/`). */
  pages: Record<string, StarlightPage>;
}

export const starlightPagesFile = new URL('starlight-pages.json', import.meta.url);

/** The recorded figures; the budget test and the bench read them. */
export function recordedStarlightPages(): StarlightPages {
  return JSON.parse(readFileSync(starlightPagesFile, 'utf8')) as StarlightPages;
}

/** The phone the anchor is measured on, as the tests' and the bench's phones: no figure here depends on its size. */
const viewport = { width: 390, height: 844 };

function installedVersion(projectDir: string, pkg: string): string {
  const manifest = path.join(projectDir, 'node_modules', pkg, 'package.json');
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  } catch (error) {
    throw new Error(`cannot read ${manifest}: is ${projectDir} the anchor project, installed and built?`, {
      cause: error,
    });
  }
}

/**
 * Serves the anchor's built site (`anchorDist`, the `dist/` of a build of
 * ../shared/anchors/starlight) and measures each page of its five texts in
 * every language: every request the page makes on its own until the network
 * is quiet (Starlight fetches its search code once the browser is idle after
 * `load`), cold cache, brotli at its best, as this site's pages are measured.
 */
export async function measureStarlightPages(browser: Browser, anchorDist: string): Promise<StarlightPages> {
  const projectDir = path.dirname(path.resolve(anchorDist));
  const build = {
    source: '../shared/anchors/starlight',
    starlight: installedVersion(projectDir, '@astrojs/starlight'),
    astro: installedVersion(projectDir, 'astro'),
  };
  const server = await serve({ dir: anchorDist, port: 0, prefix: '/' });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the anchor server has no TCP port');
  const pages: Record<string, StarlightPage> = {};
  try {
    for (const lang of localeCodes) {
      for (const [starlightSlug, slug] of Object.entries(starlightSlugs)) {
        const starlightPath = `/${lang}/${starlightSlug}/`;
        const cost = await measurePage(browser, `http://127.0.0.1:${address.port}${starlightPath}`, {
          context: { viewport },
          until: 'network-idle',
        });
        if (cost.resources[0]?.status !== 200) throw new Error(`${anchorDist}: ${starlightPath} is not there`);
        const { requests, totalBrotliBytes, textFloorBytes } = summarise(cost);
        pages[paths.document(lang, slug)] = { starlightPath, requests, brotliBytes: totalBrotliBytes, textFloorBytes };
      }
    }
  } finally {
    server.close();
  }
  return {
    $comment:
      'Stock Starlight’s pages of the same texts, the anchor of the page-weight budget (pipeline/after-render/budgets.ts). ' +
      'Written by `npm run bench -- --record-anchor ../anchor-starlight/dist` from a build of ../shared/anchors/starlight; do not edit.',
    measuredAs:
      'every request the page makes on its own until the network is quiet (500 ms), cold cache, each body brotli-compressed at quality 11; text floor: the brotli size of document.body.innerText',
    measuredAt: new Date().toISOString().slice(0, 10),
    build,
    chromium: browser.version(),
    viewport,
    pages,
  };
}

export async function recordStarlightPages(browser: Browser, anchorDist: string): Promise<StarlightPages> {
  const record = await measureStarlightPages(browser, anchorDist);
  await writeFile(starlightPagesFile, `${JSON.stringify(record, null, 2)}\n`);
  return record;
}

/**
 * What each document page of this site costs, measured as the anchor's are:
 * everything it fetches on its own until the network is quiet, cold cache.
 * `origin` is the served site's (empty when `context` has a `baseURL`).
 */
export async function measureDocumentWeights(
  browser: Browser,
  origin: string,
  documents: readonly { lang: Locale; slug: string }[],
  context: BrowserContextOptions = { viewport },
): Promise<DocumentWeight[]> {
  const weights: DocumentWeight[] = [];
  for (const { lang, slug } of documents) {
    const page = paths.document(lang, slug);
    const cost = await measurePage(browser, origin + page, { context, until: 'network-idle' });
    const { totalBrotliBytes, textFloorBytes } = summarise(cost);
    weights.push({ page, lang, slug, brotliBytes: totalBrotliBytes, textFloorBytes });
  }
  return weights;
}
