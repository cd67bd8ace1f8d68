import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { addDownloadSizes, formatSize } from '../../../scripts/build/download-sizes';
import type { ParsedPages } from '../../../scripts/build/site-files';

describe('download sizes', () => {
  it('says a size in kilobytes, in the page’s language', () => {
    expect(formatSize(45_600, 'en')).toBe('46 kB');
    expect(formatSize(45_600, 'ru')).toBe('46 кБ');
    expect(formatSize(45_600, 'be')).toBe('46 КБ');
    expect(formatSize(12, 'en')).toBe('1 kB');
  });

  it('writes the size of each marked download after its link, and fails on a link to no file', async () => {
    const dist = await mkdtemp(path.join(tmpdir(), 'sizes-'));
    await mkdir(path.join(dist, 'downloads'));
    await writeFile(path.join(dist, 'downloads/book-ru.epub'), new Uint8Array(20_706));
    const page = parse(
      '<html lang="ru"><body><a href="../../downloads/book-ru.epub" download data-size>book-ru.epub</a>' +
        '<a href="../../downloads/other.zip" download>other.zip</a></body></html>',
    );
    const pages: ParsedPages = new Map([['ru/downloads/index.html', page]]);
    await addDownloadSizes(dist, pages);
    expect(page.querySelector('body')?.innerHTML).toBe(
      '<a href="../../downloads/book-ru.epub" download>book-ru.epub</a> <span class="file-size">(21 кБ)</span>' +
        '<a href="../../downloads/other.zip" download>other.zip</a>',
    );

    const missing: ParsedPages = new Map([
      ['en/downloads/index.html', parse('<html lang="en"><a href="../../downloads/gone.epub" data-size>x</a></html>')],
    ]);
    await expect(addDownloadSizes(dist, missing)).rejects.toThrow(
      'en/downloads/index.html: the download ../../downloads/gone.epub has no file to give the size of',
    );
  });
});
