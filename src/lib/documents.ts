import { getCollection, type CollectionEntry } from 'astro:content';
import { isLocale, localeCodes, type Locale } from '../i18n/locales';
import { sortableDate } from '../content/schema';
import { useTranslations } from '../i18n/ui';
import { formatDocumentDate } from './dates';
import { namesIndex, type IndexedName } from './names-index';
import { paragraphsOf, type Paragraph } from './paragraphs';

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

/** Each document's citable paragraphs in every language, in the order of the documents' dates. */
export async function documentParagraphs(): Promise<{ slug: string; paragraphs: Record<Locale, Paragraph[]> }[]> {
  const [firstLanguage = 'en'] = localeCodes;
  const slugs = (await documentsIn(firstLanguage)).map((entry) => identify(entry).slug);
  const entries = await getCollection('documents');
  return slugs.map((slug) => {
    const paragraphs = Object.fromEntries(
      localeCodes.map((lang) => {
        const entry = entries.find((candidate) => candidate.id === `${lang}/${slug}`);
        if (entry?.body === undefined) throw new Error(`src/content/documents/${lang}/${slug}.mdx is missing`);
        return [lang, paragraphsOf(entry.body)];
      }),
    ) as Record<Locale, Paragraph[]>;
    return { slug, paragraphs };
  });
}

let builtNamesIndex: Promise<IndexedName[]> | undefined;

/**
 * The names index of the whole record, which every language's index page
 * shows: worked out once a build, since matching every form of every name
 * against every paragraph takes a large share of the pages' rendering.
 */
export function recordNamesIndex(): Promise<IndexedName[]> {
  // Under `npm run dev` a document may change between two requests.
  if (import.meta.env.DEV) return documentParagraphs().then((documents) => namesIndex(documents));
  builtNamesIndex ??= documentParagraphs().then((documents) => namesIndex(documents));
  return builtNamesIndex;
}

/** A short name for a document, unique among them: its kind and date, "Letter, 12 October 2020". */
export function documentLabel(entry: DocumentEntry, lang: Locale): string {
  return `${useTranslations(lang)(`document.kind.${entry.data.kind}`)}, ${formatDocumentDate(entry.data.date, lang)}`;
}
