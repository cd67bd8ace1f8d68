/**
 * The last steps of a build: SHA256SUMS for every file of the site, then,
 * when the release key is at hand, its minisign signature, whose trusted
 * comment records what it is, the canonical origin, the date and the commit;
 * and later the signatures of the bundles that carry the signed site (the zip
 * and the CAR), with the same date and commit.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeChecksums, type ChecksumEntry } from './checksums.ts';
import { carRootCid } from './ipfs-car.ts';
import { keyIdHex, parsePublicKey, parseSecretKey, signMinisig, type SecretKey } from './minisign.ts';
import {
  checksumsFile,
  formatTrustedComment,
  signatureFile,
  signatureOf,
  type Bundle,
  type ReleaseStatement,
} from './release-format.ts';
import { parseSiteAddress, withTrailingSlash } from './site-address.ts';

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
