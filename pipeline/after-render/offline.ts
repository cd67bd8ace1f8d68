/**
 * Offline reading: the list of files the service worker saves for each
 * language, and the worker itself, stamped with the release it belongs to.
 *
 * The release stamp is the SHA-256 of the saved files themselves, each path
 * with its contents (and of what the worker says offline), computed here, in
 * the last step after Astro: every page is final (the CSP, the search index
 * and anything written onto the search pages after it) and nothing later
 * changes a saved file but one figure: the archive's size on the downloads
 * pages, written when the archive is packed (pipeline/release/write-release.ts),
 * which holds this worker and so cannot come first; a saved downloads page may
 * give the previous release's archive size until another saved file changes.
 * It cannot be the hash of SHA256SUMS: the worker is itself a file of the
 * release, listed in SHA256SUMS, and cannot hold the hash of a list that holds
 * its own hash. Hashing what it saves means the worker's bytes change exactly
 * when a saved file changes, which is what makes a browser install the new
 * worker and replace its saved copy; a release that changes only, say, the
 * archive does not make every reader download their language again.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'node-html-parser';
import { transform } from 'esbuild';
import { localeCodes, locales, type Locale } from '../../src/i18n/locales.ts';
import { useTranslations } from '../../src/i18n/ui.ts';
import { paths } from '../../src/lib/routes.ts';
import { brotliSize } from './budgets.ts';
import { listFiles, pagePathOf, type ParsedPages } from './site-files.ts';
import { browserScript, inlineScript, scriptsDir } from '../render/inline-scripts.ts';
import { isCompressed } from './take-away.ts';

/** The worker as written, with this placeholder where the build puts the release stamp. */
export const workerSource = fileURLToPath(new URL('../../src/offline/service-worker.js', import.meta.url));
const releasePlaceholder = '%RELEASE%';

/** What a page of a language not kept says offline, in that language (src/offline/service-worker.js). */
export interface NotKeptMessage {
  /** The language's name in itself, for the links to what is kept. */
  name: string;
  title: string;
  text: string;
  open: string;
}

/**
 * What `paths.offlineFiles()` holds: the release, each language's files as paths from the copy's root, and
 * what a page says offline in each language when the reader did not keep it.
 */
export interface OfflineFiles {
  release: string;
  languages: Record<Locale, string[]>;
  messages: Record<Locale, NotKeptMessage>;
}

/** The offline page's words in every language, from the UI strings. */
export function notKeptMessages(): Record<Locale, NotKeptMessage> {
  return Object.fromEntries(
    localeCodes.map((lang) => {
      const t = useTranslations(lang);
      return [
        lang,
        {
          name: locales[lang].name,
          title: t('offline.notKeptTitle'),
          text: t('offline.notKeptText'),
          open: t('offline.notKeptOpen'),
        },
      ];
    }),
  ) as Record<Locale, NotKeptMessage>;
}

/** An origin to resolve the pages' references against, only to find which files of the copy they name. */
const siteBase = 'http://copy.invalid';

/** A site path as the worker resolves it against its scope, the copy's root: `/en/x/` → `en/x/`, `/` → `./`. */
const fromRoot = (sitePath: string) => sitePath.slice(1) || './';

interface PagefindEntry {
  languages: Record<string, { hash: string; wasm: string | null } | undefined>;
}

/**
 * What a search in `lang` loads: the engine, its entry file, the language's
 * metadata and WebAssembly, its table of names, and its index, excerpt and filter files, which
 * Pagefind names after the language (`index/en_4b1c.pf_index`).
 */
