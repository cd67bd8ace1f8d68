import { parse, type HTMLElement } from 'node-html-parser';

/** Whether a link leaves the site: an absolute http(s) URL. Every internal link is relative. */
export function isExternal(href: string): boolean {
  return /^https?:\/\//i.test(href) || href.startsWith('//');
}

/** Links to other sites must not tell them where the reader came from, nor give them a handle on this page. */
export function markExternalLinksIn(document: HTMLElement): void {
  for (const link of document.querySelectorAll('a[href]')) {
    if (isExternal(link.getAttribute('href') ?? '')) link.setAttribute('rel', 'noopener noreferrer');
  }
}

export function markExternalLinks(html: string): string {
  const document = parse(html, { comment: true });
  markExternalLinksIn(document);
  return document.toString();
}
