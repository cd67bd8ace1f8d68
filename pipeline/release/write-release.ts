/**
 * The release's own files, made by the build after `astro build` and every
 * check have passed, in a process that never loaded any content, and never
 * with the key: the list of the site's files (SHA256SUMS), then the bundles
 * that carry the site with that list at their root, the zip and the IPFS CAR
 * (see release-format.ts).
 *
 * A release build (`npm run build -- --release`) also writes what `npm run
 * sign` needs (unsignedReleaseFile): the statement the signatures will make,
 * decided here once, and the size the archive will have with its signature,
 * which its downloads pages already give. The signature is stored in the zip,
 * not deflated, so that size is known before the signature's bytes are, and
 * signing never changes a page.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assertReleaseIdentity, type Identity } from '../../src/lib/identity.ts';
import { packWithOwnSize } from '../after-render/file-sizes.ts';
import { siteArchive } from '../after-render/take-away.ts';
import type { ReleaseRevision } from '../../src/lib/release-revision.ts';
import { siteCar } from './ipfs-car.ts';
import {
  checksumEntries,
  compareBytewise,
  formatChecksums,
  readSiteFiles,
  writeChecksums,
  type SiteFile,
} from './checksums.ts';
import { generateKeyPair, signMinisig } from './minisign.ts';
import {
  bundles,
  checksumsFile,
  formatTrustedComment,
  signatureFile,
  unsignedReleaseFile,
  type Bundle,
} from './release-format.ts';
import { parseSiteAddress, withTrailingSlash } from './site-address.ts';

/** What a release build leaves for signing, in unsignedReleaseFile. */
export interface UnsignedRelease {
  /** The release date, in seconds since 1970. */
  timestamp: number;
  /** The commit, 40 hex digits, or `unknown`. */
  commit: string;
  /** The canonical address, ending in `/`. */
  origin: string;
  /** The archive's size once it holds the signature: what its downloads pages give. */
  archiveBytes: number;
}

export interface WriteReleaseOptions {
  canonicalOrigin: string;
  revision: ReleaseRevision | undefined;
  /** A release build: the identity must be real, the date known, and the release ready to sign. */
  release: boolean;
  /** The public identity the release carries: a release refuses placeholders in it. */
  identity: Identity;
  log: (message: string) => void;
}

export function bundle(kind: Bundle['kind']): Bundle {
  const found = bundles.find((candidate) => candidate.kind === kind);
  if (found === undefined) throw new Error(`release-format.ts names no ${kind} bundle`);
  return found;
}

export async function writeBundle(distDir: string, file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(path.join(distDir, file)), { recursive: true });
  await writeFile(path.join(distDir, file), bytes);
}

/** The site's files with the release's own at the root, in the order the bundles hold them. */
export const bundleContents = (files: readonly SiteFile[], releaseFiles: readonly SiteFile[]) =>
  [...files, ...releaseFiles].sort((a, b) => compareBytewise(a.path, b.path));

/** The zip of a release: the signature, if it holds one, stored (see above). */
export const releaseArchive = (contents: readonly SiteFile[], releaseDate: Date | undefined) =>
  siteArchive(contents, releaseDate, new Set([signatureFile]));

/** A signature of SHA256SUMS by a key made for the purpose: the real one's length, for sizing the archive. */
function standInSignature(checksums: Uint8Array, trustedComment: string): SiteFile {
  return {
    path: signatureFile,
    bytes: Buffer.from(signMinisig(checksums, generateKeyPair().secretKey, trustedComment)),
  };
}

