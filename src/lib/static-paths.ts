import { localeCodes, type Locale } from '../i18n/locales';
import { allDocuments, identify, type DocumentEntry } from './documents';
import { getCollection } from 'astro:content';
import { pageKey, siteKey } from './page-cache-key';

/** The site's part of every document page's key (src/lib/page-cache-key.ts), worked out once a build. */
let siteKeyOfBuild: Promise<string> | undefined;

async function pageCacheKey(lang: Locale, entries: readonly DocumentEntry[]): Promise<string> {
  siteKeyOfBuild ??= Promise.all([getCollection('documents'), getCollection('pages')]).then(([documents, pages]) =>
    siteKey([...documents, ...pages]),
  );
  return pageKey(await siteKeyOfBuild, lang, entries);
}

/** One page per language; `[lang]` routes re-export this as their `getStaticPaths`. */
export function localeStaticPaths() {
  return localeCodes.map((lang) => ({ params: { lang }, props: { lang } }));
}

/** Every document in every language: in a partial language, its original where it has no translation yet. */
export async function documentStaticPaths() {
  return Promise.all(
    (await allDocuments()).map(async ({ lang, entry }) => ({
      params: { lang, slug: identify(entry).slug },
      props: { entry, lang },
      cacheKey: await pageCacheKey(lang, [entry]),
    })),
  );
}

/** One page per translation, with its original beside it. */
export async function sideBySideStaticPaths() {
  const documents = (await allDocuments()).map(({ entry }) => entry);
  return Promise.all(
    documents
      .filter((entry) => entry.data.translated)
      .map(async (entry) => {
        const { lang, slug } = identify(entry);
        const original = documents.find(
          (candidate) => identify(candidate).slug === slug && identify(candidate).lang === entry.data.originalLanguage,
        );
        if (!original)
          throw new Error(
            `src/content/documents/${entry.id}: its original (${entry.data.originalLanguage}) is missing`,
          );
        return {
          params: { lang, slug },
          props: { entry, original, lang },
          cacheKey: await pageCacheKey(lang, [entry, original]),
        };
      }),
  );
}
