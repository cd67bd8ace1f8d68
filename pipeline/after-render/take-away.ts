import { parse, type HTMLElement } from 'node-html-parser';
import type { Locale } from '../../src/i18n/locales.ts';
import { paths } from '../../src/lib/routes.ts';
import { absoluteUrl } from '../../src/lib/site-url.ts';
import { buildCache, producerOf, type BuildCache, type Producer } from '../render/build-cache.ts';
import type { ParsedPages } from './site-files.ts';
import { zip } from './zip.ts';

/**
 * A document page as one file to pass around: its styles are already inline;
 * scripts, share links and links to the rest of the site's files go, links to
 * other pages become absolute, and a line at the top says where it came from.
 */
export function singleFileCopy(pageHtml: string, pagePath: string, originLine: string): HTMLElement {
  const document = parse(pageHtml, { comment: true });
  for (const element of document.querySelectorAll(
    // The copy is the single file: it does not offer itself.
    'script, link[rel="alternate"], link[rel="icon"], .skip-link, .search-link, .share, .single-file-link',
  )) {
    element.remove();
  }
  // A copy is not a page of the site: search must not list it beside the page it copies.
  for (const element of document.querySelectorAll('[data-pagefind-body]'))
    element.removeAttribute('data-pagefind-body');
  const page = new URL(pagePath.replace(/^\//, ''), absoluteUrl('/'));
  for (const link of document.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href') ?? '';
    if (!href.startsWith('#')) link.setAttribute('href', new URL(href, page).href);
  }
  document.querySelector('main')?.insertAdjacentHTML('afterbegin', `<p class="take-away-origin">${originLine}</p>`);
  return document;
}

export interface SingleFileSource {
  lang: Locale;
  slug: string;
  /** The sentence naming the original address, in the document's language, already HTML. */
  originLine: string;
}

/** What decides a single-file copy besides its page: this module and all it imports (the parser, the zip). */
export const singleFileProducer: Producer = producerOf(new URL(import.meta.url));

/** Each copy, kept by its page: a rebuild makes again only the copies of the pages that changed. */
const singleFiles = buildCache('single-files', singleFileProducer);

/** The key of a copy: its page's path and HTML, the line naming the original, and the site's address its links name. */
export function singleFileKey(cache: BuildCache, pagePath: string, originLine: string, pageHtml: string): string {
  return cache.key(pagePath, originLine, absoluteUrl('/'), pageHtml);
}

/**
 * Adds each document's single-file copy to the site's pages, made from its finished page. A copy made now is
 * parsed again from its HTML, as a kept one is, so that the later steps read the same tree either way.
 */
export function addSingleFiles(pages: ParsedPages, sources: SingleFileSource[], cache: BuildCache = singleFiles): void {
  for (const { lang, slug, originLine } of sources) {
    const pagePath = paths.document(lang, slug);
    const page = pages.get(`${pagePath.slice(1)}index.html`);
    if (page === undefined) throw new Error(`${pagePath} was not built, so it has no single-file copy`);
    const pageHtml = page.toString();
    const copy = cache.through(singleFileKey(cache, pagePath, originLine, pageHtml), () =>
      Buffer.from(singleFileCopy(pageHtml, pagePath, originLine).toString()),
    );
    pages.set(paths.singleFile(lang, slug).slice(1), parse(copy.toString('utf8'), { comment: true }));
  }
}

/**
 * A zip entry's date as zip stores it, in the local time of whoever unpacks
 * it: the release date's UTC fields, so that every machine, in any time zone,
 * writes the same bytes. Zip's earliest date when the release has none.
 */
export function zipTime(releaseDate: Date | undefined): Date {
  if (releaseDate === undefined) return new Date(1980, 0, 1);
  const d = releaseDate;
  return new Date(
    d.getUTCFullYear(),
    d.getUTCMonth(),
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  );
}

/** Formats that are compressed already: deflating them again costs time and saves nothing. */
const compressedSignatures = [
  Buffer.from([0x1f, 0x8b]), // gzip: Pagefind's index, fragments and WebAssembly
  Buffer.from([0x89, 0x50, 0x4e, 0x47]), // PNG
  Buffer.from('PK\x03\x04', 'latin1'), // zip
  Buffer.from('wOF2', 'latin1'), // WOFF2
];

export function isCompressed(bytes: Uint8Array): boolean {
  return compressedSignatures.some((signature) => Buffer.from(bytes.subarray(0, signature.length)).equals(signature));
}

/**
 * The whole site as one deterministic zip: entries in the given (sorted)
 * order, one date for all, text deflated and compressed formats stored, and
 * so are the files named in `stored`: a stored file takes as many bytes as it
 * has, so the archive's size is known before such a file's bytes are.
 */
export function siteArchive(
  files: readonly { path: string; bytes: Uint8Array }[],
  releaseDate?: Date,
  stored: ReadonlySet<string> = new Set(),
): Uint8Array {
  return zip(
    files.map((file) => ({
      path: file.path,
      bytes: file.bytes,
      deflate: !stored.has(file.path) && !isCompressed(file.bytes),
    })),
    zipTime(releaseDate),
  );
}
