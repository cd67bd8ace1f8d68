/**
 * Signs a release build, apart from the build, so that the release key is
 * never on disk while content is compiled:
 *
 *   npm run build -- --release
 *   MINISIGN_SECRET_KEY=<secret key file> npm run sign [-- --dir dist]
 *
 * It signs the list of files, packs and signs the archive and the CAR, in a
 * copy that replaces the folder only once all of it is signed
 * (pipeline/release/sign.ts). Exit codes: 0 signed, 1 not signed (the reason is
 * printed; the folder is as the build left it), 2 a usage error.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { signBuiltRelease } from './release/sign.ts';

const usage = 'usage: MINISIGN_SECRET_KEY=<secret key file> npm run sign [-- --dir <release build, dist by default>]';
const projectRoot = fileURLToPath(new URL('..', import.meta.url));

let dir: string;
try {
  const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' } } });
  dir = path.resolve(projectRoot, values.dir);
} catch (error) {
  console.error(`sign: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}
const secretKeyPath = process.env['MINISIGN_SECRET_KEY'];
if (!secretKeyPath) {
  console.error(`sign: MINISIGN_SECRET_KEY does not name the release key file\n${usage}`);
  process.exit(2);
}
try {
  await signBuiltRelease(dir, {
    secretKeyPath,
    pinnedPublicKey: await readFile(path.join(projectRoot, 'release/minisign.pub'), 'utf8'),
    warn: (message) => console.warn(`warning: ${message}`),
  });
} catch (error) {
  console.error(`sign: not signed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
