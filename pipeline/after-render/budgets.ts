/**
 * The byte budgets every page, the site's CSS, a search and an offline copy
 * must keep, and how bytes are weighed against them: compressed as a good
 * static host serves them (brotli at its best quality). The build refuses a
 * page over its first-visit budget (page-budget.ts); the tests and
 * `npm run bench` (pipeline/bench/page-cost.ts) measure the rest.
 */
import { brotliCompressSync, constants as zlib } from 'node:zlib';

interface Budget {
  /** The most bytes, brotli-compressed, the thing measured may take. */
  limitBytes: number;
  /** What is measured, as a failure message names it. */
  measures: string;
}

/** The byte budgets: the one place the build, the tests and `npm run bench` take them from. */
export const budgets = {
  // About what TCP's initial congestion window (10 segments of ~1.4 KB) lets a server send in its
  // first round trip: the whole page arrives before the server has to wait for an acknowledgement.
  firstVisit: { limitBytes: 14 * 1024, measures: 'first visit (everything loaded until `load`)' },
  // Documents must read fully without JavaScript; at most a little progressive enhancement.
  documentScript: { limitBytes: 2 * 1024, measures: 'JavaScript of a document page' },
  // "Under 6 KB", so 6 KB itself is over.
  siteCss: { limitBytes: 6 * 1024 - 1, measures: 'CSS of the whole site' },
  // Close to what Pagefind's engine, WebAssembly and index cost on their own.
  search: { limitBytes: 100 * 1024, measures: 'a search, from opening the search page to the first result' },
  // Offline reading is an extra: it may cost a page no more than a small paragraph of text.
  offlineReading: { limitBytes: 1024, measures: 'offline reading’s line and script, added to a page' },
  // "Under 300 KB": everything a reader's first visit to a language saves, as a host would send it.
  offlineLanguage: { limitBytes: 300 * 1024 - 1, measures: 'the offline copy of one language' },
} as const satisfies Record<string, Budget>;

export type BudgetName = keyof typeof budgets;

/**
 * Page weight against what a reader would pay on stock Starlight, the obvious
 * other choice for a multilingual Astro site with search: an English document
 * page costs at most this share of Starlight's page of the same text, both
 * measured as everything the page fetches on its own (pipeline/bench/starlight-pages.ts
 * records Starlight's). Starlight's Belarusian and Russian pages carry the
 * English text, so those are held to the English page instead: what a page
 * costs above its own text floor is at most what the English page's costs.
 */
export const starlightShare = 0.15;

export interface DocumentWeight {
  /** The page's path: `/en/petition-to-the-ilo/`. */
  page: string;
  lang: string;
  slug: string;
  brotliBytes: number;
  textFloorBytes: number;
}

/** Every document page over its weight: English against Starlight's page (`starlightBytes`), the others against English. */
export function documentWeightBreaches(
  weights: readonly DocumentWeight[],
  starlightBytes: (page: string) => number | undefined,
): string[] {
  const breaches: string[] = [];
  const english = new Map(weights.filter(({ lang }) => lang === 'en').map((weight) => [weight.slug, weight]));
  for (const { page, lang, slug, brotliBytes, textFloorBytes } of weights) {
    if (lang === 'en') {
      const starlight = starlightBytes(page);
      if (starlight === undefined) {
        breaches.push(`${page}: Starlight has no page of this text recorded (pipeline/bench/starlight-pages.ts)`);
        continue;
      }
      const limit = Math.floor(starlight * starlightShare);
      if (brotliBytes > limit) {
        breaches.push(
          `${page}: ${brotliBytes} B brotli, ${brotliBytes - limit} B over ${starlightShare}× Starlight's ${starlight} B (${limit} B)`,
        );
      }
      continue;
    }
    const original = english.get(slug);
    if (original === undefined) {
      breaches.push(`${page}: no English page of ${slug} was measured to hold it to`);
      continue;
    }
    const above = brotliBytes - textFloorBytes;
    const englishAbove = original.brotliBytes - original.textFloorBytes;
    if (above > englishAbove) {
      breaches.push(
        `${page}: ${above} B above its text floor, ${above - englishAbove} B more than the English page's ${englishAbove} B`,
      );
    }
  }
  return breaches;
}

export interface BudgetBreach {
  /** The page (or other thing) over budget. */
  subject: string;
  budget: BudgetName;
  actualBytes: number;
  excessBytes: number;
}

/** A body compressed as a static host would serve it: brotli at its best quality. */
export function brotliCompress(body: Uint8Array | string): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return brotliCompressSync(bytes, {
    params: {
      [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
      [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
    },
  });
}

/** Bytes once compressed as a static host would serve them. */
export function brotliSize(body: Uint8Array | string): number {
  return brotliCompress(body).byteLength;
}

/** The breach of one budget, or nothing when `actualBytes` is within it. */
export function checkBudget(budget: BudgetName, subject: string, actualBytes: number): BudgetBreach | undefined {
  const excessBytes = actualBytes - budgets[budget].limitBytes;
  return excessBytes > 0 ? { subject, budget, actualBytes, excessBytes } : undefined;
}

export function describeBreach({ subject, budget, actualBytes, excessBytes }: BudgetBreach): string {
  const { measures, limitBytes } = budgets[budget];
  return `${subject}: ${measures} is ${actualBytes} B brotli, ${excessBytes} B over its budget of ${limitBytes} B`;
}

/** Folders under the built site that hold no pages a reader browses: `_astro/` assets, downloads. */
function isPageFolder(name: string): boolean {
  return !name.startsWith('_') && name !== 'downloads';
}

/** Whether a file of the built site (`en/x/index.html`) is a page a reader browses, which the budgets govern. */
export function isSitePage(file: string): boolean {
  return file.endsWith('.html') && file.split('/').slice(0, -1).every(isPageFolder);
}
