/**
 * The last step of a build, run by the build script after `astro build` and
 * every check have passed, in a process that never loaded any content: the
 * list of files, the archive that carries the site with its own signed list,
 * and the signed list of everything.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { paths } from '../../src/lib/routes.ts';
import { siteArchive } from '../build/take-away.ts';
import type { ReleaseRevision } from '../build/release-revision.ts';
import { checksumEntries, compareBytewise, readSiteFiles, sha256Hex, type SiteFile } from './checksums.ts';
import { releaseFiles } from './release-format.ts';
import { signRelease } from './sign.ts';

export interface WriteReleaseOptions {
  canonicalOrigin: string;
  secretKeyPath: string | undefined;
  revision: ReleaseRevision | undefined;
  log: (message: string) => void;
}

/** SHA256SUMS, its signature and the hosts' files, as far as the build wrote them. */
async function presentReleaseFiles(distDir: string): Promise<SiteFile[]> {
  const present: SiteFile[] = [];
  for (const name of releaseFiles) {
    if (existsSync(path.join(distDir, name)))
      present.push({ path: name, bytes: await readFile(path.join(distDir, name)) });
  }
  return present;
}

export async function writeRelease(distDir: string, options: WriteReleaseOptions): Promise<void> {
  const { canonicalOrigin, secretKeyPath, revision, log } = options;
  if (secretKeyPath && revision === undefined) {
    throw new Error(
      'a signed release needs a date, and this build has none: build from a clone of the repository, ' +
        'from a `git archive` of it, or set SOURCE_DATE_EPOCH',
    );
  }
  const sign = { canonicalOrigin, secretKeyPath, timestamp: revision?.timestamp, log };
  const archivePath = paths.siteArchive().slice(1);
  const files = (await readSiteFiles(distDir)).filter((file) => file.path !== archivePath);
  const entries = checksumEntries(files);

  // The archive's own signed list, which travels inside it, so that an unzipped copy verifies too.
  await signRelease(distDir, { ...sign, entries });
  const releaseDate = revision === undefined ? undefined : new Date(revision.timestamp * 1000);
  const archive = siteArchive(
    [...files, ...(await presentReleaseFiles(distDir))].sort((a, b) => compareBytewise(a.path, b.path)),
    releaseDate,
  );
  await mkdir(path.dirname(path.join(distDir, archivePath)), { recursive: true });
  await writeFile(path.join(distDir, archivePath), archive);
  log(`site archive written: ${archivePath} (${archive.length} bytes)`);

  await signRelease(distDir, { ...sign, entries: [...entries, { path: archivePath, sha256: sha256Hex(archive) }] });
}
