import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { transform } from 'esbuild';
import { parse, type HTMLElement } from 'node-html-parser';
import * as pagefind from 'pagefind';
import { localeCodes, type Locale } from '../../src/i18n/locales.ts';
import { paths, relativeUrl } from '../../src/lib/routes.ts';
import { blockStarts, type Anchor, type BlockStarts } from '../../src/lib/search-excerpt.ts';
import type { ParsedPages } from '../after-render/site-files.ts';
import {
  buildCache,
  buildCacheRoot,
  installedPackages,
  producerOf,
  type BuildCache,
  type Producer,
} from '../render/build-cache.ts';
import { gzipBest, type ZopfliOptions } from './zopfli.ts';

/**
 * Up to this many pages in every language, each language's excerpts go in one
 * file, which the search page fetches beside the engine: at about 2.5 KB a page
 * it costs less than the round trip (400 ms, or 20 KB at 400 kbit/s) that
 * fetching excerpts after the search would add. A larger site fetches the
 * excerpts of the results it shows, five at a time.
 */
const bundleExcerptsUpToPages = 8;

/**
 * What of a document's text (`data-pagefind-body`) the index leaves out, by the classes the components give
 * it: the "¶ 12" links, the header, the notes on translations, the provenance, the QR code and the links to
 * read on. Named here once rather than marked `data-pagefind-ignore` on each element, which every reader would
 * download (18 times on the petition). Pagefind still records the fields marked `data-pagefind-meta` in them.
 */
export const leftOutOfSearch = [
  '.pn',
  '.document-header',
  '.translation-notice',
  '.provenance',
  '.document-footer',
  '.document-nav',
];

/** Index chunks are fetched beside the engine only while a language's chunks stay this small. */
const preloadIndexUpToBytes = 40 * 1024;

/**
 * What Pagefind reads of a page: its indexed text, the metadata, filters and
 * sort keys it records, its title, and what it takes a title or image from
 * when a page names none (the first heading and image anywhere), besides the
 * page's language.
 */
const indexedParts = [
  '[data-pagefind-body]',
  '[data-pagefind-meta]',
  '[data-pagefind-default-meta]',
  '[data-pagefind-filter]',
  '[data-pagefind-sort]',
  'title',
  'h1',
  'img',
].join(', ');

/**
 * The pages Pagefind indexes (those with `data-pagefind-body`), as their HTML
 * now, by file. `assertUnchangedSinceIndexed` checks, before they are written,
 * that no later step changed what Pagefind read of them.
 */
export interface IndexedPages {
  html: Map<string, string>;
  parts: Map<string, string>;
}

/** Whether Pagefind indexes the page: it has an element marked `data-pagefind-body`. */
const isIndexed = (document: HTMLElement) => document.querySelector('[data-pagefind-body]') !== null;

function indexedPartsOf(document: HTMLElement): string {
  const lang = document.querySelector('html')?.getAttribute('lang') ?? '';
  return [lang, ...document.querySelectorAll(indexedParts).map((element) => element.outerHTML)].join('\n');
}

export function pagesToIndex(pages: ParsedPages): IndexedPages {
  const html = new Map<string, string>();
  const parts = new Map<string, string>();
  for (const [file, document] of pages) {
    if (!isIndexed(document)) continue;
    html.set(file, document.toString());
    parts.set(file, indexedPartsOf(document));
  }
  return { html, parts };
}

/**
 * Throws, naming the pages, if a step after indexing changed what Pagefind read
 * of them, or made a page to index that it never saw: the index would be stale.
 */
export function assertUnchangedSinceIndexed(indexed: IndexedPages, pages: ParsedPages): void {
  const changed = [...indexed.parts]
    .filter(([file, parts]) => {
      const document = pages.get(file);
      return document === undefined || indexedPartsOf(document) !== parts;
    })
    .map(([file]) => file);
  const unseen = [...pages]
    .filter(([file, document]) => !indexed.parts.has(file) && isIndexed(document))
    .map(([file]) => file);
  const stale = [...changed, ...unseen];
  if (stale.length > 0) {
    throw new Error(
      `The search index was made before a step changed what it reads of these pages; move that step before indexing (pipeline/post-build.ts):\n  ${stale.join('\n  ')}`,
    );
  }
}

