/**
 * The site's public address: the one place it is set. Only what must be
 * absolute uses it (canonical and Open Graph URLs, feeds, the sitemap); every
 * other URL is relative, so mirrors work unchanged. Set `SITE_URL` when building
 * for another address.
 */
export const defaultSiteUrl = 'https://belarus-unions.example/';

/** Checks a site address: http(s), no query or fragment, ending in `/`. */
export function parseSiteUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SITE_URL must be an absolute http(s) address such as ${defaultSiteUrl}, not "${value}"`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash || !url.pathname.endsWith('/')) {
    throw new Error(`SITE_URL must be an http(s) address ending in "/" without query or fragment, not "${value}"`);
  }
  return url;
}

export const siteUrl = parseSiteUrl(process.env['SITE_URL'] ?? defaultSiteUrl);

/** The absolute address of a site path: `/en/x/` → `https://…/en/x/`. */
export function absoluteUrl(path: string): string {
  return new URL(path.replace(/^\//, ''), siteUrl).href;
}
