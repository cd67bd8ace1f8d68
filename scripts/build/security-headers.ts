import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hostHeadersFile } from '../release/release-format.ts';

/**
 * What a `<meta>` element cannot say: these must come from the server as
 * HTTP headers. The build writes them for hosts that read a `_headers` file
 * (Netlify, Cloudflare Pages); `deploy/nginx-security-headers.conf` carries the
 * same for nginx, and a unit test keeps the two equal.
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

export function headersFile(): string {
  const lines = Object.entries(securityHeaders).map(([name, value]) => `  ${name}: ${value}`);
  return `/*\n${lines.join('\n')}\n`;
}

export function nginxSnippet(): string {
  const lines = Object.entries(securityHeaders).map(
    ([name, value]) => `add_header ${name} ${JSON.stringify(value)} always;`,
  );
  return `# Security headers for a copy of the site served by nginx: include this file in the server or location block.\n# Generated from scripts/build/security-headers.ts; tests/unit/build/security-headers.test.ts keeps it up to date.\n${lines.join('\n')}\n`;
}

export async function writeHeadersFile(distDir: string): Promise<void> {
  await writeFile(path.join(distDir, hostHeadersFile), headersFile());
}
