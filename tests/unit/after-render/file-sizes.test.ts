import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { fillFileSizes, packWithOwnSize } from '../../../pipeline/after-render/file-sizes';
import { formatFileSize } from '../../../pipeline/after-render/file-size';

const page = (lang: string, body: string) =>
  parse(`<!doctype html><html lang="${lang}"><head></head><body>${body}</body></html>`);

describe('file sizes', () => {
  it('are written as readers of each language write them', () => {
    expect(formatFileSize(27_412, 'en')).toBe('27 kB');
    expect(formatFileSize(27_412, 'be')).toBe('27 КБ');
    expect(formatFileSize(27_412, 'ru')).toBe('27 кБ');
    expect(formatFileSize(1_018_346, 'en')).toBe('1.0 MB');
    expect(formatFileSize(1_018_346, 'be')).toBe('1,0 МБ');
    expect(formatFileSize(999_700, 'en')).toBe('1.0 MB');
    expect(formatFileSize(12, 'en')).toBe('1 kB');
  });

  it('fill a page from the finished page it names, or the file on disk, in the language around them', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sizes-'));
    await mkdir(path.join(dir, 'downloads'), { recursive: true });
    await writeFile(path.join(dir, 'downloads/book.epub'), Buffer.alloc(4_600));
    const copy = page('en', `<p>${'x'.repeat(30_000)}</p>`);
    const pages = new Map([
      ['downloads/en/a.html', copy],
      [
        'ru/index.html',
        page(
          'ru',
          '<span data-size-of="/downloads/en/a.html"></span><p lang="be"><span data-size-of="/downloads/book.epub"></span></p><span data-size-of="/later.zip"></span>',
        ),
      ],
    ]);
    await fillFileSizes(dir, pages, new Set(['/later.zip']));
    const spans = pages.get('ru/index.html')?.querySelectorAll('span') ?? [];
    expect(spans.map((span) => span.text)).toEqual([formatFileSize(copy.toString().length, 'ru'), '5 КБ', '']);
    expect(spans.map((span) => span.getAttribute('data-size-of'))).toEqual([undefined, undefined, '/later.zip']);
  });

  it('name the page and the file when a page gives the size of a file that was not written', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sizes-'));
    const pages = new Map([['en/x/index.html', page('en', '<span data-size-of="/downloads/gone.html"></span>')]]);
    await expect(fillFileSizes(dir, pages, new Set())).rejects.toThrow(
      'Pages give the size of files the build did not write:\n  en/x/index.html: /downloads/gone.html',
    );
  });

  it('pack an archive again until the pages inside it give its own size', async () => {
    const html = (lang: string) =>
      Buffer.from(`<html lang="${lang}"><body><span data-size-of="/site.zip"></span></body></html>`);
    const files = [
      { path: 'be/index.html', bytes: html('be') },
      { path: 'en/index.html', bytes: html('en') },
      { path: 'other.css', bytes: Buffer.from('p{}') },
    ];
    // A packing whose size follows its content, as a real archive's does: the written size adds bytes.
    let packings = 0;
    const pack = async () => {
      packings += 1;
      const bytes = files.reduce((sum, file) => sum + file.bytes.length, 0);
      return new Uint8Array(1_049_500 + bytes * 100);
    };
    const packed = await packWithOwnSize(files, '/site.zip', pack);
    const texts = files.slice(0, 2).map((file) => parse(file.bytes.toString()).querySelector('span')?.text);
    expect(texts).toEqual([formatFileSize(packed.length, 'be'), formatFileSize(packed.length, 'en')]);
    expect(files[1]?.bytes.toString()).not.toContain('data-size-of');
    expect(packings).toBeLessThanOrEqual(4);
  });

  it('settle on the larger size when the written size keeps moving across a rounding boundary', async () => {
    const files = [
      { path: 'en/index.html', bytes: Buffer.from('<html lang="en"><span data-size-of="/a.zip"></span>') },
    ];
    // "1.0 MB" packs to 1.06 MB and "1.1 MB" to 1.04 MB: no size is ever its own.
    const pack = async () => new Uint8Array(files[0]?.bytes.includes('1.1 MB') ? 1_040_000 : 1_060_000);
    const packed = await packWithOwnSize(files, '/a.zip', pack);
    expect(files[0]?.bytes.toString()).toContain('1.1 MB');
    expect(packed.length).toBeLessThanOrEqual(1_100_000);
  });
});
