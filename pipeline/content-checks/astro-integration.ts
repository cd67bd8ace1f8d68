import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { corrections } from '../../src/data/corrections';
import { timeline } from '../../src/data/timeline';
import { checkContent, formatProblems } from './content-check';
import type { ParsedFileCache } from './content-files';
import { keyOnDiskProblem } from './key-on-disk';

/**
 * Stops `astro build`, `astro dev` and `astro check` before any content is
 * compiled when the documents or the site's pages are inconsistent or unsafe:
 * a missing translation, an unknown language, a bad field, a link to no page
 * or paragraph (in the content and in the timeline, src/data/timeline.ts), a
 * correction (src/data/corrections.ts) that the text does not bear out,
 * or anything in a file that is not Markdown and the site's components (MDX
 * runs `import`, `export` and `{…}` as JavaScript while the release is built).
 * It is the first integration, so its setup runs before the MDX integration's.
 *
 * First of all it refuses to go on while MINISIGN_SECRET_KEY is set (see
 * pipeline/content-checks/key-on-disk.ts), so that whichever way Astro is started,
 * content is never compiled with the release key on disk.
 */
export function contentCheck({ cache }: { cache?: ParsedFileCache } = {}): AstroIntegration {
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': async ({ config, logger }) => {
        const keyOnDisk = keyOnDiskProblem(process.env);
        if (keyOnDisk !== undefined) throw new Error(keyOnDisk);
        const root = fileURLToPath(config.root);
        const contentDir = fileURLToPath(new URL('src/content/', config.root));
        const problems = await checkContent(contentDir, { projectRoot: root, timeline, corrections, cache });
        if (problems.length > 0) {
          // Listed through the logger: Astro replaces the hint of any thrown error whose text says "document".
          logger.error(`the content has ${problems.length} problem(s):\n${formatProblems(problems)}`);
          throw new Error(`Content check failed with ${problems.length} problem(s), listed above.`);
        }
        logger.info(
          'content checked: only Markdown and the site’s components; every language, field, link and cited paragraph in order',
        );
      },
    },
  };
}
