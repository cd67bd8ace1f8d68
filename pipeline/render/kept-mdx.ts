/**
 * The MDX compiler's output kept between builds: Vite compiles every document
 * on every build, and an edit to one changes one. Each file's JavaScript is
 * kept by what decides it: the file's path, text and front matter, and the
 * compiler's options; the cache astro.config.mjs gives is keyed besides on the
 * configuration and all it imports (the compiler's packages, the plugins the
 * site runs in it, the site's code they use). A file the content guard refuses
 * is never kept: it is refused again on every build.
 */
import { deserialize, serialize } from 'node:v8';
import type { MarkdownProcessor, MdxRenderer, MdxRenderResult } from '@astrojs/internal-helpers/markdown';
import type { BuildCache } from './build-cache.ts';

/** `processor`, whose MDX renderer gives a file's kept output where an earlier build compiled the same. */
export function keepingCompiledMdx<Processor extends MarkdownProcessor>(
  processor: Processor,
  cache: BuildCache,
): Processor {
  const { createMdxRenderer } = processor;
  if (createMdxRenderer === undefined) throw new Error(`the ${processor.name} processor does not compile MDX`);
  processor.createMdxRenderer = async (shared, mdx): Promise<MdxRenderer> => {
    const renderer = await createMdxRenderer.call(processor, shared, mdx);
    const options = JSON.stringify({ shared, mdx });
    return {
      async process(content, filePath, frontmatter) {
        const key = cache.key(options, filePath, JSON.stringify(frontmatter), content);
        const kept = cache.get(key);
        if (kept !== undefined) return deserialize(kept) as MdxRenderResult;
        const compiled = await renderer.process(content, filePath, frontmatter);
        cache.set(key, serialize(compiled));
        return compiled;
      },
    };
  };
  return processor;
}
