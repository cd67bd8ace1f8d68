import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import {
  assertUnchangedSinceIndexed,
  claimLastsMs,
  languageIndexKey,
  languageIndexProducer,
  mergedIndex,
  packFiles,
  pagefindFiles,
  pagesToIndex,
  searchEngineFiles,
  unpackFiles,
  withBlockStarts,
  writeSearchIndex,
  zopfliCached,
  zopfliKey,
} from '../../../pipeline/search-index/search-index';
import { buildCache } from '../../../pipeline/render/build-cache';
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

describe('the search index, a language at a time', () => {
  const page = (lang: string, n: number) =>
    [
      `${lang}/${n}/index.html`,
      `<!doctype html><html lang="${lang}"><head><title>${lang} ${n}</title></head><body><article data-pagefind-body><h1>Title ${n}</h1><p id="p-1">Lukashenko ${lang} ${n}, Kapshula.</p></article></body></html>`,
    ] as [string, string];
  const languages = localeCodes.map((lang) => [page(lang, 1), page(lang, 2)]);

  it.each([
    ['bundled in one file a language', true],
    ['one file a page', false],
  ])(
    'is, with the excerpts %s, the very files Pagefind writes for every language at once',
    async (_, bundledExcerpts) => {
      const apart = mergedIndex(await pagefindFiles(languages, bundledExcerpts));
      const [together] = await pagefindFiles([languages.flat()], bundledExcerpts);
      expect([...apart.keys()].sort()).toEqual([...(together?.keys() ?? [])].sort());
      for (const [file, bytes] of together ?? []) expect(apart.get(file)).toEqual(bytes);
      expect(JSON.parse(apart.get('pagefind-entry.json')?.toString() ?? '{}')).toHaveProperty(
        'languages.ru.page_count',
        2,
      );
    },
  );

  it('refuses two languages whose shared files differ', () => {
    const part = (bytes: string) => new Map([['pagefind.js', Buffer.from(bytes)]]);
    expect(() => mergedIndex([part('a'), part('b')])).toThrow('pagefind.js differently');
  });

  it("keeps each language's files by its pages, how excerpts are kept, and the code that makes them", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'search-index-'));
    try {
      const cache = buildCache('search-index', languageIndexProducer, folder);
      const [en = []] = languages;
      const key = languageIndexKey(cache, en, true);
      expect(languageIndexKey(cache, en, true)).toBe(key);
      const [first = page('en', 1), second = page('en', 2)] = en;
      for (const changed of [
        [[first[0], first[1].replace('Kapshula', 'Kapšula')], second],
        [[first[0].replace('1', '3'), first[1]], second],
        [second, first],
        [first],
      ] as [string, string][][]) {
        expect(languageIndexKey(cache, changed, true)).not.toBe(key);
      }
      expect(languageIndexKey(cache, en, false)).not.toBe(key);
      // Pagefind's binary and the modules that turn its files into the served ones are in the key.
      expect(languageIndexProducer.packages).toEqual(expect.arrayContaining(['pagefind', '@gfx/zopfli', 'esbuild']));
      expect(languageIndexProducer.packages.some((name) => name.startsWith('@pagefind/'))).toBe(true);
      expect(languageIndexProducer.modules.map((module) => path.basename(module.pathname))).toEqual(
        expect.arrayContaining([
          'search-index.ts',
          'zopfli.ts',
          'zopfli-worker.ts',
          'search-excerpt.ts',
          'paragraph-number.ts',
        ]),
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('takes each language whose pages an earlier build indexed from what that build kept, indexing none again', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'search-index-'));
    try {
      const cache = buildCache('search-index', languageIndexProducer, folder);
      // Stand-ins for what the last build kept, which show that they are read, not made again.
      localeCodes.forEach((lang, at) => {
        const standIn = new Map([
          ['pagefind-entry.json', Buffer.from(JSON.stringify({ version: 'kept', languages: { [lang]: at } }))],
          [`pagefind.${lang}_kept.pf_meta`, Buffer.from(lang)],
        ]);
        cache.set(languageIndexKey(cache, languages[at] ?? [], true), packFiles(standIn));
      });
      const indexed = { html: new Map(languages.flat()), parts: new Map() };
      const distDir = path.join(folder, 'dist');
      expect(await writeSearchIndex(distDir, indexed, cache)).toEqual({
        pages: languages.flat().length,
        bundledExcerpts: true,
      });
      const output = path.join(distDir, 'pagefind');
      expect((await readdir(output)).sort()).toEqual(
        ['pagefind-entry.json', ...localeCodes.map((lang) => `pagefind.${lang}_kept.pf_meta`)].sort(),
      );
      // One entry naming every language, in the order of their codes, as Pagefind writes it.
      const entry = await readFile(path.join(output, 'pagefind-entry.json'), 'utf8');
      const inOrder = [...localeCodes].sort();
      expect(entry).toBe(
        JSON.stringify({
          version: 'kept',
          languages: Object.fromEntries(inOrder.map((lang) => [lang, localeCodes.indexOf(lang)])),
        }),
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('packs files for the cache and unpacks them as they were', () => {
    const files = new Map([
      ['a.pf_meta', Buffer.from('a')],
      ['index/ü.pf_index', Buffer.alloc(0)],
      ['fragment/b', Buffer.from([0, 255, 1])],
    ]);
    expect(unpackFiles(packFiles(files))).toEqual(files);
  });
});

describe("Zopfli's kept output, made once when two processes need it", () => {
  const content = Buffer.from('Рэпрэсіі супраць незалежных прафсаюзаў. '.repeat(30));
  const options = { iterations: 1 };
  const setUp = async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'zopfli-claims-'));
    const cache = buildCache('zopfli', { packages: [], modules: [] }, folder);
    const claims = path.join(folder, 'claims');
    await mkdir(claims);
    return { folder, cache, claims, claim: path.join(claims, zopfliKey(cache, content, options)) };
  };

  it('waits for the entry a running process claimed, rather than making it again', async () => {
    const { folder, cache, claims, claim } = await setUp();
    try {
      await writeFile(claim, String(process.pid));
      const waiting = zopfliCached([{ content }], options, { cache, claims });
      await new Promise((resolve) => setTimeout(resolve, 300));
      // A stand-in for the other process's entry shows that it is taken, not made here.
      cache.set(zopfliKey(cache, content, options), Buffer.from('made by the other process'));
      await rm(claim);
      const [[, bytes] = []] = await waiting;
      expect(bytes?.toString()).toBe('made by the other process');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('takes over a claim whose process stopped, and makes the entry itself', async () => {
    const { folder, cache, claims, claim } = await setUp();
    try {
      const stopped = spawnSync(process.execPath, ['-e', '0']).pid;
      await writeFile(claim, String(stopped));
      const [[, bytes] = []] = await zopfliCached([{ content }], options, { cache, claims });
      expect(gunzipSync(bytes ?? Buffer.alloc(0))).toEqual(content);
      expect(cache.get(zopfliKey(cache, content, options))).toEqual(bytes);
      expect(existsSync(claim)).toBe(false);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('takes over a claim older than any compression takes, whose process id may be another process’s now', async () => {
    const { folder, cache, claims, claim } = await setUp();
    try {
      await writeFile(claim, String(process.pid));
      const old = new Date(Date.now() - claimLastsMs - 60_000);
      await utimes(claim, old, old);
      const [[, bytes] = []] = await zopfliCached([{ content }], options, { cache, claims });
      expect(gunzipSync(bytes ?? Buffer.alloc(0))).toEqual(content);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
