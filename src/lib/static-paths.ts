import { localeCodes } from '../i18n/locales';
import { allDocuments, identify } from './documents';

/** One page per language; `[lang]` routes re-export this as their `getStaticPaths`. */
export function localeStaticPaths() {
  return localeCodes.map((lang) => ({ params: { lang }, props: { lang } }));
}

/** Every document in every language: in a partial language, its original where it has no translation yet. */
export async function documentStaticPaths() {
  return (await allDocuments()).map(({ lang, entry }) => ({
    params: { lang, slug: identify(entry).slug },
    props: { entry, lang },
  }));
}

/** One page per translation, with its original beside it. */
export async function sideBySideStaticPaths() {
  const documents = (await allDocuments()).map(({ entry }) => entry);
  return documents
    .filter((entry) => entry.data.translated)
    .map((entry) => {
      const { lang, slug } = identify(entry);
      const original = documents.find(
        (candidate) => identify(candidate).slug === slug && identify(candidate).lang === entry.data.originalLanguage,
      );
      if (!original)
        throw new Error(`src/content/documents/${entry.id}: its original (${entry.data.originalLanguage}) is missing`);
      return { params: { lang, slug }, props: { entry, original, lang } };
    });
}
