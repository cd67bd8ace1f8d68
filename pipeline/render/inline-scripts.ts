import { readFile } from 'node:fs/promises';
import { transform } from 'esbuild';
import type { Plugin } from 'vite';
import { offlineStorage } from '../../src/offline/storage.ts';

/** The import suffix that gives a file of src/page-scripts/ as pages inline it: `import code from './x.js?inline-script'`. */
const suffix = '?inline-script';

/**
 * A script as every page that inlines it carries it: minified by esbuild
 * (pinned, so the same bytes on every build). The sources explain themselves
 * in comments; a reader on a throttled phone need not download them. Not
 * the synchronous call: the first one starts esbuild's process, which the
 * bundler's other work need not wait for.
 */
export async function inlineScript(source: string): Promise<string> {
  return (await transform(source, browserScript)).code.trimEnd();
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
      this.addWatchFile(file);
      return `export default ${JSON.stringify(await inlineScript(await readFile(file, 'utf8')))};`;
    },
  };
}
