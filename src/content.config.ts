import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { documentSchema } from './content/schema';

/** One file per document and language: `src/content/documents/{lang}/{slug}.mdx`. */
export const collections = {
  documents: defineCollection({
    loader: glob({ pattern: '*/*.{md,mdx}', base: './src/content/documents' }),
    schema: documentSchema,
  }),
};
