import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { documentSchema, pageSchema } from './content/schema';

/**
 * One file per document and language: `src/content/documents/{lang}/{slug}.mdx`.
 * Only MDX: in a `.md` file raw HTML passes through to the page unparsed.
 */
export const collections = {
  documents: defineCollection({
    loader: glob({ pattern: '*/*.mdx', base: './src/content/documents' }),
    schema: documentSchema,
  }),
  /** Pages about the site itself, one file per page and language: `src/content/pages/{lang}/{page}.mdx`. */
  pages: defineCollection({
    loader: glob({ pattern: '*/*.mdx', base: './src/content/pages' }),
    schema: pageSchema,
  }),
};
