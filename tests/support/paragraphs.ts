import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { localeCodes } from '../../src/i18n/locales';
import type { DocumentParagraphs } from '../../src/lib/names-index';
import { splitFrontMatter } from '../../src/lib/mdx';
import { paragraphsOf } from '../../src/lib/paragraphs';
import { documentsDir, slugs } from './content';

/** Every document's citable paragraphs in every language that has it, read from the content files as the build reads them. */
export const documentParagraphs = slugs.map((slug) => ({
  slug,
  paragraphs: Object.fromEntries(
    localeCodes
      .filter((lang) => existsSync(path.join(documentsDir, lang, `${slug}.mdx`)))
      .map((lang) => [
        lang,
        paragraphsOf(splitFrontMatter(readFileSync(path.join(documentsDir, lang, `${slug}.mdx`), 'utf8')).body),
      ]),
  ) as DocumentParagraphs,
}));
