/**
 * downloads/verify.mjs: the verify command, the pinned public key and the
 * libraries they use, bundled by esbuild into one ES module that needs only
 * Node's built-in modules and runs on Node 18 or newer, Debian's Node 20
 * among them. It is the same code as `npm run verify`, so it checks the same
 * and says the same. The build writes it before hashing, so SHA256SUMS and
 * the signature cover it.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The oldest Node the file runs on: `fetch`, `AbortSignal.any` and `util.parseArgs` are all there from 18.17. */
export const verifierNodeTarget = 'node18.17';

export async function verifierBundle(): Promise<Uint8Array> {
  const pinnedKey = await readFile(new URL('release/minisign.pub', `file://${projectRoot}`), 'utf8');
  const result = await build({
    absWorkingDir: projectRoot,
    entryPoints: ['scripts/release/verify-standalone.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: verifierNodeTarget,
    define: { PINNED_PUBLIC_KEY: JSON.stringify(pinnedKey) },
    legalComments: 'eof',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error('esbuild wrote no verify.mjs');
  return output.contents;
}
