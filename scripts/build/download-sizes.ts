import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pagePathOf, type ParsedPages } from './site-files.ts';

/** A size as a reader reads it, in the page's language: `46 kB`, `46 КБ`. */
export function formatSize(bytes: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(
    Math.max(1, Math.round(bytes / 1000)),
  );
}

/**
 * Writes after each download link marked `data-size` the size of the file it
 * leads to, which exists only once the build has written it; fails, naming
 * the page, for a link to a file that is not there.
 */
export async function addDownloadSizes(distDir: string, pages: ParsedPages): Promise<void> {
  for (const [file, document] of pages) {
    const lang = document.querySelector('html')?.getAttribute('lang') ?? 'en';
    for (const link of document.querySelectorAll('a[data-size]')) {
      const href = link.getAttribute('href') ?? '';
      const target = decodeURIComponent(new URL(href, `https://site.invalid${pagePathOf(file)}`).pathname);
      const size = await stat(path.join(distDir, target)).then(
        (stats) => stats.size,
        () => undefined,
      );
      if (size === undefined) throw new Error(`${file}: the download ${href} has no file to give the size of`);
      link.removeAttribute('data-size');
      link.insertAdjacentHTML('afterend', ` <span class="file-size">(${formatSize(size, lang)})</span>`);
    }
  }
}
