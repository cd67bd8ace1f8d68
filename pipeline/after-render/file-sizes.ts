/**
 * Pages name the sizes of the files they offer ("HTML, 27 KB"), which are
 * known only once those files are written. Each size is a placeholder
 * (src/components/FileSize.astro) until one of these fills it in, in the
 * language of the page around it.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { isLocale, type Locale } from '../../src/i18n/locales.ts';
import { formatFileSize } from './file-size.ts';
import type { ParsedPages } from './site-files.ts';

const placeholder = 'span[data-size-of]';

function languageOf(element: HTMLElement, file: string): Locale {
  for (let node: HTMLElement | null = element; node; node = node.parentNode) {
    const lang = node.getAttribute?.('lang');
    if (lang !== undefined) {
      if (isLocale(lang)) return lang;
      break;
    }
  }
  throw new Error(`${file}: a file size sits in no element of a known language`);
}

/**
 * Fills every size placeholder of the pages, except those of `later` (written
 * after the pages, such as the archive that holds them): from the finished page
 * when the file is one, else from the file in `distDir`. Fails, naming the page,
 * for a file that does not exist.
 */
export async function fillFileSizes(distDir: string, pages: ParsedPages, later: ReadonlySet<string>): Promise<void> {
  const missing: string[] = [];
  const pageBytes = new Map<string, number>();
  for (const [file, document] of pages) {
    for (const element of document.querySelectorAll(placeholder)) {
      const sitePath = element.getAttribute('data-size-of') ?? '';
      if (later.has(sitePath)) continue;
      const target = sitePath.replace(/^\//, '');
      const page = pages.get(target);
      let bytes: number;
      if (page) {
        if (page.querySelector(placeholder)) {
          throw new Error(
            `${file} gives the size of ${sitePath}, which gives sizes itself: give sizes of finished files only`,
          );
        }
        // A page's size is given on its own page and on every downloads page: it is written out once.
        bytes = pageBytes.get(target) ?? Buffer.byteLength(page.toString());
        pageBytes.set(target, bytes);
      } else {
        try {
          bytes = (await stat(path.join(distDir, target))).size;
        } catch {
          missing.push(`${file}: ${sitePath}`);
          continue;
        }
      }
      element.removeAttribute('data-size-of');
      element.set_content(formatFileSize(bytes, languageOf(element, file)));
    }
  }
  if (missing.length > 0)
    throw new Error(`Pages give the size of files the build did not write:\n  ${missing.join('\n  ')}`);
}

/** The pages, by file, that still hold a placeholder for the size of `sitePath`. */
export function pagesAwaitingSize(pages: ParsedPages, sitePath: string): string[] {
  return [...pages]
    .filter(([, document]) => document.querySelector(`${placeholder}[data-size-of="${sitePath}"]`))
    .map(([file]) => file);
}

interface SiteFileBytes {
  path: string;
  bytes: Buffer;
}

/**
 * Packs a file that holds the pages which name its size, as the site's archive
 * holds the downloads pages: packs it, writes its size into those pages, and
 * packs again until the size written is the size packed. Sizes are rounded, so
 * this settles at once unless a size sits on a rounding boundary; a size that
 * keeps changing settles on the larger of the two. Returns the last packing;
 * the pages' new bytes are in `files`, for the caller to write.
 */
export async function packWithOwnSize(
  files: SiteFileBytes[],
  sitePath: string,
  pack: () => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const selector = `${placeholder}[data-size-of="${sitePath}"]`;
  const naming = files
    .filter((file) => file.path.endsWith('.html') && file.bytes.includes(`data-size-of="${sitePath}"`))
    .map((file) => {
      const document = parse(file.bytes.toString('utf8'), { comment: true });
      const spans = document.querySelectorAll(selector).map((span) => {
        span.removeAttribute('data-size-of');
        return { span, lang: languageOf(span, file.path) };
      });
      return { file, document, spans };
    });
  const write = (bytes: number) => {
    for (const { file, document, spans } of naming) {
      for (const { span, lang } of spans) span.set_content(formatFileSize(bytes, lang));
      file.bytes = Buffer.from(document.toString());
    }
  };
  const shown = (bytes: number) => formatFileSize(bytes, 'en');
  let packed = await pack();
  if (naming.length === 0) return packed;
  let written: number | undefined;
  for (let attempt = 0; attempt < 4; attempt += 1) {
    if (written !== undefined && shown(written) === shown(packed.length)) break;
    // Still moving on a third try: the size straddles a rounding boundary, so keep the larger and stop there.
    written = attempt >= 2 ? Math.max(written ?? 0, packed.length) : packed.length;
    write(written);
    packed = await pack();
  }
  return packed;
}
