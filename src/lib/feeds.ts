import { sortableDate } from '../content/schema';
import type { Locale } from '../i18n/locales';
import { useTranslations } from '../i18n/ui';
import { identify, type DocumentEntry } from './documents';
import { paths } from './routes';
import { absoluteUrl } from './site-url';
import { escapeXml } from './xml';

/** An Atom feed of one language's documents, newest first. Dates are the documents' own, so the feed is reproducible. */
export function atomFeed(lang: Locale, documents: DocumentEntry[]): string {
  const t = useTranslations(lang);
  const newestFirst = [...documents].sort((a, b) => sortableDate(b.data.date).localeCompare(sortableDate(a.data.date)));
  const updated = newestFirst[0] ? sortableDate(newestFirst[0].data.date) : '1970-01-01';
  const entries = newestFirst.map((document) => {
    const url = absoluteUrl(paths.document(lang, identify(document).slug));
    return `  <entry>
    <id>${escapeXml(url)}</id>
    <title>${escapeXml(document.data.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>
    <updated>${sortableDate(document.data.date)}T00:00:00Z</updated>
    <author><name>${escapeXml(document.data.author)}</name></author>
    <summary>${escapeXml(document.data.description)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">
  <id>${escapeXml(absoluteUrl(paths.home(lang)))}</id>
  <title>${escapeXml(t('site.title'))}</title>
  <subtitle>${escapeXml(t('site.description'))}</subtitle>
  <link rel="alternate" type="text/html" href="${escapeXml(absoluteUrl(paths.home(lang)))}"/>
  <link rel="self" type="application/atom+xml" href="${escapeXml(absoluteUrl(paths.feed(lang)))}"/>
  <updated>${updated}T00:00:00Z</updated>
${entries.join('\n')}
</feed>
`;
}

/** One page of the sitemap: its versions in every language, or one page for all of them. */
export interface SitemapPage {
  versions: Partial<Record<Locale, string>>;
  /** Set for a page in every language at once (the language chooser): its one address. */
  multilingual?: string;
}

/**
 * `sitemap.xml`: each page with its `hreflang` alternates and `x-default`, as
 * each page's head names them, and the release date as every entry's
 * `<lastmod>`: the one date a build knows without a clock, identical from a
 * clone and from a source archive. Without one, `<lastmod>` is left out. A
 * page named by several groups is listed once, with the first group's
 * alternates: a side-by-side page's English alternate is the original's own
 * page, which its document lists already.
 */
export function sitemap(pages: SitemapPage[], lastmod?: string): string {
  const xDefault = absoluteUrl(paths.languageChooser());
  const listed = new Set<string>();
  const urls = pages.flatMap(({ versions, multilingual }) => {
    const alternates = [
      ...Object.entries(versions).map(
        ([code, alternate]) =>
          `    <xhtml:link rel="alternate" hreflang="${code}" href="${escapeXml(absoluteUrl(alternate))}"/>`,
      ),
      `    <xhtml:link rel="alternate" hreflang="x-default" href="${escapeXml(xDefault)}"/>`,
    ];
    return (multilingual === undefined ? Object.values(versions) : [multilingual]).flatMap((path) => {
      if (listed.has(path)) return [];
      listed.add(path);
      return [
        `  <url>
    <loc>${escapeXml(absoluteUrl(path))}</loc>
${lastmod === undefined ? '' : `    <lastmod>${lastmod}</lastmod>\n`}${alternates.join('\n')}
  </url>`,
      ];
    });
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls.join('\n')}
</urlset>
`;
}
