import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { ParsedPages } from '../../../pipeline/after-render/site-files';
import { addSingleFiles, singleFileKey, singleFileProducer } from '../../../pipeline/after-render/take-away';
import { buildCache } from '../../../pipeline/render/build-cache';
import { paths } from '../../../src/lib/routes';

const page = (text: string) =>
  `<html lang="en"><head><script>links()</script></head><body><main><article data-pagefind-body><p>${text}</p>` +
  '<a href="../other/">Other</a></article></main></body></html>';
const source = { lang: 'en' as const, slug: 'x', originLine: 'From the site.' };
const copyFile = paths.singleFile('en', 'x').slice(1);

describe('the single-file copies', () => {
  it('are kept by their page, the line naming the original, the site’s address and this code', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'single-files-'));
    try {
      const cache = buildCache('single-files', singleFileProducer, folder);
      const pages: ParsedPages = new Map([['en/x/index.html', parse(page('Text.'))]]);
      addSingleFiles(pages, [source], cache);
      const made = pages.get(copyFile)?.toString() ?? '';
      expect(made).toContain('<p class="take-away-origin">From the site.</p>');
      expect(made).not.toContain('<script>');
      expect(made).not.toContain('data-pagefind-body');
      const key = singleFileKey(cache, '/en/x/', source.originLine, page('Text.'));
      // A stand-in for what the last build kept shows that it is read, not made again, while the page is the same.
      cache.set(key, Buffer.from('<p>kept</p>'));
      addSingleFiles(pages, [source], cache);
      expect(pages.get(copyFile)?.toString()).toBe('<p>kept</p>');
      expect(singleFileKey(cache, '/en/x/', 'From elsewhere.', page('Text.'))).not.toBe(key);
      pages.set('en/x/index.html', parse(page('Other text.')));
      addSingleFiles(pages, [source], cache);
      expect(pages.get(copyFile)?.toString()).toContain('<p>Other text.</p>');
      expect(singleFileProducer.modules.map((module) => path.basename(module.pathname))).toEqual(
        expect.arrayContaining(['take-away.ts', 'zip.ts', 'routes.ts', 'site-url.ts']),
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
