import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import {
  offlineCostOfPage,
  offlineLanguages,
  offlineRelease,
  offlineSizes,
  scriptsWithOffline,
  workerFor,
  workerSource,
  writeOfflineFiles,
  type OfflineFiles,
} from '../../../pipeline/after-render/offline';
import { brotliSize } from '../../../pipeline/after-render/budgets';
import { localeCodes } from '../../../src/i18n/locales';

/** The part of the language pages' script that asks whether the language is kept. */
const offlineScriptSource = new URL('../../../src/page-scripts/offline.js', import.meta.url);

async function site(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'offline-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

/** A built site in every language: a home page, a document, a search page, and Pagefind's files as it names them. */
function builtSite(): Record<string, string> {
  const files: Record<string, string> = {
    'index.html': '<p>chooser</p>',
    '404.html': '<p>missing</p>',
    'downloads/en/a.html': '<p>single file</p>',
    'pagefind/pagefind.js': 'engine',
    '_astro/search.1.js': 'search',
    'pagefind/pagefind-worker.js': 'a worker the site does not use',
  };
  const entry: Record<string, { hash: string; wasm: string | null }> = {};
  for (const lang of localeCodes) {
    files[`${lang}/index.html`] = `<p>${lang} home</p>`;
    files[`${lang}/a/index.html`] = `<p>${lang} a</p>`;
    files[`${lang}/a/side-by-side/index.html`] = `<p>${lang} a, side by side</p>`;
    files[`${lang}/search/index.html`] =
      `<p>${lang} search</p><script type="module" src="../../_astro/search.1.js"></script>`;
    files[`${lang}/feed.xml`] = '<feed/>';
    files[`${lang}/name-forms/a.json`] = '[]';
    files[`pagefind/pagefind.${lang}_1.pf_meta`] = 'meta';
    files[`pagefind/index/${lang}_2.pf_index`] = 'index';
    files[`pagefind/fragment/${lang}_3.pf_fragment`] = 'fragment';
    const wasm = lang === 'be' ? null : lang;
    files[`pagefind/wasm.${wasm ?? 'unknown'}.pagefind`] = 'wasm';
    entry[lang] = { hash: `${lang}_1`, wasm };
  }
  files['pagefind/pagefind-entry.json'] = JSON.stringify({ version: '1', languages: entry });
  return files;
}

describe('offline reading', () => {
  it("saves each language's pages, home first, the language chooser and what its search loads", async () => {
    const languages = await offlineLanguages(await site(builtSite()));
    expect(languages.be).toEqual([
      'be/',
      'be/a/',
      'be/a/side-by-side/',
      'be/search/',
      './',
      '_astro/search.1.js',
      'pagefind/pagefind.js',
      'pagefind/pagefind-entry.json',
      'pagefind/pagefind.be_1.pf_meta',
      'pagefind/wasm.unknown.pagefind',
      'pagefind/fragment/be_3.pf_fragment',
      'pagefind/index/be_2.pf_index',
      'be/name-forms/a.json',
    ]);
    expect(languages.en).toContain('pagefind/wasm.en.pagefind');
    expect(languages.en.filter((file) => /\b(be|ru)[/_]/.test(file))).toEqual([]);
  });

  it('reads the scripts a page loads from the page as the build holds it parsed, when it has it', async () => {
    const files = builtSite();
    const dir = await site(files);
    // The build's tree of the search page loads what the written file does; a tree that loads another script
    // shows which of the two was read.
    const held = parse(files['be/search/index.html']?.replace('search.1.js', 'other.js') ?? '');
    await writeFile(path.join(dir, '_astro/other.js'), 'other');
    const languages = await offlineLanguages(dir, new Map([['be/search/index.html', held]]));
    expect(languages.be).toContain('_astro/other.js');
    expect(languages.be).not.toContain('_astro/search.1.js');
    expect(languages.ru).toContain('_astro/search.1.js');
  });

  it('refuses a page that loads a script the build did not write', async () => {
    const withoutScript = builtSite();
    delete withoutScript['_astro/search.1.js'];
    await expect(offlineLanguages(await site(withoutScript))).rejects.toThrow(
      '/be/search/ loads ../../_astro/search.1.js, which was not built',
    );
  });

  it('refuses a language whose home page or search files were not built', async () => {
    const withoutHome = builtSite();
    delete withoutHome['ru/index.html'];
    await expect(offlineLanguages(await site(withoutHome))).rejects.toThrow('/ru/ was not built');
    const withoutWasm = builtSite();
    delete withoutWasm['pagefind/wasm.en.pagefind'];
    await expect(offlineLanguages(await site(withoutWasm))).rejects.toThrow(
      'pagefind/wasm.en.pagefind, which search in en loads, was not built',
    );
    const withoutNames = builtSite();
    delete withoutNames['ru/name-forms/a.json'];
    await expect(offlineLanguages(await site(withoutNames))).rejects.toThrow('ru/name-forms/ was not built');
  });

  it('stamps the release with the saved files: a change to one changes it, a change elsewhere does not', async () => {
    const files = builtSite();
    const stamp = async (changes: Record<string, string>) => {
      const dir = await site({ ...files, ...changes });
      return offlineRelease(dir, await offlineLanguages(dir));
    };
    const release = await stamp({});
    expect(release).toMatch(/^[0-9a-f]{16}$/);
    expect(await stamp({})).toBe(release);
    expect(await stamp({ 'en/a/index.html': '<p>en a, corrected</p>' })).not.toBe(release);
    expect(await stamp({ 'index.html': '<p>chooser, corrected</p>' })).not.toBe(release);
    expect(await stamp({ 'pagefind/index/ru_2.pf_index': 'reindexed' })).not.toBe(release);
    expect(await stamp({ '404.html': '<p>gone</p>', 'downloads/en/a.html': '<p>new copy</p>' })).toBe(release);
  });

  it('writes the list and the worker, the worker minified and stamped with the release', async () => {
    const dir = await site(builtSite());
    const written = await writeOfflineFiles(dir);
    const list = JSON.parse(await readFile(path.join(dir, 'offline-files.json'), 'utf8')) as OfflineFiles;
    expect(list).toEqual(written);
    const worker = await readFile(path.join(dir, 'service-worker.js'), 'utf8');
    expect(worker).toContain(`"${written.release}"`);
    expect(worker).not.toContain('%RELEASE%');
    expect(worker.length).toBeLessThan((await readFile(workerSource, 'utf8')).length);
    // The same input, the same bytes.
    expect(await workerFor(await readFile(workerSource, 'utf8'), written.release)).toBe(worker);
    const sizes = await offlineSizes(dir);
    expect(Object.keys(sizes)).toEqual(localeCodes);
    for (const lang of localeCodes) expect(sizes[lang]).toBeGreaterThan(list.languages[lang].length);
  });

  it('refuses a worker source without exactly one release placeholder', async () => {
    await expect(workerFor('const version = 1;', 'abc')).rejects.toThrow('must hold %RELEASE% exactly once');
    await expect(workerFor("'%RELEASE%' + '%RELEASE%'", 'abc')).rejects.toThrow('exactly once');
  });

  it('weighs what the offline line and its part of the script add to a page, and refuses a page that has none', async () => {
    const links = 'if(location.protocol==="file:")links();';
    const registration = await readFile(offlineScriptSource, 'utf8');
    const bare = (script: string) =>
      `<!doctype html><html lang="en"><body><main><p>Text</p></main><footer class="site-footer"><p>About</p></footer><script>${script}</script></body></html>`;
    const line = '<p class="offline-saved" hidden data-offline-worker="../sw.js">Saved.</p>';
    const withOffline = bare(links + registration).replace('</footer>', `${line}</footer>`);
    const withoutOffline = new Map([[links + registration, links]]);
    const cost = offlineCostOfPage(withOffline, withoutOffline);
    const added = line + registration;
    // Compressed within the page, the added markup costs less than alone, but not much less: little in it repeats.
    expect(cost).toBeLessThanOrEqual(brotliSize(added));
    expect(cost).toBeGreaterThan(brotliSize(added) * 0.75);
    expect(() => offlineCostOfPage(bare(links), withoutOffline)).toThrow(
      'does not have the offline line and its script',
    );
  });

  it('knows each script pages inline with offline reading’s part, and the same script without it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'scripts-'));
    await writeFile(path.join(dir, 'links.js'), 'links();\n');
    await writeFile(path.join(dir, 'offline.js'), 'kept();\n');
    await writeFile(path.join(dir, 'page.js'), "import './links.js';\nimport './offline.js';\n");
    const scripts = await scriptsWithOffline(dir);
    expect([...scripts]).toEqual([['links();kept();', 'links();']]);
  });
});
