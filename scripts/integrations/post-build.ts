import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { findBrokenLinks } from '../build/check-links.ts';
import { addContentSecurityPolicy } from '../build/content-security-policy.ts';
import { markExternalLinksInSite } from '../build/external-links.ts';
import { relativiseSite } from '../build/relative-urls.ts';
import { writeSearchIndex } from '../build/search-index.ts';

/**
 * What Astro's output still needs to be a release: relative URLs so that one
 * build works under any prefix and from disk, then each page's
 * Content-Security-Policy (last, so it hashes the final inline code).
 */
export function postBuild(): AstroIntegration {
  return {
    name: 'post-build',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        await relativiseSite(distDir);
        logger.info('every internal URL is relative');
        await markExternalLinksInSite(distDir);
        const broken = await findBrokenLinks(distDir);
        if (broken.length > 0) throw new Error(`Broken internal links:\n  ${broken.join('\n  ')}`);
        logger.info('every internal link and anchor resolves');
        const { pages } = await writeSearchIndex(distDir);
        logger.info(`search index written for ${pages} pages`);
        await addContentSecurityPolicy(distDir);
        logger.info('every page carries its Content-Security-Policy');
      },
    },
  };
}
