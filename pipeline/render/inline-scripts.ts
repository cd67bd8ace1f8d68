import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';
import type { Plugin } from 'vite';
import { offlineStorage } from '../../src/offline/storage.ts';

/** The import suffix that gives a file of src/page-scripts/ as pages inline it: `import code from './x.js?inline-script'`. */
const suffix = '?inline-script';

/** The folder of the scripts pages inline; a script made of others imports them from here. */
export const scriptsDir = fileURLToPath(new URL('../../src/page-scripts/', import.meta.url));

/** A script that imports others (`import './disk-links.js';`): several scripts a page runs together, as one. */
const importsScripts = (source: string) => /^import\s/m.test(source);

/**
 * A script as every page that inlines it carries it, with the files it reads: minified by esbuild (pinned, so the
 * same bytes on every build). The sources explain themselves in comments; a reader on a throttled phone need not
 * download them. A script that imports others is bundled with them into one, so that a page carries one tag and
 * its policy one hash for them all. Not the synchronous call: the first one starts esbuild's process, which the
 * bundler's other work need not wait for.
 */
async function compileScript(source: string, resolveDir: string): Promise<{ code: string; files: string[] }> {
  if (!importsScripts(source)) return { code: (await transform(source, browserScript)).code.trimEnd(), files: [] };
  const { outputFiles, metafile } = await build({
    ...browserScript,
    stdin: { contents: source, resolveDir, loader: 'js' },
    bundle: true,
    // Plain statements, in the order imported: the parts run as a classic script, each in its own block.
    format: 'esm',
    write: false,
    metafile: true,
    absWorkingDir: resolveDir,
  });
  const files = Object.keys(metafile.inputs)
    .filter((input) => !input.startsWith('<'))
    .map((input) => path.resolve(resolveDir, input));
  return { code: (outputFiles[0]?.text ?? '').trimEnd(), files };
}

/** A script of src/page-scripts/ (or of `resolveDir`, where it imports others) as pages inline it. */
export async function inlineScript(source: string, resolveDir = scriptsDir): Promise<string> {
  return (await compileScript(source, resolveDir)).code;
}

/**
 * How esbuild writes a script that runs in the reader's browser: an inline script or the offline worker. It
 * gives them the names they share with the build (`OFFLINE_STORAGE`, declared in src/browser-constants.d.ts).
 */
export const browserScript = {
  minify: true,
  target: 'es2022',
  legalComments: 'none',
  define: { OFFLINE_STORAGE: JSON.stringify(offlineStorage) },
} as const;

/** Lets components import a script as pages inline it; the Content-Security-Policy hashes the same bytes. */
export function inlineScripts(): Plugin {
  return {
    name: 'inline-scripts',
    async load(id) {
      if (!id.endsWith(suffix)) return undefined;
      const file = id.slice(0, -suffix.length);
      const { code, files } = await compileScript(await readFile(file, 'utf8'), path.dirname(file));
      for (const watched of [file, ...files]) this.addWatchFile(watched);
      return `export default ${JSON.stringify(code)};`;
    },
  };
}
