import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, TextNode, type HTMLElement } from 'node-html-parser';
import { relativeUrl } from '../../src/lib/routes.ts';
import { rewriteUrlsOf, urlReferencesIn } from './page-urls.ts';
import { listFiles } from './site-files.ts';

/**
 * Astro writes site-root paths (`/_astro/x.css`) for what it bundles. A copy of
 * the site must work under any prefix and from a folder on disk, so every such
 * path becomes relative to the file that holds it.
 */
const rootPath = /^\/(?!\/)/;

function relativise(fromPath: string, url: string): string {
  return rootPath.test(url) ? relativeUrl(fromPath, url) : url;
}

export function relativiseDocument(root: HTMLElement, pagePath: string): void {
  // Inline stylesheets too: a font or image written from the root would break every mirror under a prefix.
  for (const style of root.querySelectorAll('style')) {
    style.childNodes = [new TextNode(relativiseCss(style.rawText, pagePath), style)];
  }
  for (const element of root.querySelectorAll('*')) rewriteUrlsOf(element, (url) => relativise(pagePath, url));
}

export function relativiseHtml(html: string, pagePath: string): string {
  const root = parse(html, { comment: true });
  relativiseDocument(root, pagePath);
  return root.toString();
}

export function relativiseCss(css: string, cssPath: string): string {
  return css
    .replace(/url\(\s*(['"]?)(\/(?!\/)[^'")]*)\1\s*\)/g, (_match, quote: string, url: string) => {
      return `url(${quote}${relativeUrl(cssPath, url)}${quote})`;
    })
    .replace(/@import\s+(['"])(\/(?!\/)[^'"]*)\1/g, (_match, quote: string, url: string) => {
      return `@import ${quote}${relativeUrl(cssPath, url)}${quote}`;
    });
}

/** `url(/…)` or `@import "/…"` in CSS: a URL from the site's root, which works only at the root of a server. */
const rootCssUrl = /(?:url\(\s*['"]?|@import\s+['"])\/(?!\/)[^'")]*/g;

/** Each root-relative URL left in a page, as `file: <tag> attribute="url"`. */
export function rootRelativeUrlsIn(file: string, root: HTMLElement): string[] {
  const found: string[] = [];
  for (const style of root.querySelectorAll('style')) {
    for (const [url] of style.rawText.matchAll(rootCssUrl)) found.push(`${file}: <style> ${url}`);
  }
  for (const { element, attribute, url } of urlReferencesIn(root)) {
    if (rootPath.test(url)) found.push(`${file}: <${element.tagName.toLowerCase()}> ${attribute}="${url}"`);
  }
  return found;
}

/** Makes every root-relative URL of the stylesheets relative; gives each one left, as `rootRelativeUrlsIn` does. */
export async function relativiseStylesheets(distDir: string): Promise<string[]> {
  const left: string[] = [];
  for (const file of (await listFiles(distDir)).filter((name) => name.endsWith('.css'))) {
    const fullPath = path.join(distDir, file);
    const css = relativiseCss(await readFile(fullPath, 'utf8'), `/${file}`);
    await writeFile(fullPath, css);
    for (const [url] of css.matchAll(rootCssUrl)) left.push(`${file}: ${url}`);
  }
  return left;
}

/** Fails, naming each, when root-relative URLs are left in the pages or stylesheets. */
export function assertNoRootRelativeUrls(left: readonly string[]): void {
  if (left.length > 0) {
    throw new Error(`Root-relative URLs would break mirrors under a path prefix:\n  ${left.join('\n  ')}`);
  }
}
