import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type {} from '@astrojs/markdown-satteri';
import type { MdastPluginDefinition } from 'satteri';
import { contentComponents, uncompilableContent, type ContentCollection } from '../../src/lib/content-safety';

/**
 * The content check's safety rules, run again inside Astro's MDX compiler on
 * the very tree it is about to turn into JavaScript. The content check runs
 * first in every command; this guard makes sure that no way round it (a file
 * edited while `astro dev` runs, a parser that reads a file differently, a
 * command that skipped the integration) can compile code from content. A file
 * outside the content collections may use no component at all.
 */
export function contentGuard(contentDir: URL): MdastPluginDefinition {
  const root = fileURLToPath(contentDir);
  return {
    name: 'content-guard',
    options: { position: true },
    before(tree, context) {
      const absolute = context.fileURL ? fileURLToPath(context.fileURL) : '';
      const file = path.relative(process.cwd(), absolute) || '(an MDX file)';
      const [collection] = path.relative(root, absolute).split(path.sep);
      const components =
        collection !== undefined && Object.hasOwn(contentComponents, collection)
          ? contentComponents[collection as ContentCollection]
          : [];
      const problems = uncompilableContent(tree, components).map(
        ({ line, problem }) => `${file}${line === undefined ? '' : `:${line}`}: ${problem}`,
      );
      // Astro imports the module a `layout` names into the compiled page.
      if (context.data.astro?.frontmatter?.['layout'] !== undefined) {
        problems.push(`${file}: front matter "layout" — content cannot choose code to run: remove it`);
      }
      if (problems.length > 0) {
        throw new Error(`Content must be Markdown and the site's components only:\n${problems.join('\n')}`);
      }
    },
  };
}
