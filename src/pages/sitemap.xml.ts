import type { APIRoute } from 'astro';
import { releaseDate } from '../lib/release-revision.ts';
import { localeCodes } from '../i18n/locales';
import { documentsIn, identify } from '../lib/documents';
import { sitemap } from '../lib/feeds';
import { paths } from '../lib/routes';
import { inEveryLanguage } from '../lib/static-paths';

export const GET: APIRoute = async () => {
  const [firstLanguage = 'en'] = localeCodes;
  const documents = await documentsIn(firstLanguage);
  const pages = [
    { versions: inEveryLanguage(paths.home), multilingual: paths.languageChooser() },
    ...[
      paths.home,
      paths.introduction,
      paths.timeline,
      paths.names,
      paths.search,
      paths.downloads,
      paths.mirrors,
      paths.about,
      paths.corrections,
      paths.project,
    ].map((path) => ({
      versions: inEveryLanguage(path),
    })),
    ...documents.map((document) => ({
      versions: inEveryLanguage((lang) => paths.document(lang, identify(document).slug)),
    })),
    ...documents.map((document) => ({
      versions: inEveryLanguage((lang) =>
        lang === document.data.originalLanguage
          ? paths.document(lang, identify(document).slug)
          : paths.sideBySide(lang, identify(document).slug),
      ),
    })),
  ];
  // Astro runs in the project's folder; the date is the one the release is signed with.
  const lastmod = releaseDate(process.cwd())?.toISOString().slice(0, 10);
  return new Response(sitemap(pages, lastmod), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
