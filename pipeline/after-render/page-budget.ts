import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { buildCache, producerOf, type BuildCache, type Producer } from '../render/build-cache.ts';
import { brotliSize, budgets, checkBudget, isSitePage } from './budgets.ts';
import type { ParsedPages } from './site-files.ts';

/** What decides a page's quick size besides its HTML: Node's brotli, whose version is in every key, and this module and all it imports. */
export const quickSizeProducer: Producer = producerOf(new URL(import.meta.url));

/** Each page's quick size, kept by its HTML: a rebuild compresses only the pages that changed. */
const quickSizes = buildCache('page-budget', quickSizeProducer);

/**
 * Every page whose HTML alone, compressed as a host would serve it, is over
 * the first-visit budget: a page no reader could load in one round trip, which
 * must stop the build rather than wait for the budget tests. The tests measure
 * the whole first visit in a browser; this is the part the build can weigh.
 */
export function pagesOverBudget(pages: ParsedPages, cache: BuildCache = quickSizes): string[] {
  const { limitBytes } = budgets.firstVisit;
  const over: string[] = [];
  for (const [file, document] of pages) {
    if (!isSitePage(file)) continue;
    const html = document.toString();
    // Brotli's best quality takes about 80 ms a page; quality 5 takes a few and compresses no better in practice,
    // so only a page that it finds over the budget is weighed exactly, as a host would serve it.
    const quick = Number(
      cache
        .through(cache.key(html), () =>
          Buffer.from(String(brotliCompressSync(html, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }).byteLength)),
        )
        .toString(),
    );
    if (quick <= limitBytes) continue;
    const breach = checkBudget('firstVisit', file, brotliSize(html));
    if (breach) {
      over.push(
        `${file}: its HTML alone is ${breach.actualBytes} B brotli, ${breach.excessBytes} B over the first-visit budget of ${limitBytes} B`,
      );
    }
  }
  return over;
}