async function searchFiles(distDir: string, files: readonly string[], lang: Locale): Promise<string[]> {
  const engine = paths.searchEngine().slice(1);
  const engineDir = path.posix.dirname(engine);
  const entryFile = `${engineDir}/pagefind-entry.json`;
  const entry = JSON.parse(await readFile(path.join(distDir, entryFile), 'utf8')) as PagefindEntry;
  const language = entry.languages[lang];
  if (!language) throw new Error(`${entryFile} has no "${lang}" index, so search could not work offline in ${lang}`);
  const named = [
    engine,
    entryFile,
    `${engineDir}/pagefind.${language.hash}.pf_meta`,
    `${engineDir}/wasm.${language.wasm ?? 'unknown'}.pagefind`,
  ];
  for (const file of named) {
    if (!files.includes(file)) throw new Error(`${file}, which search in ${lang} loads, was not built`);
  }
  const names = paths.nameFormsFolder(lang).slice(1);
  const nameFiles = files.filter((file) => file.startsWith(names));
  if (nameFiles.length === 0)
    throw new Error(`${names} was not built, so search could not find names offline in ${lang}`);
  const chunks = files.filter((file) => {
    const [folder, name, ...deeper] = file.slice(engineDir.length + 1).split('/');
    return file.startsWith(`${engineDir}/`) && folder && name?.startsWith(`${lang}_`) && deeper.length === 0;
  });
  return [...named, ...chunks, ...nameFiles];
}

/**
 * Each language's files: its home page first (a page not kept links to it
 * offline), its other pages, the language chooser at the copy's root, and
 * what search loads. Derived from the built pages, so a page
 * added under `/{lang}/` is saved without a change here.
 */
export async function offlineLanguages(
  distDir: string,
  parsed: ParsedPages = new Map(),
): Promise<Record<Locale, string[]>> {
  const files = await listFiles(distDir);
  const pagePaths = files.filter((file) => file.endsWith('.html')).map(pagePathOf);
  const languages = {} as Record<Locale, string[]>;
  for (const lang of localeCodes) {
    const home = paths.home(lang);
    if (!pagePaths.includes(home)) throw new Error(`${home} was not built, so ${lang} cannot be saved offline`);
    const others = pagePaths.filter((page) => page.startsWith(home) && page !== home).sort();
    const pages = [home, ...others, paths.languageChooser()];
    languages[lang] = [
      ...pages.map(fromRoot),
      ...(await pageAssets(distDir, files, pages, parsed)),
      ...(await searchFiles(distDir, files, lang)),
    ];
  }
  return languages;
}

/**
 * The copy's own scripts and stylesheets that `pages` load (the search page's
 * module, say), sorted: a saved page would not work offline without them.
 */
async function pageAssets(
  distDir: string,
  files: readonly string[],
  pages: readonly string[],
  parsed: ParsedPages,
): Promise<string[]> {
  const assets = new Set<string>();
  for (const page of pages) {
    const file = fileOf(distDir, fromRoot(page));
    const html =
      parsed.get(path.relative(distDir, file).split(path.sep).join('/')) ?? parse(await readFile(file, 'utf8'));
    const references = [
      ...html.querySelectorAll('script[src]').map((element) => element.getAttribute('src')),
      ...html
        .querySelectorAll('link[rel~="stylesheet"], link[rel~="modulepreload"]')
        .map((e) => e.getAttribute('href')),
    ];
    for (const reference of references) {
      if (!reference) continue;
      const resolved = new URL(reference, `${siteBase}${page}`);
      if (resolved.origin !== new URL(siteBase).origin) continue;
      const file = decodeURIComponent(resolved.pathname).slice(1);
      if (!files.includes(file)) throw new Error(`${page} loads ${reference}, which was not built`);
      assets.add(file);
    }
  }
  return [...assets].sort();
}

/** A saved file's path in the built folder. */
function fileOf(distDir: string, saved: string): string {
  const file = saved === './' ? 'index.html' : saved.endsWith('/') ? `${saved}index.html` : saved;
  return path.join(distDir, file);
}

