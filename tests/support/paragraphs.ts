import { readFileSync } from 'node:fs';
import path from 'node:path';
import { localeCodes, type Locale } from '../../src/i18n/locales';
import { splitFrontMatter } from '../../src/lib/mdx';
import { paragraphsOf, type Paragraph } from '../../src/lib/paragraphs';
import { documentsDir, slugs } from './content';

/** Every document's citable paragraphs in every language, read from the content files as the build reads them. */
export const documentParagraphs = slugs.map((slug) => ({
  slug,
  paragraphs: Object.fromEntries(
    localeCodes.map((lang) => [
      lang,
      paragraphsOf(splitFrontMatter(readFileSync(path.join(documentsDir, lang, `${slug}.mdx`), 'utf8')).body),
    ]),
  ) as Record<Locale, Paragraph[]>,
}));
