import { getCollection, type CollectionEntry } from 'astro:content';
import { isLocale, localeCodes, locales, type Locale } from '../i18n/locales';
import { sortableDate } from '../content/schema';
import { useTranslations } from '../i18n/ui';
import { formatDocumentDate } from './dates';
import { namesIndex, type DocumentParagraphs, type IndexedName } from './names-index';
import { paragraphsOf } from './paragraphs';

export type DocumentEntry = CollectionEntry<'documents'>;

/** An entry's id is `{lang}/{slug}`, from its path under `src/content/documents`. */
export function identify(entry: DocumentEntry): { lang: Locale; slug: string } {
  const [lang = '', slug = ''] = entry.id.split('/');
  if (!isLocale(lang)) throw new Error(`src/content/documents/${entry.id}: "${lang}" is not a language of the site`);
  return { lang, slug };
}

/**
 * The documents one language shows, oldest first, so the home page reads as a chronology: its own, and in a
 * partial language the original of each document not yet translated into it (see `isTranslationIn`).
 */
export async function documentsIn(lang: Locale): Promise<DocumentEntry[]> {
  const entries = await getCollection('documents');
  const own = entries.filter((entry) => identify(entry).lang === lang);
  const untranslated = locales[lang].complete
    ? []
    : entries.filter(
        (entry) =>
          !entry.data.translated && !own.some((translation) => identify(translation).slug === identify(entry).slug),
      );
  return [...own, ...untranslated].sort((a, b) => sortableDate(a.data.date).localeCompare(sortableDate(b.data.date)));
}

/** Whether `lang` shows the entry in its own words: not so for the original a partial language shows in its place. */
export function isTranslationIn(entry: DocumentEntry, lang: Locale): boolean {
  return identify(entry).lang === lang;
}

/** The `lang` a document's text needs on a page in `lang`: none in its own, the original's for an original in its place. */
export function foreignLanguage(entry: DocumentEntry, lang: Locale): Locale | undefined {
  return isTranslationIn(entry, lang) ? undefined : identify(entry).lang;
}

/** The languages a document is written in, in display order: every complete one, and the partial ones that have it. */
export async function languagesOf(slug: string): Promise<Locale[]> {
  const entries = await getCollection('documents');
  return localeCodes.filter((lang) => entries.some((entry) => entry.id === `${lang}/${slug}`));
}

/** Every document in each language, as that language shows it, for `getStaticPaths`. */
export async function allDocuments(): Promise<{ lang: Locale; entry: DocumentEntry }[]> {
  return (
    await Promise.all(localeCodes.map(async (lang) => (await documentsIn(lang)).map((entry) => ({ lang, entry }))))
  ).flat();
}

/** Each document's citable paragraphs in every language that has it, in the order of the documents' dates. */
export async function documentParagraphs(): Promise<{ slug: string; paragraphs: DocumentParagraphs }[]> {
  const [firstLanguage = 'en'] = localeCodes;
  const slugs = (await documentsIn(firstLanguage)).map((entry) => identify(entry).slug);
  const entries = await getCollection('documents');
  return slugs.map((slug) => {
    const paragraphs = Object.fromEntries(
      localeCodes.flatMap((lang) => {
        const entry = entries.find((candidate) => candidate.id === `${lang}/${slug}`);
        if (entry?.body === undefined) {
          // The content check requires every document in a complete language; a partial one may lack it.
          if (locales[lang].complete) throw new Error(`src/content/documents/${lang}/${slug}.mdx is missing`);
          return [];
        }
        return [[lang, paragraphsOf(entry.body)]];
      }),
    ) as DocumentParagraphs;
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
