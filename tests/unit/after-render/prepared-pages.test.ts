import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { preparedPageProducer, readPreparedPages } from '../../../pipeline/after-render/prepared-pages';
import { buildCache } from '../../../pipeline/render/build-cache';

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

/** A built site of `files`, and a cache of its own. */
async function site(files: Record<string, string>) {
  const folder = await mkdtemp(path.join(tmpdir(), 'prepared-pages-'));
  folders.push(folder);
  const distDir = path.join(folder, 'dist');
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(distDir, file)), { recursive: true });
    await writeFile(path.join(distDir, file), text);
  }
  return { distDir, cache: buildCache('prepared-pages', preparedPageProducer, folder) };
}

const page =
  '<html><head><link rel="stylesheet" href="/_astro/a.css"></head><body>' +
  '<p>¶ 1 ACV-CSC <a href="https://example.org/">x</a></p></body></html>';

describe('the pages as every later step starts from them', () => {
  it('have relative URLs, marked external links and typeset text, and the stylesheets relative URLs', async () => {
    const { distDir, cache } = await site({
      'en/x/index.html': page,
      '_astro/a.css': 'a{background:url(/og/x.png)}',
    });
    const pages = await readPreparedPages(distDir, cache);
    expect(pages.get('en/x/index.html')?.toString()).toBe(
      '<html><head><link rel="stylesheet" href="../../_astro/a.css"></head><body>' +
        '<p>¶\u00a01 <span class="nowrap">ACV-CSC</span> <a href="https://example.org/" rel="noopener noreferrer">x</a></p></body></html>',
    );
    expect(await readFile(path.join(distDir, '_astro/a.css'), 'utf8')).toBe('a{background:url(../og/x.png)}');
  });

  it('are kept by file and HTML and the code that prepares them, and a changed page is prepared anew', async () => {
    const { distDir, cache } = await site({ 'en/x/index.html': page });
    // A stand-in for what the last build kept shows that it is read, not made again, while the page is the same.
    cache.set(cache.key('en/x/index.html', page), Buffer.from('<p>kept</p>'));
    expect((await readPreparedPages(distDir, cache)).get('en/x/index.html')?.toString()).toBe('<p>kept</p>');
    await writeFile(path.join(distDir, 'en/x/index.html'), page.replace('¶ 1', '¶ 2'));
    expect((await readPreparedPages(distDir, cache)).get('en/x/index.html')?.toString()).toContain('¶\u00a02');
    expect(preparedPageProducer.modules.map((module) => path.basename(module.pathname))).toEqual(
      expect.arrayContaining([
        'prepared-pages.ts',
        'relative-urls.ts',
        'page-urls.ts',
        'external-links.ts',
        'typesetting.ts',
        'typography.ts',
        'routes.ts',
      ]),
    );
  });

  it('fail the build, naming the page, on a root path that cannot be rewritten, build after build', async () => {
    const { distDir, cache } = await site({ 'en/x/index.html': `<style>p{background:url("/x.png')}</style>` });
    for (let build = 0; build < 2; build++) {
      await expect(readPreparedPages(distDir, cache)).rejects.toThrow(
        'Root-relative URLs would break mirrors under a path prefix:\n  en/x/index.html: <style> url("/x.png',
      );
    }
  });
});
