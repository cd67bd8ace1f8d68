import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';

/** The address of a site path on one copy: `/en/` → `…/en/`, or `…/en/index.html` on disk. */
export function addressOn(root: string, sitePath: string): string {
  const relative = sitePath.slice(1);
  return new URL(
    root.startsWith('file:') && (relative === '' || relative.endsWith('/')) ? `${relative}index.html` : relative,
    root,
  ).href;
}

/** Visits every page reachable from the start, following links within the copy, and checks each one loads styled. */
export async function crawl(page: Page, root: string): Promise<{ visited: string[]; broken: string[] }> {
  const broken: string[] = [];
  const failedAssets: string[] = [];
  page.on('requestfailed', (request) => failedAssets.push(`${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('SHA256SUMS'))
      failedAssets.push(`${response.url()} (${response.status()})`);
  });
  const queue = [addressOn(root, '/')];
  const visited = new Set<string>();
  const checkedDownloads = new Set<string>();
  while (queue.length > 0) {
    const address = queue.shift() ?? '';
    if (visited.has(address)) continue;
    visited.add(address);
    if (address.startsWith('file:') && !existsSync(new URL(address))) {
      broken.push(`${address} (no such file)`);
      continue;
    }
    const response = await page.goto(address);
    if (!address.startsWith('file:') && response?.status() !== 200) {
      broken.push(`${address} (${response?.status()})`);
      continue;
    }
    // One round trip per page: what the page shows and where it leads.
    const { styled, mains, downloads, links } = await page.evaluate(() => {
      const hrefs = (selector: string) =>
        [...document.querySelectorAll<HTMLAnchorElement>(selector)].map((anchor) => anchor.href);
      return {
        styled: getComputedStyle(document.body).maxWidth !== 'none',
        mains: document.querySelectorAll('main').length,
        downloads: hrefs('a[href][download]'),
        links: hrefs('a[href]:not([download])'),
      };
    });
    if (!styled) broken.push(`${address} (unstyled)`);
    if (mains !== 1) broken.push(`${address} (no main: a folder listing?)`);
    // Most pages offer the same files: each is asked for once.
    for (const download of downloads.filter((download) => !checkedDownloads.has(download))) {
      checkedDownloads.add(download);
      const exists = download.startsWith('file:')
        ? existsSync(new URL(download))
        : (await page.request.head(download)).status() === 200;
      if (!exists) broken.push(`${download} (download missing)`);
    }
    for (const link of links) {
      const target = new URL(link);
      target.hash = '';
      if (target.href.startsWith(root) && !visited.has(target.href)) queue.push(target.href);
    }
  }
  return { visited: [...visited], broken: [...broken, ...failedAssets] };
}
