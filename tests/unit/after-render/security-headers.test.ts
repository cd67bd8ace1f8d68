import { describe, expect, it } from 'vitest';
import { headersFile, immutableFolders, securityHeaders } from '../../../pipeline/after-render/security-headers';

describe('security headers for static hosts', () => {
  it('include what a <meta> element cannot set', () => {
    expect(Object.keys(securityHeaders)).toEqual(
      expect.arrayContaining(['Strict-Transport-Security', 'X-Content-Type-Options', 'Content-Security-Policy']),
    );
    expect(securityHeaders['Content-Security-Policy']).toContain("frame-ancestors 'none'");
  });

  it('are written for Netlify and Cloudflare Pages as one rule for every path, and long caching for hashed files', () => {
    expect(headersFile()).toMatch(/^\/\*\n {2}Strict-Transport-Security: max-age=\d+/);
    for (const folder of immutableFolders) {
      expect(headersFile()).toContain(`\n${folder}*\n  Cache-Control: public, max-age=31536000, immutable\n`);
    }
  });
});
