import { existsSync } from 'node:fs';
import path from 'node:path';
import { urlReferencesIn } from './page-urls.ts';
import { pagePathOf, readPages, type ParsedPages } from './site-files.ts';

const origin = 'https://site.invalid';

/** The file a site path is served from: a folder's `index.html`, or the file itself. */
function fileOf(sitePath: string): string {
  const decoded = decodeURIComponent(sitePath).slice(1);
  return decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
}

export interface LinkCheckOptions {
  /** The pages, already parsed; read from `distDir` if not given. */
  pages?: ParsedPages;
  /** Files the release step adds after this check, such as the site archive. */
  writtenLater?: ReadonlySet<string>;
  /** The site's public address: an absolute link to it must lead to a file of the site too. */
  siteUrl?: URL;
}

/**
 * The site path an absolute URL on the site's own public address leads to,
 * resolved on `origin` like any internal link; undefined for any other URL.
 */
function ownAddress(reference: string, siteUrl: URL | undefined): URL | undefined {
  if (siteUrl === undefined || !URL.canParse(reference)) return undefined;
  const url = new URL(reference);
  if (!/^https?:$/.test(url.protocol) || url.host !== siteUrl.host || !url.pathname.startsWith(siteUrl.pathname)) {
    return undefined;
  }
  return new URL(`/${url.pathname.slice(siteUrl.pathname.length)}${url.search}${url.hash}`, origin);
}

/**
 * Every internal URL of the built site (links, stylesheets, scripts, images
 * and each of their `srcset` candidates, form targets: every attribute
 * page-urls.ts names), and every absolute URL of the site's own address, that
 * points at no file, or at an anchor its page does not have, as
 * `page: url (why)`. External and `mailto:` URLs are not followed; `#id`
 * alone, as an SVG `<use>` writes it too, is an anchor of the page itself.
 */
export async function findBrokenLinks(distDir: string, options: LinkCheckOptions = {}): Promise<string[]> {
  const { writtenLater = new Set(), siteUrl } = options;
  const pages = options.pages ?? (await readPages(distDir));
  const broken: string[] = [];
  // Each page's ids gathered once: a page's paragraph links and the timeline's lead to many anchors of one page.
  const idsOf = new Map<string, Set<string>>();
  const idsIn = (targetFile: string) => {
    let ids = idsOf.get(targetFile);
    if (ids === undefined) {
      ids = new Set(
        pages
          .get(targetFile)
          ?.querySelectorAll('[id]')
          .map((element) => element.id),
      );
      idsOf.set(targetFile, ids);
    }
    return ids;
  };
  // Each file looked for on disk once: every page links the same stylesheets, scripts and icons.
  const onDisk = new Map<string, boolean>();
  const existsOnDisk = (targetFile: string) => {
    const exists = onDisk.get(targetFile) ?? existsSync(path.join(distDir, targetFile));
    onDisk.set(targetFile, exists);
    return exists;
  };
  for (const [file, document] of pages) {
    const page = new URL(pagePathOf(file), origin);
    for (const { url: reference } of urlReferencesIn(document)) {
      const own = ownAddress(reference, siteUrl);
      if (!own && (/^[a-z][a-z\d+.-]*:/i.test(reference) || reference.startsWith('//'))) continue;
      const target = own ?? new URL(reference, page);
      if (target.origin !== origin) continue;
      const targetFile = fileOf(target.pathname);
      if (!pages.has(targetFile) && !writtenLater.has(targetFile) && !existsOnDisk(targetFile)) {
        broken.push(`${file}: ${reference} (no file ${targetFile})`);
        continue;
      }
      const anchor = decodeURIComponent(target.hash.slice(1));
      if (anchor && targetFile.endsWith('.html')) {
        if (!idsIn(targetFile).has(anchor)) {
          broken.push(`${file}: ${reference} (no element with id "${anchor}" in ${targetFile})`);
        }
      }
    }
  }
  return broken;
}

/**
 * Every id that a page gives more than one element, as `page: "id" (N elements)`: a link to it lands on the
 * first, which may not be the one meant (a content heading `## p-3` before paragraph 3), and a label names
 * only one of them.
 */
export function findDuplicateIds(pages: ParsedPages): string[] {
  const duplicates: string[] = [];
  for (const [file, document] of pages) {
    const counts = new Map<string, number>();
    for (const element of document.querySelectorAll('[id]')) counts.set(element.id, (counts.get(element.id) ?? 0) + 1);
    for (const [id, count] of counts) if (count > 1) duplicates.push(`${file}: "${id}" (${count} elements)`);
  }
  return duplicates;
}
