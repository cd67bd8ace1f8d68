import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../../astro.config.mjs';
import { leaksOf, plantBuildMachineFiles } from '../../support/build-machine';

/**
 * The MDX compiler exactly as astro.config.mjs configures it, compiling a
 * file as Astro's MDX integration hands it over. Whatever got past the content
 * check, this is where code would become part of the release.
 */
async function compile(relativeFile: string, body: string, frontmatter: Record<string, unknown> = {}) {
  const processor = config.markdown?.processor;
  if (!processor?.createMdxRenderer) throw new Error('astro.config.mjs sets no MDX processor');
  const renderer = await processor.createMdxRenderer(
    { syntaxHighlight: false, gfm: true, smartypants: true },
    { optimize: false, srcDir: new URL('../../../src/', import.meta.url), sourcemap: false },
  );
  return renderer.process(body, path.resolve(relativeFile), frontmatter);
}

const document = 'src/content/documents/be/a-letter.mdx';

describe('the MDX compiler’s content guard', () => {
  it('compiles Markdown and the collection’s components', async () => {
    const result = await compile(document, 'A [link](../other/).\n\n<SignatureBlock>\nA. Name\n</SignatureBlock>\n');
    expect(result.code).toContain('SignatureBlock');
  });

  it('refuses the secret-key attack: an import and an expression, each named with its line', async () => {
    const body =
      '\n\nimport { readFileSync } from "node:fs";\n\nText.\n\n{readFileSync(process.env.MINISIGN_SECRET_KEY, "utf8")}\n';
    await expect(compile(document, body)).rejects.toThrow(
      `${document}:3: JavaScript "import { readFileSync } from "node:fs";" — content cannot run code`,
    );
    await expect(compile(document, body)).rejects.toThrow(
      `${document}:7: an expression "{readFileSync(process.env.MINISIGN_SECRET_KEY, "utf8")}"`,
    );
  });

  it.each([
    ['a script', '<script>alert(document.domain)</script>', 'an HTML element <script>'],
    ['an event handler', 'H<sub onclick="alert(1)">2</sub>O', 'an event handler "onclick" on <sub>'],
    ['a style attribute', 'H<sub style="color: red">2</sub>O', 'a style attribute on <sub>'],
    ['a javascript: link', '[Read](javascript:alert(1))', 'a link to "javascript:alert(1)"'],
  ])('refuses %s', async (_name, body, problem) => {
    await expect(compile(document, `${body}\n`)).rejects.toThrow(`${document}:1: ${problem}`);
  });

  it('refuses an image path before the compiler reads the file it names: a key, a module, an SVG, a system file', async () => {
    const planted = await plantBuildMachineFiles();
    try {
      for (const target of planted.targets) {
        const compiling = compile(document, `Text.\n\n![seal](${target})\n`);
        await expect(compiling, target).rejects.toThrow(`${document}:3: an image "`);
        for (const leak of leaksOf(planted.secret)) await expect(compiling, target).rejects.not.toThrow(leak);
      }
      expect(existsSync(planted.ranMarker)).toBe(false);
    } finally {
      await rm(planted.folder, { recursive: true });
    }
  });

  it('refuses a control character in the text it compiles, and text nested too deeply to walk', async () => {
    await expect(compile(document, 'Text.\n\nA bell\u0007 rings.\n')).rejects.toThrow(
      `${document}:3: a control character U+0007 — it breaks feeds, e-books and pages`,
    );
    await expect(compile(document, `${'> '.repeat(100)}Deep.\n`)).rejects.toThrow(`${document}:1: text nested`);
  });

  it('refuses a front matter layout, which Astro would import into the page', async () => {
    await expect(compile(document, 'Text.\n', { layout: '../../evil.js' })).rejects.toThrow(
      `${document}: front matter "layout" — content cannot choose code to run`,
    );
  });

  it('gives each collection only its own components, and other MDX none', async () => {
    await expect(compile('src/content/pages/en/mirrors.mdx', '<MirrorList />\n')).resolves.toBeDefined();
    await expect(compile(document, '<MirrorList />\n')).rejects.toThrow('a component <MirrorList>');
    await expect(compile('src/pages/stray.mdx', '<SignatureBlock>x</SignatureBlock>\n')).rejects.toThrow(
      'a component <SignatureBlock>, which this file may not use',
    );
  });
});
