import { getCollection, type CollectionEntry } from 'astro:content';
import { isLocale, localeCodes, type Locale } from '../i18n/locales';
import { sortableDate } from '../content/schema';

export type DocumentEntry = CollectionEntry<'documents'>;

/** An entry's id is `{lang}/{slug}`, from its path under `src/content/documents`. */
export function identify(entry: DocumentEntry): { lang: Locale; slug: string } {
  const [lang = '', slug = ''] = entry.id.split('/');
  if (!isLocale(lang)) throw new Error(`src/content/documents/${entry.id}: "${lang}" is not a language of the site`);
  return { lang, slug };
}

/** The documents of one language, oldest first, so the home page reads as a chronology. */
export async function documentsIn(lang: Locale): Promise<DocumentEntry[]> {
  const entries = await getCollection('documents', (entry) => identify(entry).lang === lang);
  return entries.sort((a, b) => sortableDate(a.data.date).localeCompare(sortableDate(b.data.date)));
}

/** Every document in every language, for `getStaticPaths`. */
export async function allDocuments(): Promise<DocumentEntry[]> {
  return (await Promise.all(localeCodes.map(documentsIn))).flat();
}
