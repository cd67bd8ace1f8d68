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

/**
 * Each page of the site in every language, for `sitemap.xml`, with its
 * `hreflang` alternates. A page named by several groups is listed once, with
 * the first group's alternates: a side-by-side page's English alternate is the
 * original's own page, which its document lists already.
 */
export function sitemap(pagesInEveryLanguage: Record<Locale, string>[]): string {
  const listed = new Set<string>();
  const urls = pagesInEveryLanguage.flatMap((versions) =>
    Object.values(versions).flatMap((path) => {
      if (listed.has(path)) return [];
      listed.add(path);
      const alternates = Object.entries(versions).map(
        ([code, alternate]) =>
          `    <xhtml:link rel="alternate" hreflang="${code}" href="${escapeXml(absoluteUrl(alternate))}"/>`,
      );
      return `  <url>
    <loc>${escapeXml(absoluteUrl(path))}</loc>
${alternates.join('\n')}
  </url>`;
    }),
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls.join('\n')}
</urlset>
`;
}
