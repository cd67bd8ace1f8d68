import { createHash } from 'node:crypto';
import type { HTMLElement } from 'node-html-parser';
import type { ParsedPages } from './site-files.ts';

/**
 * The policy every page carries. Only the site's own files may load; inline
 * scripts and styles run only when the build has hashed them; WebAssembly may
 * compile for the search engine. `frame-ancestors` and the like cannot be set
 * from a `<meta>` element: the header files in `deploy/` add them.
 */
export const basePolicy: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
};

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

export function policyFor(document: HTMLElement): string {
  const policy = structuredClone(basePolicy);
  for (const script of document.querySelectorAll('script:not([src])'))
    policy['script-src']?.push(hashOf(script.rawText));
  for (const style of document.querySelectorAll('style')) policy['style-src']?.push(hashOf(style.rawText));
  return Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}

/** Adds the policy as the first element of `<head>` of every page, so it governs everything after it. */
export function addContentSecurityPolicy(pages: ParsedPages): void {
  for (const [file, document] of pages) {
    const head = document.querySelector('head');
    if (!head) throw new Error(`${file} has no <head> for its Content-Security-Policy`);
    head.querySelector('meta[http-equiv="Content-Security-Policy"]')?.remove();
    const charset = head.querySelector('meta[charset]');
    const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(document)}">`;
    if (charset) charset.insertAdjacentHTML('afterend', meta);
    else head.insertAdjacentHTML('afterbegin', meta);
  }
}
