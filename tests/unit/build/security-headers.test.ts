import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headersFile, nginxSnippet, securityHeaders } from '../../../scripts/build/security-headers';

describe('security headers for static hosts', () => {
  it('include what a <meta> element cannot set', () => {
    expect(Object.keys(securityHeaders)).toEqual(
      expect.arrayContaining(['Strict-Transport-Security', 'X-Content-Type-Options', 'Content-Security-Policy']),
    );
    expect(securityHeaders['Content-Security-Policy']).toContain("frame-ancestors 'none'");
  });

  it('are written for Netlify and Cloudflare Pages as one rule for every path', () => {
    expect(headersFile()).toMatch(/^\/\*\n {2}Strict-Transport-Security: max-age=\d+/);
  });

  it('match the nginx snippet in deploy/, so the two cannot drift apart', () => {
    expect(readFileSync('deploy/nginx-security-headers.conf', 'utf8')).toBe(nginxSnippet());
  });
});
