import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { describe, expect, it } from 'vitest';
import { searchEngineFiles, withoutAnchors } from '../../../scripts/build/search-index';
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
  it("drop the anchors of one page's excerpts and keep the rest as it was", () => {
    expect(read(withoutAnchors(excerptFile(fragment)))).toEqual({ ...fragment, anchors: [] });
  });

  it("drop the anchors of every page in a language's one excerpt file", () => {
    const group = { en_1: fragment, en_2: { ...fragment, url: '/en/b/' } };
    expect(read(withoutAnchors(excerptFile(group)))).toEqual({
      en_1: { ...fragment, anchors: [] },
      en_2: { ...fragment, url: '/en/b/', anchors: [] },
    });
  });

  it('refuse a file that is not an excerpt file', () => {
    expect(() => withoutAnchors(Buffer.from('{"url":"/en/a/"}'))).toThrow('not a Pagefind excerpt file');
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
