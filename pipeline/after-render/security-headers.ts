import { writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * What a `<meta>` element cannot say: these must come from the server as
 * HTTP headers. The build writes them for hosts that read a `_headers` file
 * (Netlify, Cloudflare Pages); the nginx and Caddy configurations in deploy/
 * carry the same (pipeline/release/host-configs.ts), and tests keep them equal.
 */
export const securityHeaders: Record<string, string> = {
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  // Only framing is restricted here; the full policy is in each page's <meta>, and browsers apply both.
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * Folders whose files are named by a hash of their content (Pagefind's index
 * and fragments, Astro's assets): a file there never changes, so a browser may
 * keep it for a year. Everything else is revalidated, so a mirror's update
 * reaches readers at once.
 */
export const immutableFolders: readonly string[] = ['/_astro/', '/pagefind/fragment/', '/pagefind/index/'];
export const immutableCacheControl = 'public, max-age=31536000, immutable';

export function headersFile(): string {
  const lines = Object.entries(securityHeaders).map(([name, value]) => `  ${name}: ${value}`);
  const cached = immutableFolders.map((folder) => `${folder}*\n  Cache-Control: ${immutableCacheControl}\n`);
  return `/*\n${lines.join('\n')}\n${cached.join('')}`;
}

/** Instructions to hosts such as Netlify and Cloudflare Pages, which apply them. */
export const hostHeadersFile = '_headers';

export async function writeHeadersFile(distDir: string): Promise<void> {
  await writeFile(path.join(distDir, hostHeadersFile), headersFile());
}
