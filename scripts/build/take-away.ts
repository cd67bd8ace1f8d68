import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { parse } from 'node-html-parser';
import type { Locale } from '../../src/i18n/locales.ts';
import { paths } from '../../src/lib/routes.ts';
import { absoluteUrl } from '../../src/lib/site-url.ts';
import { listFiles } from './site-files.ts';

/**
 * A document page as one file to pass around: its styles are already inline;
 * scripts, share links and links to the rest of the site's files go, links to
 * other pages become absolute, and a line at the top says where it came from.
 */
export function singleFileCopy(pageHtml: string, pagePath: string, originLine: string): string {
  const document = parse(pageHtml, { comment: true });
  for (const element of document.querySelectorAll(
    'script, link[rel="alternate"], link[rel="icon"], .skip-link, .search-link, .share',
  )) {
    element.remove();
  }
  const page = new URL(pagePath.replace(/^\//, ''), absoluteUrl('/'));
  for (const link of document.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href') ?? '';
    if (!href.startsWith('#')) link.setAttribute('href', new URL(href, page).href);
  }
  document.querySelector('main')?.insertAdjacentHTML('afterbegin', `<p class="take-away-origin">${originLine}</p>`);
  return document.toString();
}

export interface SingleFileSource {
  lang: Locale;
  slug: string;
  /** The sentence naming the original address, in the document's language, already HTML. */
  originLine: string;
}

export async function writeSingleFiles(distDir: string, sources: SingleFileSource[]): Promise<void> {
  for (const { lang, slug, originLine } of sources) {
    const pagePath = paths.document(lang, slug);
    const html = await readFile(path.join(distDir, pagePath, 'index.html'), 'utf8');
    const target = path.join(distDir, paths.singleFile(lang, slug));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, singleFileCopy(html, pagePath, originLine));
  }
}

/** Zip's earliest date, in local time as zip stores it: every entry gets it, so every build gives the same bytes. */
const fixedTime = new Date(1980, 0, 1);

/** The whole site, but for the archive itself, as one deterministic zip: sorted entries, fixed dates and compression. */
export async function writeSiteArchive(distDir: string): Promise<string> {
  const archivePath = paths.siteArchive().slice(1);
  const entries: Zippable = {};
  for (const file of await listFiles(distDir)) {
    if (file === archivePath) continue;
    entries[file] = [new Uint8Array(await readFile(path.join(distDir, file))), { mtime: fixedTime }];
  }
  await mkdir(path.dirname(path.join(distDir, archivePath)), { recursive: true });
  await writeFile(path.join(distDir, archivePath), zipSync(entries, { level: 9 }));
  return archivePath;
}