/** The indexed pages of each `<html lang>`, as [file, HTML] in the order they were taken. */
function indexedPagesByLanguage(indexed: IndexedPages): Map<string, [string, string][]> {
  const languages = new Map<string, [string, string][]>();
  for (const [file, html] of indexed.html) {
    const lang = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? 'unknown';
    languages.set(lang, [...(languages.get(lang) ?? []), [file, html]]);
  }
  return languages;
}

export interface SearchIndex {
  pages: number;
  /** Whether each language's excerpts are in one file. */
  bundledExcerpts: boolean;
}

/** The files of an index (or of one language's part of it), by path under the index's folder. */
type IndexFiles = Map<string, Buffer>;

/** The file in which Pagefind names each language of the index, with its hash and WebAssembly. */
const entryFile = 'pagefind-entry.json';

/**
 * What decides a language's part of the index besides its pages: this module and all it imports or starts (the
 * compressor's worker), and Pagefind's binary, which comes in a package of its own.
 */
export const languageIndexProducer: Producer = producerOf(new URL(import.meta.url), {
  packages: installedPackages('@pagefind/'),
});

/** Each language's part of the index as served, kept by its pages: an edit re-indexes only its own language. */
const languageIndexes = buildCache('search-index', languageIndexProducer);

/**
 * Indexes the documents' text with Pagefind, one index per `<html lang>`,
 * from the pages as `pagesToIndex` took them. Only elements marked
 * `data-pagefind-body` are indexed, so navigation, footers and the other pages
 * stay out of the results. Pagefind indexes each language apart from the
 * others, so each language's part is made on its own and kept by its pages: a
 * build indexes only the languages whose pages changed, and a language's files
 * are those an index of every language at once holds (which the unit tests
 * check). Pagefind runs in a process of its own, and Zopfli on worker threads,
 * so the caller's thread is free for other steps meanwhile.
 */
export async function writeSearchIndex(
  distDir: string,
  indexed: IndexedPages,
  cache: BuildCache = languageIndexes,
): Promise<SearchIndex> {
  const outputPath = path.join(distDir, path.dirname(paths.searchEngine()));
  const languages = indexedPagesByLanguage(indexed);
  const largestLanguage = Math.max(0, ...[...languages.values()].map((pages) => pages.length));
  const bundledExcerpts = largestLanguage <= bundleExcerptsUpToPages;
  const keyOf = (pages: [string, string][]) => languageIndexKey(cache, pages, bundledExcerpts);
  const parts: IndexFiles[] = [];
  const missing: [string, string][][] = [];
  for (const pages of languages.values()) {
    const kept = cache.get(keyOf(pages));
    if (kept === undefined) missing.push(pages);
    else parts.push(unpackFiles(kept));
  }
  if (missing.length > 0) {
    const made = await servedFiles(await pagefindFiles(missing, bundledExcerpts), bundledExcerpts);
    made.forEach((files, at) => cache.set(keyOf(missing[at] ?? []), packFiles(files)));
    parts.push(...made);
  }
  await writeIndexFiles(outputPath, mergedIndex(parts));
  return { pages: indexed.html.size, bundledExcerpts };
}

/** The key of a language's part of the index: its pages, each by file and HTML, and how its excerpts are kept. */
export function languageIndexKey(cache: BuildCache, pages: [string, string][], bundledExcerpts: boolean): string {
  return cache.key(bundledExcerpts ? 'excerpts bundled' : 'excerpts a page each', ...pages.flat());
}

/**
 * Pagefind's files for each list of pages (a language's), as it makes them. The pages are sent without waiting
 * for each reply: Pagefind takes them one after the other in the order sent, so the index is the same, and it
 * need not wait for this thread, which is busy finishing the pages, between two of them. The site has its own
 * small search interface and searches on the page's own thread: Pagefind's ready-made interfaces and its worker
 * would only be dead weight in every copy.
 */
