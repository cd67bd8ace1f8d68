import type { APIRoute } from 'astro';
import { localeCodes } from '../i18n/locales';
import { documentsIn, identify } from '../lib/documents';
import { sitemap } from '../lib/feeds';
import { paths } from '../lib/routes';
import { inEveryLanguage } from '../lib/static-paths';

export const GET: APIRoute = async () => {
  const [firstLanguage = 'en'] = localeCodes;
  const documents = await documentsIn(firstLanguage);
  const pages = [
    ...[paths.home, paths.search, paths.downloads, paths.mirrors].map(inEveryLanguage),
    ...documents.map((document) => inEveryLanguage((lang) => paths.document(lang, identify(document).slug))),
    ...documents.map((document) =>
      inEveryLanguage((lang) =>
        lang === document.data.originalLanguage
          ? paths.document(lang, identify(document).slug)
          : paths.sideBySide(lang, identify(document).slug),
      ),
    ),
  ];
  return new Response(sitemap(pages), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
