import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent, formatProblems } from '../../src/lib/content-check';

/**
 * Stops `astro build`, `astro dev` and `astro check` before any page is made
 * when the documents are inconsistent: a missing translation, an unknown
 * language, a bad field, a duplicate slug, a link to no page.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': async ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        const documentsDir = fileURLToPath(new URL('src/content/documents/', config.root));
        const problems = await checkContent(documentsDir, root);
        if (problems.length > 0) {
          // Listed through the logger: Astro replaces the hint of any thrown error whose text says "document".
          logger.error(`the content has ${problems.length} problem(s):\n${formatProblems(problems)}`);
          throw new Error(`Content check failed with ${problems.length} problem(s), listed above.`);
        }
        logger.info('documents checked: every language, field and link is in order');
      },
    },
  };
}
