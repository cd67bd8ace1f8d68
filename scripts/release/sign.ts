/**
 * Signing, done apart from the build and never while content is compiled:
 * `npm run sign` (signBuiltRelease) signs a release build's list of files,
 * whose minisign signature's trusted comment records what it is, the
 * canonical origin, the date and the commit, then packs and signs the bundles
 * that carry the signed site (the zip and the CAR) with the same date and
 * commit. signRelease and signBundle are its steps, which tests also use to
 * sign copies of their own.
 */
import { cp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  checksumEntries,
  formatChecksums,
  readSiteFiles,
  writeChecksums,
  type ChecksumEntry,
  type SiteFile,
} from './checksums.ts';
import { carRootCid, siteCar } from './ipfs-car.ts';
import { keyIdHex, parsePublicKey, parseSecretKey, signMinisig, type SecretKey } from './minisign.ts';
import {
  checksumsFile,
  formatTrustedComment,
  signatureFile,
  signatureOf,
  unsignedReleaseFile,
  type Bundle,
  type ReleaseStatement,
} from './release-format.ts';
import { parseSiteAddress, withTrailingSlash } from './site-address.ts';
import { bundle, bundleContents, readUnsignedRelease, releaseArchive, writeBundle } from './write-release.ts';

export interface SignReleaseOptions {
  /** The public address the site is built for, e.g. `https://belarus-unions.example`. */
  canonicalOrigin: string;
  /** An unencrypted minisign secret key file; the caller takes it from MINISIGN_SECRET_KEY. Without one the release is only checksummed. */
  secretKeyPath?: string | undefined;
  /** When the release was made, in seconds since 1970; the same input gives the same signature file. */
  timestamp?: number | undefined;
  /** The commit the release is built from (40 hex digits); `unknown` when not given. */
  commit?: string | undefined;
  /**
   * The key readers check releases with (release/minisign.pub's text). When
   * the secret key does not belong to it, the build warns: its release will
   * fail `verify` with that key, and its mirrors page shows the wrong key.
   */
  pinnedPublicKey?: string | undefined;
  /** Where the one-line outcome goes. */
  log?: (message: string) => void;
  /** Where a warning goes. */
  warn?: (message: string) => void;
  /** What SHA256SUMS lists, when the caller has hashed the files already; by default every file of the site. */
  entries?: readonly ChecksumEntry[] | undefined;
}

export interface SignedRelease {
  /** How many files SHA256SUMS lists. */
  files: number;
  /** The signing key's id, as minisign prints it, when the release was signed. */
  keyId?: string;
}

async function readSecretKey(secretKeyPath: string): Promise<SecretKey> {
  try {
    return parseSecretKey(await readFile(secretKeyPath, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot sign the release with ${secretKeyPath}: ${reason}`, { cause: error });
  }
}

/** The warning for a secret key that does not belong to the pinned public key, or undefined when it does. */
export function keyMismatchWarning(secretKey: SecretKey, pinnedPublicKey: string): string | undefined {
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

function statementFor(options: SignReleaseOptions, kind: ReleaseStatement['kind'], file: string): ReleaseStatement {
  return {
    kind,
    file,
    timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
    origin: parseSiteAddress(withTrailingSlash(options.canonicalOrigin), 'the canonical origin'),
    commit: options.commit ?? 'unknown',
  };
}

export async function signRelease(distDir: string, options: SignReleaseOptions): Promise<SignedRelease> {
  const { secretKeyPath, log = console.log, warn = console.warn } = options;
  const statement = statementFor(options, 'site', checksumsFile);
  const entries = await writeChecksums(distDir, options.entries);
  const signaturePath = path.join(distDir, signatureFile);
  if (secretKeyPath === undefined || secretKeyPath === '') {
    // A signature left from an earlier run would no longer match.
    await rm(signaturePath, { force: true });
    log(
      `${checksumsFile} lists ${entries.length} files; not signed (set MINISIGN_SECRET_KEY to the release key to sign)`,
    );
    return { files: entries.length };
  }
  const secretKey = await readSecretKey(secretKeyPath);
  if (options.pinnedPublicKey !== undefined) {
    const warning = keyMismatchWarning(secretKey, options.pinnedPublicKey);
    if (warning !== undefined) warn(warning);
  }
  const checksums = await readFile(path.join(distDir, checksumsFile));
  await writeFile(signaturePath, signMinisig(checksums, secretKey, formatTrustedComment(statement)));
  const keyId = keyIdHex(secretKey.keyId);
  log(`${checksumsFile} lists ${entries.length} files; signed with key ${keyId} in ${signatureFile}`);
  return { files: entries.length, keyId };
}

/**
 * Signs a bundle of the signed site (`downloads/…zip`, `downloads/…car`) into
 * `<bundle>.minisig`, or removes a stale signature when there is no key.
 */
export async function signBundle(distDir: string, bundle: Bundle, options: SignReleaseOptions): Promise<void> {
  const signaturePath = path.join(distDir, signatureOf(bundle.path));
  if (options.secretKeyPath === undefined || options.secretKeyPath === '') {
    await rm(signaturePath, { force: true });
    return;
  }
  const secretKey = await readSecretKey(options.secretKeyPath);
  const bytes = await readFile(path.join(distDir, bundle.path));
  // A CAR's signature also states its root CID, which `ipfs dag import` prints.
  const cid = bundle.kind === 'car' ? await carRootCid(bytes) : undefined;
  const statement = { ...statementFor(options, bundle.kind, path.posix.basename(bundle.path)), cid };
  await writeFile(signaturePath, signMinisig(bytes, secretKey, formatTrustedComment(statement)));
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
  const written = await readFile(path.join(distDir, checksumsFile)).catch(() => Buffer.alloc(0));
  if (!written.equals(checksums)) {
    throw new Error(
      `${path.join(distDir, checksumsFile)} does not list the folder's files as they are: something changed ` +
        'them after the build; build again with `npm run build -- --release`',
    );
  }
  const secretKey = await readSecretKey(secretKeyPath);
  if (options.pinnedPublicKey !== undefined) {
    const warning = keyMismatchWarning(secretKey, options.pinnedPublicKey);
    if (warning !== undefined) warn(warning);
  }
  const sign = {
    canonicalOrigin: unsigned.origin,
    secretKeyPath,
    timestamp: unsigned.timestamp,
    commit: unsigned.commit,
  };
  const staging = `${distDir}.signing`;
  await rm(staging, { recursive: true, force: true });
  try {
    await cp(distDir, staging, { recursive: true });
    await rm(path.join(staging, unsignedReleaseFile));
    const signature: SiteFile = {
      path: signatureFile,
      bytes: Buffer.from(
        signMinisig(checksums, secretKey, formatTrustedComment(statementFor(sign, 'site', checksumsFile))),
      ),
    };
    await writeFile(path.join(staging, signatureFile), signature.bytes);
    const contents = bundleContents(files, [{ path: checksumsFile, bytes: checksums }, signature]);
    const releaseDate = new Date(unsigned.timestamp * 1000);
    const archive = bundle('archive');
    const zip = releaseArchive(contents, releaseDate);
    if (zip.length !== unsigned.archiveBytes) {
      throw new Error(
        `the signed archive is ${zip.length} bytes, but the build gave its pages the size of ${unsigned.archiveBytes}: ` +
          'the build and this step disagree on the archive; nothing was signed',
      );
    }
    await writeBundle(staging, archive.path, zip);
    await signBundle(staging, archive, sign);
    const carBundle = bundle('car');
    const car = await siteCar(contents);
    await writeBundle(staging, carBundle.path, car.bytes);
    await signBundle(staging, carBundle, sign);
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
