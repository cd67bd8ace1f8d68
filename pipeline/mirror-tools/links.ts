/**
 * What a page makes a browser fetch or offers to open: the links, stylesheets,
 * scripts, images, sources, form targets and refresh targets of an HTML page.
 * `verify` uses it to find files a web mirror serves beyond the release, since
 * a web server lists no folders.
 */
import { parse } from 'node-html-parser';
import { parseUrl } from '../release/site-address.ts';

/** Attributes that hold one URL, on whatever element: a, link, script, img, source, form, iframe, video, object… */
const urlAttributes = ['href', 'src', 'action', 'formaction', 'poster', 'data'];
/** Attributes that hold a list of `URL [width]` candidates. */
const srcsetAttributes = ['srcset', 'imagesrcset'];
/** `<meta http-equiv="refresh" content="0; url=…">`, with or without `url=` and quotes. */
const refreshContent = /^\s*\d[\d.]*\s*[;,]\s*(?:url\s*=\s*)?(['"]?)(.+?)\1\s*$/i;

function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

/**
 * Every URL `html` refers to, resolved against the page's address and its
 * `<base href>`. References that are not URLs are skipped: a browser would
 * not load them either.
 */
export function linkedUrls(html: string, pageUrl: URL): URL[] {
  const root = parse(html);
  const baseHref = root.querySelector('base[href]')?.getAttribute('href');
  const base = (baseHref !== undefined ? parseUrl(baseHref, pageUrl) : undefined) ?? pageUrl;
  const references: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    for (const name of urlAttributes) {
      const value = element.getAttribute(name);
      if (value !== undefined) references.push(value.trim());
    }
    for (const name of srcsetAttributes) {
      const value = element.getAttribute(name);
      if (value !== undefined) references.push(...srcsetUrls(value));
    }
    if (element.tagName === 'META' && element.getAttribute('http-equiv')?.toLowerCase() === 'refresh') {
      const target = refreshContent.exec(element.getAttribute('content') ?? '')?.[2];
      if (target !== undefined) references.push(target);
    }
  }
  return references.flatMap((reference) => parseUrl(reference, base) ?? []);
}
