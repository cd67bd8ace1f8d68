import { queryValue } from './query-value';

/** A way to share a page, as a link the reader follows: no request reaches the service before they tap it. */
export interface ShareLink {
  /** Which service, as the UI strings and icons know it. */
  service: 'telegram' | 'viber' | 'whatsapp' | 'email';
  href: string;
}

/** Share links for a page with this title and absolute URL, each encoded for its service. */
export function shareLinks(title: string, url: string): ShareLink[] {
  const message = queryValue(`${title}\n${url}`);
  return [
    {
      service: 'telegram',
      href: `https://t.me/share/url?url=${queryValue(url)}&text=${queryValue(title)}`,
    },
    { service: 'viber', href: `viber://forward?text=${message}` },
    { service: 'whatsapp', href: `https://wa.me/?text=${message}` },
    {
      service: 'email',
      href: `mailto:?subject=${queryValue(title)}&body=${queryValue(url)}`,
    },
  ];
}
