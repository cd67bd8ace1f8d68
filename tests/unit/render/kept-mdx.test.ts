import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import { describe, expect, it, onTestFinished } from 'vitest';
import { contentGuard } from '../../../pipeline/content-checks/content-guard';
import { buildCache, producerOf } from '../../../pipeline/render/build-cache';
import { keepingCompiledMdx } from '../../../pipeline/render/kept-mdx';
import { mdxFeatures } from '../../../src/lib/mdx';
import { paragraphIdsPlugin } from '../../../src/lib/paragraph-ids';

/** A compiler as astro.config.mjs makes it, keeping its output in a folder of its own; and the keys it compiled. */
async function keptCompiler(folder: string, producerModule = new URL('../../../astro.config.mjs', import.meta.url)) {
  const cache = buildCache('mdx', producerOf(producerModule), folder);
  const compiled: string[] = [];
  const counting = { ...cache, set: (key: string, bytes: Uint8Array) => (compiled.push(key), cache.set(key, bytes)) };
  const processor = keepingCompiledMdx(
    satteri({
      features: mdxFeatures,
      mdastPlugins: [contentGuard(new URL('../../../src/content/', import.meta.url))],
      hastPlugins: [paragraphIdsPlugin],
    }),
    counting,
  );
  if (processor.createMdxRenderer === undefined) throw new Error('Sätteri compiles no MDX');
  const renderer = await processor.createMdxRenderer(
    { syntaxHighlight: false, gfm: true, smartypants: true },
    { optimize: false, srcDir: new URL('../../../src/', import.meta.url), sourcemap: false },
  );
  const compile = (file: string, body: string, frontmatter: Record<string, unknown> = { title: 'A letter' }) =>
    renderer.process(body, path.resolve(file), frontmatter);
  return { compile, compiled };
}

const letter = 'src/content/documents/en/a-letter.mdx';

describe('the MDX compiler’s kept output', () => {
  it('is the compiler’s own output, compiled again only when the file, its place or its front matter change', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'kept-mdx-'));
    onTestFinished(() => rm(folder, { recursive: true, force: true }));
    const first = await keptCompiler(folder);
    const made = await first.compile(letter, 'The esteemed Committee.\n\nA second paragraph.\n');
    expect(made.code).toContain('id: "p-2"');
    expect(first.compiled).toHaveLength(1);

    // A later build, with a compiler of its own, gets the same output without compiling.
    const later = await keptCompiler(folder);
    expect(await later.compile(letter, 'The esteemed Committee.\n\nA second paragraph.\n')).toEqual(made);
    expect(later.compiled).toHaveLength(0);

    const edited = await later.compile(letter, 'The respected Committee.\n\nA second paragraph.\n');
    expect(edited.code).toContain('respected');
    await later.compile('src/content/documents/en/b-letter.mdx', 'The esteemed Committee.\n\nA second paragraph.\n');
    await later.compile(letter, 'The esteemed Committee.\n\nA second paragraph.\n', { title: 'Another' });
    expect(later.compiled).toHaveLength(3);
  });

  it('is compiled again when the code that compiles it changes', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'kept-mdx-'));
    onTestFinished(() => rm(folder, { recursive: true, force: true }));
    const plugin = path.join(folder, 'plugin.ts');
    await writeFile(plugin, 'export const level = 1;\n');
    const body = 'A paragraph.\n';
    await (await keptCompiler(folder, pathToFileURL(plugin))).compile(letter, body);
    const same = await keptCompiler(folder, pathToFileURL(plugin));
    await same.compile(letter, body);
    expect(same.compiled).toHaveLength(0);
    await writeFile(plugin, 'export const level = 2;\n');
    const changed = await keptCompiler(folder, pathToFileURL(plugin));
    await changed.compile(letter, body);
    expect(changed.compiled).toHaveLength(1);
  });

  it('never keeps a file the content guard refuses: it is refused on every build', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'kept-mdx-'));
    onTestFinished(() => rm(folder, { recursive: true, force: true }));
    const body = 'Text.\n\n{process.env.MINISIGN_SECRET_KEY}\n';
    for (let build = 0; build < 2; build += 1) {
      const { compile, compiled } = await keptCompiler(folder);
      await expect(compile(letter, body)).rejects.toThrow(/content cannot run code|an expression/);
      expect(compiled).toEqual([]);
    }
  });
});