export async function pagefindFiles(languages: [string, string][][], bundledExcerpts: boolean): Promise<IndexFiles[]> {
  try {
    return await Promise.all(
      languages.map(async (pages) => {
        const { index, errors } = await pagefind.createIndex({
          excludeSelectors: leftOutOfSearch,
          ...(bundledExcerpts ? { maxFragments: 1 } : {}),
        });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await Promise.all(
          pages.map(([file, content]) => index.addHTMLFile({ sourcePath: file, content })),
        );
        added.forEach(({ errors: failed }, at) => {
          if (failed.length > 0) throw new Error(`Pagefind could not index ${pages[at]?.[0]}: ${failed.join('; ')}`);
        });
        const written = await index.getFiles();
        if (written.errors.length > 0)
          throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        return new Map(
          written.files
            .filter((file) => !/^pagefind-(ui|modular-ui|component-ui|highlight|worker)\b/.test(file.path))
            .map((file) => [file.path, Buffer.from(file.content)]),
        );
      }),
    );
  } finally {
    await pagefind.close();
  }
}

/** One index of the languages' parts: the files they share are the same bytes in each, and the entry names all. */
export function mergedIndex(parts: readonly IndexFiles[]): IndexFiles {
  const merged: IndexFiles = new Map();
  const languages: [string, unknown][] = [];
  let entry: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [file, bytes] of part) {
      if (file === entryFile) {
        entry = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
        languages.push(...Object.entries(entry['languages'] as Record<string, unknown>));
        continue;
      }
      const other = merged.get(file);
      if (other !== undefined && !other.equals(bytes)) {
        throw new Error(`Pagefind wrote ${file} differently for two languages: index them together again`);
      }
      merged.set(file, bytes);
    }
  }
  // As Pagefind writes it for all languages at once: each language's entry, in the order of their (ASCII) codes.
  languages.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  merged.set(entryFile, Buffer.from(JSON.stringify({ ...entry, languages: Object.fromEntries(languages) })));
  return merged;
}

async function writeIndexFiles(outputPath: string, files: IndexFiles): Promise<void> {
  for (const [file, bytes] of files) {
    await mkdir(path.dirname(path.join(outputPath, file)), { recursive: true });
    await writeFile(path.join(outputPath, file), bytes);
  }
}

/** Files as one buffer, for the cache: the list of paths and sizes as JSON, after its own length, then the bytes. */
export function packFiles(files: IndexFiles): Buffer {
  const list = Buffer.from(JSON.stringify([...files].map(([file, bytes]) => [file, bytes.byteLength])));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(list.byteLength);
  return Buffer.concat([length, list, ...files.values()]);
}

export function unpackFiles(packed: Buffer): IndexFiles {
  const listEnd = 4 + packed.readUInt32BE(0);
  const files: IndexFiles = new Map();
  let at = listEnd;
  for (const [file, size] of JSON.parse(packed.subarray(4, listEnd).toString('utf8')) as [string, number][]) {
    files.set(file, packed.subarray(at, at + size));
    at += size;
  }
  return files;
}

/** Zopfli's output, kept between builds: it depends only on the bytes compressed and the compressor. */
const zopfliCache = buildCache('zopfli', producerOf(new URL('zopfli.ts', import.meta.url)));

/**
 * Pagefind writes its engine with the white space taken out but every name
 * kept; esbuild's minifier (pinned, so the same bytes on every build) also
 * shortens the names, which every first search pays 1.8 KB less.
 */
async function minifyEngine(code: Buffer): Promise<Buffer> {
  const minified = await transform(code.toString('utf8'), { minify: true, format: 'esm', target: 'es2022' });
  return Buffer.from(minified.code);
}

