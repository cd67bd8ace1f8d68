import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { relativeUrl } from '../../src/lib/routes.ts';
import { listFiles, pagePathOf } from './site-files.ts';

/**
 * Astro writes site-root paths (`/_astro/x.css`) for what it bundles. A copy of
 * the site must work under any prefix and from a folder on disk, so every such
 * path becomes relative to the file that holds it.
 */
const urlAttributes = ['href', 'src', 'action', 'poster', 'data'];
const rootPath = /^\/(?!\/)/;

function relativise(fromPath: string, url: string): string {
  return rootPath.test(url) ? relativeUrl(fromPath, url) : url;
}

export function relativiseHtml(html: string, pagePath: string): string {
  const root = parse(html, { comment: true });
  for (const element of root.querySelectorAll('*')) {
    for (const name of urlAttributes) {
      const value = element.getAttribute(name);
      if (value !== undefined && rootPath.test(value)) element.setAttribute(name, relativise(pagePath, value));
    }
    const srcset = element.getAttribute('srcset');
    if (srcset !== undefined) {
      element.setAttribute(
        'srcset',
        srcset
          .split(',')
          .map((candidate) => candidate.trim().replace(/^\S+/, (url) => relativise(pagePath, url)))
          .join(', '),
      );
    }
  }
  return root.toString();
}

export function relativiseCss(css: string, cssPath: string): string {
  return css.replace(/url\(\s*(['"]?)(\/(?!\/)[^'")]*)\1\s*\)/g, (_match, quote: string, url: string) => {
    return `url(${quote}${relativeUrl(cssPath, url)}${quote})`;
  });
}

/** Every root-relative URL left in the built site, as `file: url`. */
export async function findRootRelativeUrls(distDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const file of await listFiles(distDir)) {
    const text =
      file.endsWith('.html') || file.endsWith('.css') ? await readFile(path.join(distDir, file), 'utf8') : '';
    if (file.endsWith('.html')) {
      for (const element of parse(text).querySelectorAll('*')) {
        for (const name of [...urlAttributes, 'srcset']) {
          const value = element.getAttribute(name);
          if (value !== undefined && value.split(',').some((part) => rootPath.test(part.trim()))) {
            found.push(`${file}: ${name}="${value}"`);
          }
        }
      }
    }
    if (file.endsWith('.css')) {
      for (const [url] of text.matchAll(/url\(\s*['"]?\/(?!\/)[^'")]*/g)) found.push(`${file}: ${url}`);
    }
  }
  return found;
}

export async function relativiseSite(distDir: string): Promise<void> {
  for (const file of await listFiles(distDir)) {
    const fullPath = path.join(distDir, file);
    if (file.endsWith('.html')) {
      await writeFile(fullPath, relativiseHtml(await readFile(fullPath, 'utf8'), pagePathOf(file)));
    } else if (file.endsWith('.css')) {
      await writeFile(fullPath, relativiseCss(await readFile(fullPath, 'utf8'), `/${file}`));
    }
  }
  const left = await findRootRelativeUrls(distDir);
  if (left.length > 0) {
    throw new Error(`Root-relative URLs would break mirrors under a path prefix:\n  ${left.join('\n  ')}`);
  }
}