/** Writes SHA256SUMS, the archive and the CAR; for a release, also what signing needs. */
export async function writeRelease(distDir: string, options: WriteReleaseOptions): Promise<{ cid: string }> {
  const { canonicalOrigin, revision, release, log } = options;
  let statement: Omit<UnsignedRelease, 'archiveBytes'> | undefined;
  if (release) {
    // build() refuses a release with no date before Astro starts (releaseDateProblem in pipeline/build.ts).
    if (revision === undefined) throw new Error('writeRelease: a release needs its date');
    assertReleaseIdentity(options.identity);
    statement = {
      timestamp: revision.timestamp,
      commit: revision.commit ?? 'unknown',
      origin: parseSiteAddress(withTrailingSlash(canonicalOrigin), 'the canonical origin'),
    };
  }
  const files = await readSiteFiles(distDir);
  const releaseDate = revision === undefined ? undefined : new Date(revision.timestamp * 1000);
  const archive = bundle('archive');
  const siteTrustedComment = statement && formatTrustedComment({ ...statement, kind: 'site', file: checksumsFile });

  // The bundles carry the site with its list at their root, and the downloads pages they carry give the
  // archive's size, so the list is made and the archive packed again until the size the pages give is its own.
  let listed: SiteFile[] = [];
  const pack = async () => {
    const checksums = { path: checksumsFile, bytes: Buffer.from(formatChecksums(checksumEntries(files))) };
    listed = [checksums];
    const signature = siteTrustedComment === undefined ? [] : [standInSignature(checksums.bytes, siteTrustedComment)];
    return releaseArchive(bundleContents(files, [...listed, ...signature]), releaseDate);
  };
  const sizedPages = files.filter((file) => file.path.endsWith('.html'));
  const before = new Map(sizedPages.map((file) => [file.path, file.bytes]));
  const sizedArchive = await packWithOwnSize(files, `/${archive.path}`, pack);
  for (const file of sizedPages) {
    if (file.bytes !== before.get(file.path)) await writeFile(path.join(distDir, file.path), file.bytes);
  }
  await writeChecksums(distDir, checksumEntries(files));

  const contents = bundleContents(files, listed);
  const zip = statement === undefined ? sizedArchive : releaseArchive(contents, releaseDate);
  await writeBundle(distDir, archive.path, zip);
  const carBundle = bundle('car');
  const car = await siteCar(contents);
  await writeBundle(distDir, carBundle.path, car.bytes);
  if (statement !== undefined) {
    const unsigned: UnsignedRelease = { ...statement, archiveBytes: sizedArchive.length };
    await writeFile(path.join(distDir, unsignedReleaseFile), `${JSON.stringify(unsigned, null, 2)}\n`);
  }
  log(
    `${checksumsFile} lists ${files.length} files; ${
      statement === undefined
        ? 'a preview, not a release (`npm run build -- --release` makes one to sign)'
        : `a release of ${new Date(statement.timestamp * 1000).toISOString()}, ready for \`npm run sign\``
    }`,
  );
  log(
    `site archive written: ${archive.path} (${zip.length} bytes${statement ? `; ${sizedArchive.length} once signed` : ''})`,
  );
  log(`IPFS CAR written: ${carBundle.path} (${car.bytes.length} bytes), root CID ${car.cid}`);
  return { cid: car.cid };
}

/**
 * A file a release build wrote, for signing: when it is missing, an error that says `whenMissing`; when it
 * cannot be read for another reason, one that names the file and the reason.
 */
export async function readBuiltFile(file: string, whenMissing: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(whenMissing, { cause: error });
    throw new Error(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

/** Reads what a release build left for signing, or says why this folder cannot be signed. */
export async function readUnsignedRelease(distDir: string): Promise<UnsignedRelease> {
  const file = path.join(distDir, unsignedReleaseFile);
  const text = (
    await readBuiltFile(
      file,
      `${distDir} is not a release build waiting to be signed (it has no ${unsignedReleaseFile}): ` +
        'build it with `npm run build -- --release` first',
    )
  ).toString('utf8');
  let parsed: Partial<UnsignedRelease> = {};
  try {
    parsed = JSON.parse(text) as Partial<UnsignedRelease>;
  } catch {
    // Reported below, with every other shape a release build never writes.
  }
  const { timestamp, commit, origin, archiveBytes } = parsed;
  if (
    typeof timestamp !== 'number' ||
    typeof commit !== 'string' ||
    typeof origin !== 'string' ||
    typeof archiveBytes !== 'number'
  ) {
    throw new Error(`${file} is not what a release build writes: build again`);
  }
  return { timestamp, commit, origin, archiveBytes };
}
