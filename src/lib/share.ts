/** A way to share a page, as a link the reader follows: no request reaches the service before they tap it. */
export interface ShareLink {
  /** Which service, as the UI strings and icons know it. */
  service: 'telegram' | 'viber' | 'whatsapp' | 'email';
  href: string;
}

/**
 * A value for a share link's query, as the browser's URL parser leaves it: ASCII
 * encoded as `encodeURIComponent` does, and `'`, which the parser encodes in
 * web addresses; letters of other scripts as they are, which the parser encodes
 * when the link is followed. A Belarusian title costs a third of the bytes it
 * would as `%D0%9F…`, and `link.href` reads the same either way
 * (src/page-scripts/copy-link.js rewrites the links through it).
 */
export function shareQueryValue(text: string): string {
  return [...text]
    .map((char) => (/[^\0-\x7f]/.test(char) ? char : encodeURIComponent(char).replaceAll("'", '%27')))
    .join('');
}

/** Share links for a page with this title and absolute URL, each encoded for its service. */
export function shareLinks(title: string, url: string): ShareLink[] {
  const message = shareQueryValue(`${title}\n${url}`);
  return [
    {
      service: 'telegram',
      href: `https://t.me/share/url?url=${shareQueryValue(url)}&text=${shareQueryValue(title)}`,
    },
    { service: 'viber', href: `viber://forward?text=${message}` },
    { service: 'whatsapp', href: `https://wa.me/?text=${message}` },
    {
      service: 'email',
      href: `mailto:?subject=${shareQueryValue(title)}&body=${shareQueryValue(url)}`,
    },
  ];
}
