import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { documentSchema } from './content/schema';

/** One file per document and language: `src/content/documents/{lang}/{slug}.mdx`. */
export const collections = {
  documents: defineCollection({
    loader: glob({ pattern: '*/*.{md,mdx}', base: './src/content/documents' }),
    schema: documentSchema,
  }),
  /** Pages about the site itself, one file per page and language: `src/content/pages/{lang}/{page}.mdx`. */
  pages: defineCollection({
    loader: glob({ pattern: '*/*.mdx', base: './src/content/pages' }),
    schema: z.strictObject({
      title: z.string().trim().min(1),
      description: z.string().trim().min(50).max(160),
    }),
  }),
};
