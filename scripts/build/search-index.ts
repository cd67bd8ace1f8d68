import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { paths } from '../../src/lib/routes.ts';

/**
 * Indexes the documents' text with Pagefind, one index per `<html lang>`.
 * Only elements marked `data-pagefind-body` are indexed, so navigation,
 * footers and the other pages stay out of the results.
 */
export async function writeSearchIndex(distDir: string): Promise<{ pages: number }> {
  const outputPath = path.join(distDir, path.dirname(paths.searchEngine()));
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: distDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    // The site has its own small search interface; Pagefind's ready-made ones would only be dead weight in every copy.
    for (const file of await readdir(outputPath)) {
      if (/^pagefind-(ui|modular-ui|component-ui|highlight)\b/.test(file)) await rm(path.join(outputPath, file));
    }
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