/** The release stamp: the SHA-256 of every saved file, path and contents, in a fixed order. */
export async function offlineRelease(
  distDir: string,
  languages: Record<Locale, string[]>,
  messages: Record<Locale, NotKeptMessage> = notKeptMessages(),
): Promise<string> {
  const hash = createHash('sha256');
  for (const saved of [...new Set(Object.values(languages).flat())].sort()) {
    const contents = await readFile(fileOf(distDir, saved));
    hash.update(`${saved}\0${contents.byteLength}\0`).update(contents);
  }
  // What the worker says offline is part of what it keeps: new words are a new release of it.
  hash.update(JSON.stringify(messages));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The worker for a release: the source with its stamp, minified (esbuild,
 * pinned, so the same bytes every build), since a page's budget pays for it.
 */
export async function workerFor(template: string, release: string): Promise<string> {
  if (template.split(releasePlaceholder).length !== 2) {
    throw new Error(`${path.relative(process.cwd(), workerSource)} must hold ${releasePlaceholder} exactly once`);
  }
  const { code } = await transform(template.replace(releasePlaceholder, release), browserScript);
  return code;
}

/** Bytes a saved file costs a reader to download: brotli for text, as it is for what is compressed already. */
export function transferSize(bytes: Uint8Array): number {
  return isCompressed(bytes) ? bytes.byteLength : brotliSize(bytes);
}

/** What keeping one language costs to download: the worker, the list it reads first, and the language's files. */
export async function offlineSizes(distDir: string): Promise<Record<Locale, number>> {
  const list = await readFile(path.join(distDir, paths.offlineFiles().slice(1)));
  const worker = await readFile(path.join(distDir, paths.offlineWorker().slice(1)));
  const { languages } = JSON.parse(list.toString('utf8')) as OfflineFiles;
  const sizes = {} as Record<Locale, number>;
  for (const lang of localeCodes) {
    let bytes = transferSize(list) + transferSize(worker);
    for (const saved of languages[lang]) bytes += transferSize(await readFile(fileOf(distDir, saved)));
    sizes[lang] = bytes;
  }
  return sizes;
}

/** The part of a page's script that asks whether the language is kept, and shows the offline line if it is. */
const offlinePart = /^import '\.\/offline\.js';\n/m;

/**
 * The scripts pages inline that hold offline reading's part (those of src/page-scripts/ that import offline.js),
 * each as pages carry it, with the same script without that part: what the page would be without offline reading.
 */
export async function scriptsWithOffline(dir = scriptsDir): Promise<Map<string, string>> {
  const scripts = new Map<string, string>();
  for (const file of (await readdir(dir)).filter((name) => name.endsWith('.js')).sort()) {
    const source = await readFile(path.join(dir, file), 'utf8');
    if (!offlinePart.test(source)) continue;
    scripts.set(await inlineScript(source, dir), await inlineScript(source.replace(offlinePart, ''), dir));
  }
  return scripts;
}

/**
 * What offline reading adds to one page, in brotli bytes: its part of the
 * page's script, and the hidden line, as they compress within the page (the
 * page against the same page with the script that lacks that part, from
 * `withoutOffline`, and no line). The worker is not fetched unless the reader
 * has chosen to keep a language: its bytes count in that language's kept copy
 * (offlineSizes).
 */
export function offlineCostOfPage(pageHtml: string, withoutOffline: ReadonlyMap<string, string>): number {
  const without = parse(pageHtml, { comment: true });
  const scripts = without.querySelectorAll('script').filter((script) => withoutOffline.has(script.rawText));
  const line = without.querySelector('.site-footer [data-offline-worker]');
  const [script] = scripts;
  if (scripts.length !== 1 || !script || !line)
    throw new Error('the page does not have the offline line and its script');
  script.replaceWith(`<script>${withoutOffline.get(script.rawText) ?? ''}</script>`);
  line.remove();
  return brotliSize(pageHtml) - brotliSize(without.toString());
}

/**
 * Writes the list of saved files and the worker for the release in `distDir`.
 * Run after every saved file is final; running it again after a change to any
 * of them gives the copy a new release stamp. `parsed` are pages as the build
 * holds them parsed already, whose scripts and stylesheets are those of the
 * written pages: read from there rather than parsed again, which at ten times
 * the documents took a second.
 */
export async function writeOfflineFiles(distDir: string, parsed: ParsedPages = new Map()): Promise<OfflineFiles> {
  const languages = await offlineLanguages(distDir, parsed);
  for (const saved of Object.values(languages).flat()) {
    if (!existsSync(fileOf(distDir, saved))) throw new Error(`${saved}, to be saved offline, is not in the build`);
  }
  const messages = notKeptMessages();
  const release = await offlineRelease(distDir, languages, messages);
  const offlineFiles: OfflineFiles = { release, languages, messages };
  await writeFile(path.join(distDir, paths.offlineFiles().slice(1)), `${JSON.stringify(offlineFiles)}\n`);
  const worker = await workerFor(await readFile(workerSource, 'utf8'), release);
  await writeFile(path.join(distDir, paths.offlineWorker().slice(1)), worker);
  return offlineFiles;
}
