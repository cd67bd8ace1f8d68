/**
 * The site's public address, from the project's identity (src/lib/identity.ts,
 * or `SITE_URL`). Only what must be absolute uses it (canonical and Open Graph
 * URLs, share links, QR codes, feeds, the sitemap); every other URL is
 * relative, so mirrors work unchanged.
 */
import { identity } from './identity.ts';

export { parseSiteUrl } from './identity.ts';

export const siteUrl = new URL(identity.siteUrl);

/** The absolute address of a site path: `/en/x/` → `https://…/en/x/`. */
export function absoluteUrl(path: string): string {
  return new URL(path.replace(/^\//, ''), siteUrl).href;
}
