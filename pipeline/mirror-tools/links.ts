/**
 * What a page makes a browser fetch or offers to open: the links, stylesheets,
 * scripts, images, sources, form targets and refresh targets of an HTML page.
 * `verify` uses it to find files a web mirror serves beyond the release, since
 * a web server lists no folders.
 */
import { parse } from 'node-html-parser';
import { urlReferencesIn } from '../after-render/page-urls.ts';
import { parseUrl } from '../release/site-address.ts';

/**
 * Every URL `html` refers to (every attribute page-urls.ts names), resolved
 * against the page's address and its `<base href>`. References that are not
 * URLs are skipped: a browser would not load them either.
 */
export function linkedUrls(html: string, pageUrl: URL): URL[] {
  const root = parse(html);
  const baseHref = root.querySelector('base[href]')?.getAttribute('href');
  const base = (baseHref !== undefined ? parseUrl(baseHref, pageUrl) : undefined) ?? pageUrl;
  return urlReferencesIn(root).flatMap(({ url }) => parseUrl(url, base) ?? []);
}
