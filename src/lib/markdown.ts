import type { Features } from 'satteri';

/**
 * The Markdown features the documents are written with: Astro renders the
 * document pages with them, and the side-by-side pages parse the same text
 * with them, so both show the same words and the same curly quotes.
 */
export const markdownFeatures = { gfm: true, smartPunctuation: true } as const satisfies Features;
