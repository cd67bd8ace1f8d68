/**
 * Signing, done apart from the build and never while content is compiled:
 * `npm run sign` (signBuiltRelease) signs a release build's list of files,
 * whose minisign signature's trusted comment records what it is, the
 * canonical origin, the date and the commit, then packs and signs the bundles
 * that carry the signed site (the zip and the CAR) with the same date and
 * commit. Each of those signatures is made by signReleaseFile, with the key
 * readReleaseKey read; tests sign copies of their own with the same two.
 */
import { cp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checksumEntries, formatChecksums, readSiteFiles } from './checksums.ts';
import { carRootCid, siteCar } from './ipfs-car.ts';
import { keyIdHex, parsePublicKey, parseSecretKey, signMinisig, type SecretKey } from './minisign.ts';
import {
  checksumsFile,
  formatTrustedComment,
  signatureFile,
  signatureOf,
  unsignedReleaseFile,
  type StatementKind,
} from './release-format.ts';
import {
  bundle,
  bundleContents,
  readBuiltFile,
  readUnsignedRelease,
  releaseArchive,
  writeBundle,
  type UnsignedRelease,
} from './write-release.ts';

/** What every signature of a release states beside its file: the date, the commit and the canonical origin. */
export type ReleaseFacts = Pick<UnsignedRelease, 'timestamp' | 'commit' | 'origin'>;

/** The warning for a secret key that does not belong to the pinned public key, or undefined when it does. */
function keyMismatchWarning(secretKey: SecretKey, pinnedPublicKey: string): string | undefined {
  let pinned;
  try {
    pinned = parsePublicKey(pinnedPublicKey);
  } catch (error) {
    return `release/minisign.pub is not a minisign public key (${error instanceof Error ? error.message : String(error)})`;
  }
  if (pinned.base64 === secretKey.publicKey.base64) return undefined;
  return (
    `the release is signed with key ${keyIdHex(secretKey.keyId)}, but release/minisign.pub pins key ` +
    `${keyIdHex(pinned.keyId)}: npm run verify and the copies' verify.mjs will refuse this release, and its ` +
    `mirrors page shows a key that does not check it. A fork with its own key replaces release/minisign.pub ` +
    `with its public key (npm run new-release-key writes both).`
  );
}

/**
 * The unencrypted minisign secret key in `secretKeyPath`. When it does not
 * belong to `pinnedPublicKey` (release/minisign.pub's text), `warn` hears it:
 * readers' `verify` would refuse what it signs, and the mirrors pages show the
 * pinned key.
 */
export async function readReleaseKey(
  secretKeyPath: string,
  pinnedPublicKey: string | undefined,
  warn: (message: string) => void,
): Promise<SecretKey> {
  let secretKey: SecretKey;
  try {
    secretKey = parseSecretKey(await readFile(secretKeyPath, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot sign the release with ${secretKeyPath}: ${reason}`, { cause: error });
  }
  if (pinnedPublicKey !== undefined) {
    const warning = keyMismatchWarning(secretKey, pinnedPublicKey);
    if (warning !== undefined) warn(warning);
  }
  return secretKey;
}

/**
 * Signs `file` of the folder `dir` (SHA256SUMS, kind `site`, or a bundle)
 * into `<file>.minisig`, its trusted comment stating what the file is and
 * `release`'s date, commit and origin (and a CAR's root CID, which
 * `ipfs dag import` prints). Returns the signature's bytes.
 */
export async function signReleaseFile(
  dir: string,
  file: { path: string; kind: StatementKind },
  secretKey: SecretKey,
  release: ReleaseFacts,
): Promise<Buffer> {
  const bytes = await readFile(path.join(dir, file.path));
  const { timestamp, commit, origin } = release;
  const statement = {
    kind: file.kind,
    file: path.posix.basename(file.path),
    timestamp,
    commit,
    origin,
    cid: file.kind === 'car' ? await carRootCid(bytes) : undefined,
  };
  const signature = Buffer.from(signMinisig(bytes, secretKey, formatTrustedComment(statement)));
  await writeFile(path.join(dir, signatureOf(file.path)), signature);
  return signature;
}

export interface SignBuiltReleaseOptions {
  /** The unencrypted minisign secret key file, from MINISIGN_SECRET_KEY. */
  secretKeyPath: string;
  /** release/minisign.pub's text: signing with another key is warned about. */
  pinnedPublicKey?: string | undefined;
  log?: (message: string) => void;
  warn?: (message: string) => void;
}

/**
 * Signs a release build in `distDir`, as `npm run sign` does: in a copy beside
 * it, which replaces it only once everything is signed, so that a failure
 * leaves the build as it was and nothing half-signed. Pages are never changed:
 * the build already gave the signed archive's size.
 */
export async function signBuiltRelease(distDir: string, options: SignBuiltReleaseOptions): Promise<void> {
  const { secretKeyPath, log = console.log, warn = console.warn } = options;
  const unsigned = await readUnsignedRelease(distDir);
  const files = await readSiteFiles(distDir);
  const checksums = Buffer.from(formatChecksums(checksumEntries(files)));
  const written = await readBuiltFile(
    path.join(distDir, checksumsFile),
    `${distDir} has no ${checksumsFile}, so there is no list of files to sign: build it again with \`npm run build -- --release\``,
  );
  if (!written.equals(checksums)) {
    throw new Error(
      `${path.join(distDir, checksumsFile)} does not list the folder's files as they are: something changed ` +
        'them after the build; build again with `npm run build -- --release`',
    );
  }
  const secretKey = await readReleaseKey(secretKeyPath, options.pinnedPublicKey, warn);
  const staging = `${distDir}.signing`;
  await rm(staging, { recursive: true, force: true });
  try {
    await cp(distDir, staging, { recursive: true });
    await rm(path.join(staging, unsignedReleaseFile));
    const signature = await signReleaseFile(staging, { path: checksumsFile, kind: 'site' }, secretKey, unsigned);
    const contents = bundleContents(files, [
      { path: checksumsFile, bytes: checksums },
      { path: signatureFile, bytes: signature },
    ]);
    const archive = bundle('archive');
    const zip = releaseArchive(contents, new Date(unsigned.timestamp * 1000));
    if (zip.length !== unsigned.archiveBytes) {
      throw new Error(
        `the signed archive is ${zip.length} bytes, but the build gave its pages the size of ${unsigned.archiveBytes}: ` +
          'the build and this step disagree on the archive; nothing was signed',
      );
    }
    await writeBundle(staging, archive.path, zip);
    await signReleaseFile(staging, archive, secretKey, unsigned);
    const carBundle = bundle('car');
    const car = await siteCar(contents);
    await writeBundle(staging, carBundle.path, car.bytes);
    await signReleaseFile(staging, carBundle, secretKey, unsigned);
    // Swapped in whole: the build moves aside, the signed copy takes its name, then the build goes.
    const aside = `${distDir}.unsigned`;
    await rm(aside, { recursive: true, force: true });
    await rename(distDir, aside);
    try {
      await rename(staging, distDir);
    } catch (error) {
      await rename(aside, distDir);
      throw error;
    }
    await rm(aside, { recursive: true, force: true });
    log(
      `signed with key ${keyIdHex(secretKey.keyId)}: ${signatureFile} for ${files.length} files, ` +
        `${signatureOf(archive.path)} (${zip.length} bytes) and ${signatureOf(carBundle.path)} (root CID ${car.cid})`,
    );
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
