/**
 * downloads/verify.mjs and downloads/rewrite-origin.mjs: the verify command
 * with the pinned public key, and the rewrite-origin command, each bundled
 * with the libraries it uses by esbuild into one ES module that needs only
 * Node's built-in modules and runs on Node 18 or newer, Debian's Node 20
 * among them. They are the same code as `npm run verify` and `npm run
 * rewrite-origin`, so they do and say the same. The build writes them before
 * hashing, so SHA256SUMS and the signature cover them.
 *
 * Each bundle is kept in the build cache under the files esbuild read for it
 * last time: while none of them has changed, it is taken from there.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { paths } from '../../src/lib/routes.ts';
import { buildCache } from '../render/build-cache.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The oldest Node the file runs on: `fetch`, `AbortSignal.any` and `util.parseArgs` are all there from 18.17. */
export const verifierNodeTarget = 'node18.17';

const bundles = buildCache('standalone-tools', { packages: ['esbuild'], modules: [new URL(import.meta.url)] });

/** The key of a bundle made from these files, as they are now; undefined if one of them is gone. */
function bundleKey(entryPoint: string, pinnedKey: string, inputs: readonly string[]): string | undefined {
  try {
    return bundles.key(
      entryPoint,
      pinnedKey,
      ...inputs.flatMap((input) => [input, readFileSync(path.join(projectRoot, input))]),
    );
  } catch {
    return undefined;
  }
}

async function bundle(entryPoint: string, pinnedKey: string): Promise<Uint8Array> {
  const inputsKey = bundles.key('inputs', entryPoint, pinnedKey);
  const lastInputs = bundles.get(inputsKey);
  const lastKey = lastInputs && bundleKey(entryPoint, pinnedKey, JSON.parse(lastInputs.toString()) as string[]);
  const kept = lastKey && bundles.get(lastKey);
  if (kept) return kept;
  const result = await build({
    absWorkingDir: projectRoot,
    // A build from a source archive links node_modules from elsewhere: the bundle must name its files the same.
    preserveSymlinks: true,
    entryPoints: [entryPoint],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: verifierNodeTarget,
    define: { PINNED_PUBLIC_KEY: JSON.stringify(pinnedKey) },
    legalComments: 'eof',
    charset: 'utf8',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error(`esbuild bundled nothing from ${entryPoint}`);
  const inputs = Object.keys(result.metafile.inputs).sort();
  const key = bundleKey(entryPoint, pinnedKey, inputs);
  if (key !== undefined) {
    bundles.set(key, output.contents);
    bundles.set(inputsKey, Buffer.from(JSON.stringify(inputs)));
  }
  return output.contents;
}

/** The two files, by their paths in the release. */
export async function standaloneTools(): Promise<Record<string, Uint8Array>> {
  const pinnedKey = await readFile(path.join(projectRoot, 'release/minisign.pub'), 'utf8');
  return {
    [paths.verifier().slice(1)]: await bundle('pipeline/mirror-tools/verify-standalone.ts', pinnedKey),
    [paths.rewriteOriginTool().slice(1)]: await bundle('pipeline/mirror-tools/rewrite-origin-standalone.ts', pinnedKey),
  };
}
