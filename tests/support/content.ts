import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { documentSchema, type DocumentData } from '../../src/content/schema';
import { localeCodes, type Locale } from '../../src/i18n/locales';
import { mdxFeatures, parseMdx, splitFrontMatter } from '../../src/lib/mdx';

export const documentsDir = path.resolve('src/content/documents');

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
