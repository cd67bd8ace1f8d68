/**
 * Points a mirror's link previews, share links and QR codes at the mirror: in
 * a copy of the release, puts the mirror's public address in place of the
 * canonical origin in the pages, feeds, sitemap.xml and robots.txt, and
 * records it in MIRROR_ORIGIN so that `verify` can undo the change and still
 * check every file against the signed SHA-256 (see mirror-origin.ts for what
 * that proves).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseChecksums, sha256Hex } from '../release/checksums.ts';
import { parseMinisig } from '../release/minisign.ts';
import {
  formatMirrorOriginFile,
  mayNameSiteAddress,
  parseMirrorOriginFile,
  pointAtMirror,
  restoreRelease,
  type MirrorOrigin,
} from './mirror-origin.ts';
import { checksumsFile, mirrorOriginFile, parseTrustedComment, signatureFile } from '../release/release-format.ts';
import { parseSiteAddress, withTrailingSlash } from '../release/site-address.ts';

export interface RewriteSummary {
  canonicalOrigin: string;
  mirrorOrigin: string;
  /** The files that now name the mirror's address. */
  rewritten: string[];
}

/** A file of the release at the copy's root; when it is not there, an error that says so and `whenMissing`. */
async function readReleaseFile(folder: string, name: string, whenMissing: string): Promise<string> {
  try {
    return await readFile(path.join(folder, name), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new Error(`${folder} has no ${name}: ${whenMissing}`, { cause: error });
    throw error;
  }
}

async function readCurrentOrigin(folder: string): Promise<MirrorOrigin | undefined> {
  try {
    return parseMirrorOriginFile(await readFile(path.join(folder, mirrorOriginFile), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Rewrites the copy in `folder` for `mirrorAddress`, which may be any plain
 * http(s) address, including one the site itself names. It starts from the
 * signed files each time, so it can be run again with another address; run
 * with the canonical origin, it restores the release exactly. The canonical
 * origin is read from the signature's trusted comment, which this does not
 * check: run `verify` on the copy before and after.
 */
export async function rewriteOrigin(folder: string, mirrorAddress: string): Promise<RewriteSummary> {
  const mirrorOrigin = parseSiteAddress(withTrailingSlash(mirrorAddress), 'the mirror address');
  const checksums = await readReleaseFile(
    folder,
    checksumsFile,
    'it is not a copy of the release, or not the folder of its root',
  );
  const signature = await readReleaseFile(
    folder,
    signatureFile,
    'the copy is not signed, so it is no release to put online: get the signed release from the main address',
  );
  let canonicalOrigin;
  try {
    canonicalOrigin = parseTrustedComment(parseMinisig(signature).trustedComment).origin;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${path.join(folder, signatureFile)} is not the release's signature (${reason})`, { cause: error });
  }
  const current = await readCurrentOrigin(folder);
  const entries = parseChecksums(checksums);

  // Check every file before writing any, so a refusal leaves the copy as it was.
  const changes: { file: string; bytes: Buffer }[] = [];
  const rewritten: string[] = [];
  const kept = new Map<string, number[]>();
  for (const entry of entries.filter((candidate) => mayNameSiteAddress(candidate.path))) {
    const file = path.join(folder, entry.path);
    const served = await readFile(file).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      throw new Error(`${entry.path} is missing; start again from a copy that verify passes`, { cause: error });
    });
    const signed = current === undefined ? served : await restoreRelease(served, entry.path, canonicalOrigin, current);
    if (sha256Hex(signed) !== entry.sha256) {
      throw new Error(`${entry.path} differs from the signed release; start again from a copy that verify passes`);
    }
    const next =
      mirrorOrigin === canonicalOrigin
        ? { bytes: signed, kept: [] }
        : await pointAtMirror(signed, entry.path, canonicalOrigin, mirrorOrigin);
    if (!next.bytes.equals(served)) changes.push({ file, bytes: next.bytes });
    if (!next.bytes.equals(signed)) rewritten.push(entry.path);
    if (next.kept.length > 0) kept.set(entry.path, next.kept);
  }

  for (const { file, bytes } of changes) await writeFile(file, bytes);
  const mirrorOriginPath = path.join(folder, mirrorOriginFile);
  if (mirrorOrigin === canonicalOrigin) await rm(mirrorOriginPath, { force: true });
  else await writeFile(mirrorOriginPath, formatMirrorOriginFile({ address: mirrorOrigin, kept }));
  return { canonicalOrigin, mirrorOrigin, rewritten };
}
