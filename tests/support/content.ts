import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { documentSchema, type DocumentData } from '../../src/content/schema';
import { localeCodes, locales, type Locale } from '../../src/i18n/locales';
import { mdxFeatures, parseMdx, splitFrontMatter } from '../../src/lib/mdx';

export const documentsDir = path.resolve('src/content/documents');
const pagesDir = path.resolve('src/content/pages');

export interface DocumentFile {
  lang: Locale;
  slug: string;
  file: string;
  data: DocumentData;
  tree: Root;
}

/** The slugs of the documents, as the original-language folder lists them. */
export const slugs = readdirSync(path.join(documentsDir, 'en'))
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => name.replace(/\.mdx$/, ''))
  .sort();

export function readDocument(lang: Locale, slug: string): DocumentFile {
  const file = path.join(documentsDir, lang, `${slug}.mdx`);
  const { frontMatter, body } = splitFrontMatter(readFileSync(file, 'utf8'));
  return {
    lang,
    slug,
    file: path.relative(process.cwd(), file),
    data: documentSchema.parse(frontMatter),
    // The text as written: the build's typographic quotes would hide a changed character.
    tree: parseMdx(body, { ...mdxFeatures, smartPunctuation: false }),
  };
}

/**
 * The documents written in `lang`: every one in a complete language, which the build requires (a missing one
 * throws), and the translations a partial language has so far.
 */
export function documentsIn(lang: Locale): DocumentFile[] {
  return slugs.filter((slug) => isWrittenIn(lang, slug)).map((slug) => readDocument(lang, slug));
}

/** Whether `lang` has the document: a complete language must, a partial one once it is translated. */
export const isWrittenIn = (lang: Locale, slug: string) =>
  locales[lang].complete || existsSync(path.join(documentsDir, lang, `${slug}.mdx`));

/** The document `/{lang}/{slug}/` shows: its own, or the original where a partial language has no translation yet. */
export function shownDocument(lang: Locale, slug: string): DocumentFile {
  return readDocument(isWrittenIn(lang, slug) ? lang : readDocument('en', slug).data.originalLanguage, slug);
}

/** The languages a page (`src/content/pages/{lang}/{name}.mdx`) is written in: every complete one, and each partial one that has it. */
export function pageLanguages(name: string): Locale[] {
  return localeCodes.filter((lang) => locales[lang].complete || existsSync(path.join(pagesDir, lang, `${name}.mdx`)));
}

/** Each document with its original and every translation there is: a partial language has some of them. */
export const documents = slugs.map((slug) => {
  const versions = Object.fromEntries(
    localeCodes
      .filter((lang) => existsSync(path.join(documentsDir, lang, `${slug}.mdx`)))
      .map((lang) => [lang, readDocument(lang, slug)]),
  ) as Partial<Record<Locale, DocumentFile>>;
  const original = versions[readDocument('en', slug).data.originalLanguage];
  if (!original) throw new Error(`${slug}: its original is missing`);
  const translations = localeCodes.flatMap((lang) => (lang === original.lang ? [] : (versions[lang] ?? [])));
  return { slug, original, translations };
});
