/**
 * The site's pages as every later step starts from them: Astro's HTML with
 * every internal URL relative (relative-urls.ts), external links marked
 * (external-links.ts) and the text typeset (typesetting.ts). That work depends
 * on the page alone, so each page's result is kept by its file and HTML, and
 * a rebuild does it only for the pages that changed. A page prepared now is
 * written out and parsed again, as a kept one is, so that every later step
 * reads the same tree whether its page was kept or not: the output is the same
 * bytes either way.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { buildCache, producerOf, type BuildCache, type Producer } from '../render/build-cache.ts';
import { markExternalLinksIn } from './external-links.ts';
import {
  assertNoRootRelativeUrls,
  relativiseDocument,
  relativiseStylesheets,
  rootRelativeUrlsIn,
} from './relative-urls.ts';
import { listFiles, pagePathOf, type ParsedPages } from './site-files.ts';
import { typeset } from './typesetting.ts';

/** What decides a prepared page besides the page: this module and all it imports (the rewriting, the typesetting). */
export const preparedPageProducer: Producer = producerOf(new URL(import.meta.url));

const preparedPages = buildCache('prepared-pages', preparedPageProducer);

/**
 * Reads and prepares every page of the site, each parsed once for the steps after, and makes the stylesheets'
 * URLs relative; fails naming any root-relative URL left.
 */
export async function readPreparedPages(distDir: string, cache: BuildCache = preparedPages): Promise<ParsedPages> {
  const pages: ParsedPages = new Map();
  const left: string[] = [];
  for (const file of (await listFiles(distDir)).filter((name) => name.endsWith('.html'))) {
    const rendered = await readFile(path.join(distDir, file), 'utf8');
    const key = cache.key(file, rendered);
    let prepared = cache.get(key)?.toString('utf8');
    if (prepared === undefined) {
      const document = parse(rendered, { comment: true });
      relativiseDocument(document, pagePathOf(file));
      const rootRelative = rootRelativeUrlsIn(file, document);
      markExternalLinksIn(document);
      typeset(document);
      prepared = document.toString();
      // A page that fails is not kept, so that the next build fails on it too.
      if (rootRelative.length === 0) cache.set(key, Buffer.from(prepared));
      left.push(...rootRelative);
    }
    pages.set(file, parse(prepared, { comment: true }));
  }
  left.push(...(await relativiseStylesheets(distDir)));
  assertNoRootRelativeUrls(left);
  return pages;
}
