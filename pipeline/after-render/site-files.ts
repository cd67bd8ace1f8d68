import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** The site path a built HTML file is served at: `en/x/index.html` → `/en/x/`, `404.html` → `/404.html`. */
export function pagePathOf(file: string): string {
  const withSlash = `/${file}`;
  return withSlash.endsWith('/index.html') ? withSlash.slice(0, -'index.html'.length) : withSlash;
}

/** The built site's HTML pages, each parsed once, by file: every post-build step works on these trees. */
export type ParsedPages = Map<string, HTMLElement>;

export async function readPages(distDir: string): Promise<ParsedPages> {
  const pages: ParsedPages = new Map();
  for (const file of (await listFiles(distDir)).filter((name) => name.endsWith('.html'))) {
    pages.set(file, parse(await readFile(path.join(distDir, file), 'utf8'), { comment: true }));
  }
  return pages;
}

export async function writePages(distDir: string, pages: ParsedPages): Promise<void> {
  for (const [file, document] of pages) {
    await mkdir(path.dirname(path.join(distDir, file)), { recursive: true });
    await writeFile(path.join(distDir, file), document.toString());
  }
}
