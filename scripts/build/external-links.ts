import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { listFiles } from './site-files.ts';

/** Whether a link leaves the site: an absolute http(s) URL. Every internal link is relative. */
export function isExternal(href: string): boolean {
  return /^https?:\/\//i.test(href) || href.startsWith('//');
}

/** Links to other sites must not tell them where the reader came from, nor give them a handle on this page. */
export function markExternalLinks(html: string): string {
  const document = parse(html, { comment: true });
  for (const link of document.querySelectorAll('a[href]')) {
    if (isExternal(link.getAttribute('href') ?? '')) link.setAttribute('rel', 'noopener noreferrer');
  }
  return document.toString();
}

export async function markExternalLinksInSite(distDir: string): Promise<void> {
  for (const file of (await listFiles(distDir)).filter((name) => name.endsWith('.html'))) {
    const fullPath = path.join(distDir, file);
    await writeFile(fullPath, markExternalLinks(await readFile(fullPath, 'utf8')));
  }
}
