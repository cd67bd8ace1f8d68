/**
 * Makes a new release key pair, for a fork that signs its own releases:
 *
 *   npm run new-release-key -- <secret key file>
 *
 * writes the unencrypted secret key (as `minisign -G -W` would) to the file
 * named, readable by its owner only, and the public key to
 * release/minisign.pub, which the build, `verify`, verify.mjs and the mirrors
 * page all take the key from. Keep the secret key out of the repository; sign
 * a release build with MINISIGN_SECRET_KEY=<that file> npm run sign.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateKeyPair, keyIdHex } from './release/minisign.ts';

const usage = 'usage: npm run new-release-key -- <secret key file, outside the repository> [--public-key <file>]';
const pinnedKeyFile = fileURLToPath(new URL('../release/minisign.pub', import.meta.url));

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { 'public-key': { type: 'string', default: pinnedKeyFile } },
});
const publicKeyFile = values['public-key'];
const [secretKeyFile, ...extra] = positionals;
if (secretKeyFile === undefined || extra.length > 0) {
  console.error(usage);
  process.exitCode = 2;
} else {
  const keys = generateKeyPair();
  try {
    // `wx`: never overwrite a key that may be the only copy.
    await writeFile(secretKeyFile, keys.secretKeyFile, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    console.error(
      `new-release-key: cannot write ${secretKeyFile}: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
  await writeFile(publicKeyFile, keys.publicKeyFile);
  console.log(
    `New release key ${keyIdHex(keys.publicKey.keyId)}: the secret key is in ${secretKeyFile} (keep it safe, never commit it); ` +
      `${publicKeyFile} now holds its public key. Commit release/minisign.pub, and sign release builds with MINISIGN_SECRET_KEY=${secretKeyFile} npm run sign.`,
  );
}
