import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { buildCache, producerOf, type BuildCache, type Producer } from '../render/build-cache.ts';
import { inlineScript, scriptsDir } from '../render/inline-scripts.ts';
import { urlReferencesOf } from './page-urls.ts';
import type { ParsedPages } from './site-files.ts';

/**
 * The policy every page carries. Only the site's own files may load; inline
 * scripts run only if they are the site's own; inline styles only when the
 * build has hashed them. `frame-ancestors` and the like cannot be set from a
 * `<meta>` element: the header files in `deploy/` add them.
 */
export const basePolicy: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  // The offline-reading service worker, which is a file of the copy itself.
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
};

/** What a page running one of the site's scripts must allow beyond the base policy. */
const scriptNeeds: Record<string, string[]> = {
  // Pagefind, which the search page loads (search-preload.js is on that page alone), compiles WebAssembly;
  // no other page needs to allow that.
  'search-preload.js': ["'wasm-unsafe-eval'"],
};

export interface SiteScript {
  /** Its file in src/page-scripts/. */
  file: string;
  /** Its CSP hash source, `'sha256-…'`. */
  hash: string;
}

/** The site's own inline scripts, by their hash source: the only inline code any page may carry. */
export type SiteScripts = Map<string, SiteScript>;

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** Hashes the files the site inlines as scripts; the list is fixed by the source, not by what pages contain. */
export async function siteScripts(dir = scriptsDir): Promise<SiteScripts> {
  const scripts: SiteScripts = new Map();
  for (const file of (await readdir(dir)).filter((name) => name.endsWith('.js')).sort()) {
    const hash = hashOf(await inlineScript(await readFile(path.join(dir, file), 'utf8'), dir));
    scripts.set(hash, { file, hash });
  }
  return scripts;
}

function excerpt(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return `"${oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine}"`;
}

export interface PagePolicy {
  policy: string;
  /** Code on the page that the site does not ship: each one fails the build. */
  problems: string[];
}

/**
 * The policy of one page: the hashes of the site's scripts it inlines and of
 * its `<style>` blocks (the site's stylesheet, inlined by Astro; content can
 * carry no `<style>`). Any other inline code is a problem: an inline script
 * that is none of the site's, an event-handler attribute, a `javascript:` URL,
 * or a `style` attribute.
 */
export function policyFor(file: string, document: HTMLElement, scripts: SiteScripts): PagePolicy {
  const policy = structuredClone(basePolicy);
  const problems: string[] = [];
  const add = (directive: string, source: string) => {
    const sources = policy[directive] ?? [];
    if (!sources.includes(source)) sources.push(source);
    policy[directive] = sources;
  };
  for (const script of document.querySelectorAll('script:not([src])')) {
    const site = scripts.get(hashOf(script.rawText));
    if (!site) {
      problems.push(
        `${file}: an inline script that is none of the site's own (src/page-scripts/): ${excerpt(script.rawText)}`,
      );
      continue;
    }
    add('script-src', site.hash);
    for (const source of scriptNeeds[site.file] ?? []) add('script-src', source);
  }
  for (const style of document.querySelectorAll('style')) add('style-src', hashOf(style.rawText));
  for (const element of document.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    for (const [name, value] of Object.entries(element.attributes)) {
      const attribute = name.toLowerCase();
      if (attribute === 'style') {
        problems.push(`${file}: a style attribute on <${tag}>, style=${excerpt(value)}: style it from the stylesheet`);
      } else if (attribute.startsWith('on')) {
        problems.push(`${file}: an event handler on <${tag}>, ${attribute}=${excerpt(value)}`);
      }
    }
    // Without tabs and newlines, which the URL parser drops: `java\tscript:` runs as `javascript:`.
    for (const { attribute, url } of urlReferencesOf(element)) {
      if (/^\s*javascript:/i.test(url.replace(/[\t\n\r]/g, ''))) {
        problems.push(`${file}: a javascript: URL on <${tag}>, ${attribute}=${excerpt(url)}`);
      }
    }
  }
  return {
    policy: Object.entries(policy)
      .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
      .join('; '),
    problems,
  };
}

/** What decides a page's policy besides the page and the site's scripts: this module and all it imports. */
export const policyProducer: Producer = producerOf(new URL(import.meta.url));

/** Each page's policy and problems, kept by its HTML: a rebuild walks only the pages that changed. */
const policies = buildCache('content-security-policy', policyProducer);

/** The key of a page's policy: its file (which its problems name), its HTML, and the site's scripts. */
export function policyKey(cache: BuildCache, file: string, document: HTMLElement, scripts: SiteScripts): string {
  return cache.key(file, JSON.stringify([...scripts.values()]), document.toString());
}

/**
 * Adds its policy as the first element of `<head>` of every page, so it
 * governs everything after it; fails, naming each page and what it carries,
 * if any page holds inline code the site does not ship.
 */
export function addContentSecurityPolicy(pages: ParsedPages, scripts: SiteScripts, cache = policies): void {
  const problems: string[] = [];
  for (const [file, document] of pages) {
    const head = document.querySelector('head');
    if (!head) throw new Error(`${file} has no <head> for its Content-Security-Policy`);
    const kept = cache.through(policyKey(cache, file, document, scripts), () =>
      Buffer.from(JSON.stringify(policyFor(file, document, scripts))),
    );
    const { policy, problems: pageProblems } = JSON.parse(kept.toString('utf8')) as PagePolicy;
    problems.push(...pageProblems);
    head.querySelector('meta[http-equiv="Content-Security-Policy"]')?.remove();
    const charset = head.querySelector('meta[charset]');
    const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
    if (charset) charset.insertAdjacentHTML('afterend', meta);
    else head.insertAdjacentHTML('afterbegin', meta);
  }
  if (problems.length > 0) {
    throw new Error(`Pages carry inline code the site does not ship:\n  ${problems.join('\n  ')}`);
  }
}
