import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import {
  assertUnchangedSinceIndexed,
  pagesToIndex,
  searchEngineFiles,
  withBlockStarts,
} from '../../../pipeline/search-index/search-index';
import type { ParsedPages } from '../../../pipeline/after-render/site-files';
import { localeCodes } from '../../../src/i18n/locales';

const anchor = { element: 'p', id: 'p-1', location: 0, text: 'The whole paragraph, a second time.' };
const fragment = {
  url: '/en/a/',
  content: 'The whole paragraph.',
  word_count: 3,
  meta: { title: 'A' },
  anchors: [anchor],
};
const excerptFile = (data: unknown) => Buffer.from(`pagefind_dcd${JSON.stringify(data)}`);
const read = (content: Buffer): unknown => JSON.parse(content.toString('utf8').slice('pagefind_dcd'.length));

describe('excerpt files', () => {
  const blocks = { paragraphs: [0], others: [] };
  it("keep only where one page's paragraphs start, and the rest as it was", () => {
    expect(read(withBlockStarts(excerptFile(fragment)))).toEqual({ ...fragment, anchors: [], blocks });
  });

  it("keep only where the paragraphs start of every page in a language's one excerpt file", () => {
    const group = { en_1: fragment, en_2: { ...fragment, url: '/en/b/' } };
    expect(read(withBlockStarts(excerptFile(group)))).toEqual({
      en_1: { ...fragment, anchors: [], blocks },
      en_2: { ...fragment, url: '/en/b/', anchors: [], blocks },
    });
  });

  it('refuse a file that is not an excerpt file', () => {
    expect(() => withBlockStarts(Buffer.from('{"url":"/en/a/"}'))).toThrow('not a Pagefind excerpt file');
  });
});

describe('the pages indexed while the others are finished', () => {
  const documentPage = (text: string) =>
    parse(
      `<html lang="en"><head><title>A</title></head><body><nav>Menu</nav><article data-pagefind-body><h1 data-pagefind-meta="title">A</h1><p>${text}</p></article><footer><span>12 KB</span></footer></body></html>`,
    );
  const site = (): ParsedPages =>
    new Map([
      ['en/a/index.html', documentPage('The text.')],
      ['en/about/index.html', parse('<html lang="en"><body><p>About</p></body></html>')],
    ]);

  it('are the pages with data-pagefind-body, as their HTML was when they were taken', () => {
    const pages = site();
    const indexed = pagesToIndex(pages);
    expect([...indexed.html.keys()]).toEqual(['en/a/index.html']);
    pages.get('en/a/index.html')?.querySelector('footer span')?.set_content('13 KB');
    expect(indexed.html.get('en/a/index.html')).toContain('12 KB');
  });

  it('may change where Pagefind does not read, such as a size outside the indexed text or the head', () => {
    const pages = site();
    const indexed = pagesToIndex(pages);
    pages.get('en/a/index.html')?.querySelector('footer span')?.set_content('13 KB');
    pages.get('en/a/index.html')?.querySelector('head')?.appendChild(parse('<meta name="x" content="y">'));
    pages.get('en/about/index.html')?.querySelector('p')?.set_content('About us');
    expect(() => assertUnchangedSinceIndexed(indexed, pages)).not.toThrow();
  });

  it.each([
    ['the indexed text', (page: ParsedPages) => page.get('en/a/index.html')?.querySelector('p')?.set_content('Other.')],
    [
      'a field Pagefind records',
      (page: ParsedPages) => page.get('en/a/index.html')?.querySelector('h1')?.set_content('B'),
    ],
    ['the title', (page: ParsedPages) => page.get('en/a/index.html')?.querySelector('title')?.set_content('B')],
    [
      'the language',
      (page: ParsedPages) => page.get('en/a/index.html')?.querySelector('html')?.setAttribute('lang', 'ru'),
    ],
    [
      'an image, which Pagefind shows with a result when the page names none',
      (page: ParsedPages) =>
        page.get('en/a/index.html')?.querySelector('footer')?.appendChild(parse('<img src="x.png" alt="">')),
    ],
  ])('refuse, naming the page, a later change to %s', (_, change) => {
    const pages = site();
    const indexed = pagesToIndex(pages);
    change(pages);
    expect(() => assertUnchangedSinceIndexed(indexed, pages)).toThrow(/before indexing[^]*en\/a\/index\.html/);
  });

  it('refuse, naming it, a page that a later step made to be indexed', () => {
    const pages = site();
    const indexed = pagesToIndex(pages);
    pages.get('en/about/index.html')?.querySelector('p')?.setAttribute('data-pagefind-body', '');
    pages.set('en/b/index.html', parse('<html lang="en"><body><article data-pagefind-body>B</article></body></html>'));
    expect(() => assertUnchangedSinceIndexed(indexed, pages)).toThrow(
      /before indexing[^]*en\/about\/index\.html\n {2}en\/b\/index\.html/,
    );
  });
});

describe('the search engine compressed ahead of the site', () => {
  it('is the very WebAssembly that an index of pages in every language holds', async () => {
    const site = await mkdtemp(path.join(tmpdir(), 'engine-site-'));
    const output = path.join(site, 'pagefind');
    try {
      for (const lang of localeCodes) {
        await mkdir(path.join(site, lang));
        await writeFile(
          path.join(site, lang, 'index.html'),
          `<!doctype html><html lang="${lang}"><head><title>${lang}</title></head><body data-pagefind-body><p>Lukashenko ${lang}</p></body></html>`,
        );
      }
      const { index } = await pagefind.createIndex({});
      try {
        await index?.addDirectory({ path: site });
        await index?.writeFiles({ outputPath: output });
      } finally {
        await pagefind.close();
      }
      const written = (await readdir(output)).filter((file) => file.startsWith('wasm.'));
      const ahead = await searchEngineFiles();
      expect([...ahead.keys()].sort()).toEqual(written.sort());
      for (const file of written) {
        expect(ahead.get(file)).toEqual(gunzipSync(await readFile(path.join(output, file))));
      }
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });
});