/**
 * Where a process says which of Zopfli's entries it is making: the build script compresses the search engine
 * ahead in its own process while Astro's may come to need the same files, and each is made once, by whichever
 * process takes it first, while the other waits for its entry. A claim is a file that holds its process's id,
 * so that one left by a process that stopped is taken over.
 */
const zopfliClaims = path.join(buildCacheRoot, 'zopfli-claims');

/** How long a claim holds at most: the largest file (the WebAssembly) takes seconds, even on a busy machine. */
export const claimLastsMs = 10 * 60 * 1000;

/** Whether the process that wrote a claim is still running, and the claim recent. */
function claimHeld(claim: string): boolean {
  let pid: number;
  try {
    // Older than any one compression takes: its process stopped, and its id may be another process's now.
    if (Date.now() - statSync(claim).mtimeMs > claimLastsMs) return false;
    pid = Number(readFileSync(claim, 'utf8'));
  } catch {
    return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Claims `key` for this process, unless another running process has; a claim left by a stopped one is taken over. */
function claimEntry(claims: string, key: string): boolean {
  const claim = path.join(claims, key);
  mkdirSync(claims, { recursive: true });
  try {
    writeFileSync(claim, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (claimHeld(claim)) return false;
    rmSync(claim, { force: true });
    return claimEntry(claims, key);
  }
}

/** The key of Zopfli's gzip of `content`: the bytes and the number of passes. */
export function zopfliKey(cache: BuildCache, content: Uint8Array, options: ZopfliOptions): string {
  return cache.key(`iterations ${options.iterations ?? 'default'}`, content);
}

/**
 * Zopfli's gzip of each item's content: kept from an earlier build, or compressed now on every core and kept, or
 * waited for while another process compresses it.
 */
export async function zopfliCached<Item extends { content: Buffer }>(
  items: readonly Item[],
  options: ZopfliOptions = {},
  { cache = zopfliCache, claims = zopfliClaims }: { cache?: BuildCache; claims?: string } = {},
): Promise<[Item, Buffer][]> {
  // Each key hashes the item's bytes (the WebAssembly is the largest): worked out once, not on every look.
  const keys = new Map(items.map((item) => [item, zopfliKey(cache, item.content, options)]));
  const keyOf = (item: Item) => keys.get(item) ?? zopfliKey(cache, item.content, options);
  const done: [Item, Buffer][] = [];
  let missing = [...items];
  while (missing.length > 0) {
    const kept = missing.map((item) => [item, cache.get(keyOf(item))] as const);
    done.push(...kept.filter((entry): entry is [Item, Buffer] => entry[1] !== undefined));
    missing = kept.filter(([, bytes]) => bytes === undefined).map(([item]) => item);
    const claimed: string[] = [];
    try {
      const compressed = await gzipBest(
        missing,
        ({ content }) => content,
        options,
        (item) => {
          const claim = claimEntry(claims, keyOf(item));
          if (claim) claimed.push(keyOf(item));
          return claim;
        },
      );
      for (const [item, bytes] of compressed) cache.set(keyOf(item), bytes);
      done.push(...compressed);
      missing = missing.filter((item) => !compressed.some(([made]) => made === item));
    } finally {
      for (const key of claimed) rmSync(path.join(claims, key), { force: true });
    }
    // The rest another process is making: each is there once its claim is gone, or is made here if it is not.
    while (missing.some((item) => cache.get(keyOf(item)) === undefined && claimHeld(path.join(claims, keyOf(item))))) {
      await setTimeout(100);
    }
  }
  return done;
}

/**
 * Pagefind's files as the site serves them: the engine minified, and each
 * gzipped file compressed better. Pagefind gzips its WebAssembly, index and
 * excerpt files itself, so a host cannot compress them again. Zopfli writes
 * the same bytes as a gzip stream about 5 % smaller, which every search pays
 * less: 4 KB of the 100 KB budget. Zopfli is slow, so it runs on every core
 * and each result is kept, by the hash of what it holds. Excerpt files of one
 * page each (on a site too large to bundle them, see `bundleExcerptsUpToPages`)
 * are fetched a few at a time for the results shown, not by every search, and
 * get zlib's best instead: Zopfli took most of a large site's build to save a
 * few hundred bytes there.
 */
async function servedFiles(parts: IndexFiles[], bundledExcerpts: boolean): Promise<IndexFiles[]> {
  const served = parts.map((files) => new Map(files));
  const best: { files: IndexFiles; file: string; original: Buffer; content: Buffer }[] = [];
  for (const files of served) {
    for (const [file, original] of files) {
      if (file === path.posix.basename(paths.searchEngine())) files.set(file, await minifyEngine(original));
      if (!/\.(pagefind|pf_index|pf_fragment)$/.test(file)) continue;
      const content = file.endsWith('.pf_fragment') ? withBlockStarts(gunzipSync(original)) : gunzipSync(original);
      if (file.endsWith('.pf_fragment') && !bundledExcerpts) {
        const smaller = gzipSync(content, { level: constants.Z_BEST_COMPRESSION });
        files.set(file, smaller.byteLength < original.byteLength ? smaller : original);
      } else {
        best.push({ files, file, original, content });
      }
    }
  }
  for (const [{ files, file, original }, smaller] of await zopfliCached(best)) {
    files.set(file, smaller.byteLength < original.byteLength ? smaller : original);
  }
  return served;
}

/**
 * The search engine's WebAssembly files, by name, as Pagefind writes them for
 * an index in the site's languages (uncompressed). Their bytes depend only on
 * Pagefind's version and the languages, so an index of one record per
 * language gives the very files an index of the whole site does.
 */
export async function searchEngineFiles(): Promise<Map<string, Buffer>> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'pagefind-engine-'));
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    try {
      for (const lang of localeCodes) {
        await index.addCustomRecord({ url: `/${lang}/`, content: lang, language: lang });
      }
      const written = await index.writeFiles({ outputPath: scratch });
      if (written.errors.length > 0) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
    } finally {
      await pagefind.close();
    }
    const engines = (await readdir(scratch)).filter((file) => /^wasm\..*\.pagefind$/.test(file));
    return new Map(
      await Promise.all(
        engines.map(async (file) => [file, gunzipSync(await readFile(path.join(scratch, file)))] as const),
      ),
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * Whether the search engine's WebAssembly is in Zopfli's cache already: it depends only on Pagefind's version
 * (its binary comes in a package of its own) and the languages.
 */
const engineCompressed = buildCache('search-engine', languageIndexProducer);

/**
 * Compresses the search engine's WebAssembly, the largest of the files Zopfli
 * compresses, into the cache before the site is built: the build script runs
 * it while Astro renders the pages, on the core Astro leaves idle. Once it is
 * there, it runs no Pagefind at all.
 */
export async function compressSearchEngineAhead(options: ZopfliOptions = {}): Promise<void> {
  const done = engineCompressed.key(...localeCodes);
  if (engineCompressed.get(done) !== undefined) return;
  const engines = await searchEngineFiles();
  await zopfliCached(
    [...engines.values()].map((content) => ({ content })),
    options,
  );
  engineCompressed.set(done, Buffer.from(localeCodes.join(' ')));
}

/** What Pagefind writes before the JSON of an excerpt file. */
const fragmentSignature = 'pagefind_dcd';

interface PagefindFragmentData {
  anchors?: Anchor[];
  /** Where the page's paragraphs and headings start, for the search page's excerpts (src/lib/search-excerpt.ts). */
  blocks?: BlockStarts;
}

/**
 * An excerpt file whose anchors are only where each block starts. Pagefind
 * keeps the text of every element with an id a second time, as an anchor for
 * results within a page; every paragraph has an id (its citable number), so
 * that doubled every excerpt file. The search page needs only where each
 * paragraph starts, to cut a result's excerpt from the paragraph that matched
 * and link to it: a list of numbers (`blocks`), beside which Pagefind finds no
 * anchors. Takes one page's excerpts or, as `maxFragments: 1` writes them, a
 * language's, keyed by page.
 */
export function withBlockStarts(content: Buffer): Buffer {
  const text = content.toString('utf8');
  if (!text.startsWith(fragmentSignature))
    throw new Error(`not a Pagefind excerpt file: it lacks "${fragmentSignature}"`);
  const data = JSON.parse(text.slice(fragmentSignature.length)) as
    PagefindFragmentData | Record<string, PagefindFragmentData>;
  const fragments: PagefindFragmentData[] = 'url' in data ? [data] : Object.values(data);
  for (const fragment of fragments) {
    fragment.blocks = blockStarts(fragment.anchors ?? []);
    fragment.anchors = [];
  }
  return Buffer.from(`${fragmentSignature}${JSON.stringify(data)}`);
}

interface PagefindEntry {
  languages: Record<string, { hash: string; wasm: string | null }>;
}

/**
 * The files, as paths from the site's root, that a first search in `lang`
 * fetches: the engine and its WebAssembly, the language's metadata and index,
 * and its excerpts when they are in one file. (The names its words may write
 * are fetched by the search page, as the words are known: see
 * src/lib/name-search.ts.) `cacheTag` names this build's
 * `pagefind-entry.json`, which Pagefind otherwise asks for with the time of day
 * (so that no one could preload it) to get past stale caches.
 */
async function searchFiles(distDir: string, lang: Locale, cacheTag: string, bundledExcerpts: boolean) {
  const engineDir = path.posix.dirname(paths.searchEngine());
  const entry = JSON.parse(await readFile(path.join(distDir, engineDir, entryFile), 'utf8')) as PagefindEntry;
  const language = entry.languages[lang];
  if (!language) throw new Error(`the search index has no "${lang}" pages: is every ${lang} page's <html lang> right?`);
  const inFolder = async (folder: string) =>
    (await readdir(path.join(distDir, engineDir, folder)))
      .filter((name) => name.startsWith(`${lang}_`))
      .sort()
      .map((name) => `${engineDir}/${folder}/${name}`);
  const indexChunks = await inFolder('index');
  let indexBytes = 0;
  for (const chunk of indexChunks) indexBytes += (await stat(path.join(distDir, chunk))).size;
  return {
    engine: paths.searchEngine(),
    fetched: [
      `${engineDir}/${entryFile}?ts=${cacheTag}`,
      `${engineDir}/pagefind.${language.hash}.pf_meta`,
      `${engineDir}/wasm.${language.wasm ?? 'unknown'}.pagefind`,
      ...(indexBytes <= preloadIndexUpToBytes ? indexChunks : []),
      ...(bundledExcerpts ? await inFolder('fragment') : []),
    ],
  };
}

/**
 * Writes, onto each search page's `<script data-search-preload>`, the files a
 * first search needs (relative to the page, so the list works under any path)
 * and the cache tag that Pagefind must use to ask for the same entry file.
 */
export async function writeSearchPreloads(distDir: string, bundledExcerpts: boolean): Promise<void> {
  const engineDir = path.posix.dirname(paths.searchEngine());
  const entry = await readFile(path.join(distDir, engineDir, entryFile));
  const cacheTag = createHash('sha256').update(entry).digest('hex').slice(0, 12);
  for (const lang of localeCodes) {
    const page = paths.search(lang);
    const file = path.join(distDir, page, 'index.html');
    const document = parse(await readFile(file, 'utf8'), { comment: true });
    const script = document.querySelector('script[data-search-preload]');
    if (!script) throw new Error(`${path.relative(distDir, file)} has no <script data-search-preload> to fill in`);
    const { engine, fetched } = await searchFiles(distDir, lang, cacheTag, bundledExcerpts);
    const relative = (target: string) => relativeUrl(page, target);
    script.setAttribute('data-engine', relative(engine));
    script.setAttribute('data-fetched', JSON.stringify(fetched.map(relative)));
    script.setAttribute('data-cache-tag', cacheTag);
    await writeFile(file, document.toString());
  }
}
