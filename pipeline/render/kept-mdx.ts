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
import type { satteri } from '@astrojs/markdown-satteri';
import type { BuildCache } from './build-cache.ts';

type MdxProcessor = ReturnType<typeof satteri>;
type MdxRenderer = Awaited<ReturnType<MdxProcessor['createMdxRenderer']>>;
type Compiled = Awaited<ReturnType<MdxRenderer['process']>>;

/** `processor`, whose MDX renderer gives a file's kept output where an earlier build compiled the same. */
export function keepingCompiledMdx(processor: MdxProcessor, cache: BuildCache): MdxProcessor {
  const createMdxRenderer = processor.createMdxRenderer.bind(processor);
  processor.createMdxRenderer = async (shared, mdx) => {
    const renderer = await createMdxRenderer(shared, mdx);
    const options = JSON.stringify({ shared, mdx });
    return {
      ...renderer,
      async process(content, filePath, frontmatter) {
        const key = cache.key(options, filePath, JSON.stringify(frontmatter), content);
        const kept = cache.get(key);
        if (kept !== undefined) return deserialize(kept) as Compiled;
        const compiled = await renderer.process(content, filePath, frontmatter);
        cache.set(key, serialize(compiled));
        return compiled;
      },
    };
  };
  return processor;
}
