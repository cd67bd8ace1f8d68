import type { APIRoute } from 'astro';
import { localeCodes } from '../i18n/locales';
import { pageLanguages } from '../components/site-pages';
import { documentsIn, identify, languagesOf } from '../lib/documents';
import { sitemap } from '../lib/feeds';
import { sitemapPages } from '../lib/pages';
import { releaseDate } from '../lib/release-revision';

export const GET: APIRoute = async () => {
  const [firstLanguage = 'en'] = localeCodes;
  const documents = await Promise.all(
    (await documentsIn(firstLanguage)).map(async (document) => ({
      slug: identify(document).slug,
      originalLanguage: document.data.originalLanguage,
      languages: await languagesOf(identify(document).slug),
    })),
  );
  // Astro runs in the project's folder; the date is the one the release is signed with.
  const lastmod = releaseDate(process.cwd())?.toISOString().slice(0, 10);
  return new Response(sitemap(sitemapPages(documents, await pageLanguages()), lastmod), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });
};
