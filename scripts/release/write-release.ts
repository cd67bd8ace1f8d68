/**
 * The last step of a build, run by the build script after `astro build` and
 * every check have passed, in a process that never loaded any content: the
 * signed list of the site's files, then the bundles that carry the site with
 * that same list at their root — the zip and the IPFS CAR — each signed on its
 * own for the same release (see release-format.ts).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assertReleaseIdentity, type Identity } from '../../src/lib/identity.ts';
import { packWithOwnSize } from '../build/file-sizes.ts';
import { siteArchive } from '../build/take-away.ts';
import type { ReleaseRevision } from '../build/release-revision.ts';
import { siteCar } from './ipfs-car.ts';
import { checksumEntries, compareBytewise, readSiteFiles, type SiteFile } from './checksums.ts';
import { bundles, checksumsFile, signatureFile, type Bundle } from './release-format.ts';
import { signBundle, signRelease } from './sign.ts';

export interface WriteReleaseOptions {
  canonicalOrigin: string;
  secretKeyPath: string | undefined;
  revision: ReleaseRevision | undefined;
  /** The public identity the release carries: a signed release refuses placeholders in it. */
  identity: Identity;
  /** release/minisign.pub's text: signing with another key is warned about. */
  pinnedPublicKey: string;
  log: (message: string) => void;
  warn: (message: string) => void;
}

function bundle(kind: Bundle['kind']): Bundle {
  const found = bundles.find((candidate) => candidate.kind === kind);
  if (found === undefined) throw new Error(`release-format.ts names no ${kind} bundle`);
  return found;
}

async function writeBundle(distDir: string, file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(path.join(distDir, file)), { recursive: true });
  await writeFile(path.join(distDir, file), bytes);
}

export async function writeRelease(distDir: string, options: WriteReleaseOptions): Promise<{ cid: string }> {
  const { canonicalOrigin, secretKeyPath, revision, log, warn } = options;
  if (secretKeyPath) {
    if (revision === undefined) {
      throw new Error(
        'a signed release needs a date, and this build has none: build from a clone of the repository, ' +
          'from a `git archive` of it, or set SOURCE_DATE_EPOCH',
      );
    }
    assertReleaseIdentity(options.identity);
  }
  const sign = {
    canonicalOrigin,
    secretKeyPath,
    timestamp: revision?.timestamp,
    commit: revision?.commit,
    pinnedPublicKey: options.pinnedPublicKey,
    log,
    warn,
  };
  const files = await readSiteFiles(distDir);
  const releaseDate = revision === undefined ? undefined : new Date(revision.timestamp * 1000);
  const archive = bundle('archive');

  // The bundles carry the site with its signed list at their root, so an unpacked copy verifies as it is.
  // The downloads pages they carry give the archive's size, so the list is signed and the archive packed
  // again until the size those pages give is its own.
  let contents: SiteFile[] = [];
  let packings = 0;
  let keyId: string | undefined;
  const pack = async () => {
    packings += 1;
    // Said once, below, for the packing that is kept.
    const quiet = () => undefined;
    ({ keyId } = await signRelease(distDir, {
      ...sign,
      entries: checksumEntries(files),
      log: quiet,
      warn: packings === 1 ? warn : quiet,
    }));
    const signed: SiteFile[] = [];
    for (const name of secretKeyPath ? [checksumsFile, signatureFile] : [checksumsFile]) {
      signed.push({ path: name, bytes: await readFile(path.join(distDir, name)) });
    }
    contents = [...files, ...signed].sort((a, b) => compareBytewise(a.path, b.path));
    return siteArchive(contents, releaseDate);
  };
  const sizedPages = files.filter((file) => file.path.endsWith('.html'));
  const before = new Map(sizedPages.map((file) => [file.path, file.bytes]));
  const zip = await packWithOwnSize(files, `/${archive.path}`, pack);
  for (const file of sizedPages) {
    if (file.bytes !== before.get(file.path)) await writeFile(path.join(distDir, file.path), file.bytes);
  }
  const signedWith =
    keyId === undefined
      ? 'not signed (set MINISIGN_SECRET_KEY to the release key to sign)'
      : `signed with key ${keyId} in ${signatureFile}`;
  log(
    `${checksumsFile} lists ${files.length} files; ${signedWith}; the archive packed ${packings} times to give its own size`,
  );
  await writeBundle(distDir, archive.path, zip);
  await signBundle(distDir, archive, sign);
  log(`site archive written: ${archive.path} (${zip.length} bytes)`);

  const carBundle = bundle('car');
  const car = await siteCar(contents);
  await writeBundle(distDir, carBundle.path, car.bytes);
  await signBundle(distDir, carBundle, sign);
  log(`IPFS CAR written: ${carBundle.path} (${car.bytes.length} bytes), root CID ${car.cid}`);
  return { cid: car.cid };
}
