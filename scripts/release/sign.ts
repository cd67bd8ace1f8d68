/**
 * The last step of a build: SHA256SUMS for every file of the site, then, when
 * the release key is at hand, its minisign signature, which also records the
 * canonical origin for mirrors that rewrite their link previews.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeChecksums, type ChecksumEntry } from './checksums.ts';
import { keyIdHex, parseSecretKey, signMinisig } from './minisign.ts';
import { checksumsFile, formatTrustedComment, signatureFile } from './release-format.ts';
import { parseSiteAddress, withTrailingSlash } from './site-address.ts';

export interface SignReleaseOptions {
  /** The public address the site is built for, e.g. `https://belarus-unions.example`. */
  canonicalOrigin: string;
  /** An unencrypted minisign secret key file; the caller takes it from MINISIGN_SECRET_KEY. Without one the release is only checksummed. */
  secretKeyPath?: string | undefined;
  /** When the release was made, in seconds since 1970; the same input gives the same signature file. */
  timestamp?: number | undefined;
  /** Where the one-line outcome goes. */
  log?: (message: string) => void;
  /** What SHA256SUMS lists, when the caller has hashed the files already; by default every file of the site. */
  entries?: readonly ChecksumEntry[] | undefined;
}

export interface SignedRelease {
  /** How many files SHA256SUMS lists. */
  files: number;
  /** The signing key's id, as minisign prints it, when the release was signed. */
  keyId?: string;
}

export async function signRelease(distDir: string, options: SignReleaseOptions): Promise<SignedRelease> {
  const { secretKeyPath, log = console.log } = options;
  const origin = parseSiteAddress(withTrailingSlash(options.canonicalOrigin), 'the canonical origin');
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
  let secretKey;
  try {
    secretKey = parseSecretKey(await readFile(secretKeyPath, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot sign the release with ${secretKeyPath}: ${reason}`, { cause: error });
  }
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const trustedComment = formatTrustedComment({ timestamp, origin });
  const checksums = await readFile(path.join(distDir, checksumsFile));
  await writeFile(signaturePath, signMinisig(checksums, secretKey, trustedComment));
  const keyId = keyIdHex(secretKey.keyId);
  log(`${checksumsFile} lists ${entries.length} files; signed with key ${keyId} in ${signatureFile}`);
  return { files: entries.length, keyId };
}
