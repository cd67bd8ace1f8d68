/**
 * Points a mirror's link previews at the mirror: in a copy of the release,
 * replaces the canonical origin by the mirror's public address in the pages,
 * feeds, sitemap.xml and robots.txt, and records the address in MIRROR_ORIGIN
 * so that `verify` can undo the replacement and still check every file
 * against the signed SHA-256 (see site-address.ts for what that proves).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseChecksums, sha256Hex } from './checksums.ts';
import { parseMinisig } from './minisign.ts';
import { checksumsFile, mirrorOriginFile, parseTrustedComment, signatureFile } from './release-format.ts';
import {
  mayNameSiteAddress,
  parseMirrorOriginFile,
  parseSiteAddress,
  replaceAddress,
  withTrailingSlash,
} from './site-address.ts';

export interface RewriteSummary {
  canonicalOrigin: string;
  mirrorOrigin: string;
  /** The files that now name the mirror's address. */
  rewritten: string[];
}

async function readCurrentAddress(folder: string): Promise<string | undefined> {
  try {
    return parseMirrorOriginFile(await readFile(path.join(folder, mirrorOriginFile), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Rewrites the copy in `folder` for `mirrorAddress`. It starts from the signed
 * files each time, so it can be run again with another address; run with the
 * canonical origin, it restores the release exactly. The canonical origin is
 * read from the signature's trusted comment, which this does not check: run
 * `npm run verify` on the copy before and after.
 */
export async function rewriteOrigin(folder: string, mirrorAddress: string): Promise<RewriteSummary> {
  const mirrorOrigin = parseSiteAddress(withTrailingSlash(mirrorAddress), 'the mirror address');
  const minisig = parseMinisig(await readFile(path.join(folder, signatureFile), 'utf8'));
  const canonicalOrigin = parseTrustedComment(minisig.trustedComment).origin;
  const currentOrigin = (await readCurrentAddress(folder)) ?? canonicalOrigin;
  const entries = parseChecksums(await readFile(path.join(folder, checksumsFile), 'utf8'));

  // Check every file before writing any, so a refusal leaves the copy as it was.
  const changes: { file: string; bytes: Buffer }[] = [];
  const rewritten: string[] = [];
  for (const entry of entries.filter((candidate) => mayNameSiteAddress(candidate.path))) {
    const file = path.join(folder, entry.path);
    const current = await readFile(file);
    const signed = replaceAddress(current, currentOrigin, canonicalOrigin);
    if (sha256Hex(signed) !== entry.sha256) {
      throw new Error(
        `${entry.path} differs from the signed release; start again from a copy that npm run verify passes`,
      );
    }
    const next = replaceAddress(signed, canonicalOrigin, mirrorOrigin);
    if (!replaceAddress(next, mirrorOrigin, canonicalOrigin).equals(signed)) {
      throw new Error(`${entry.path} already contains ${mirrorOrigin}, so verify could not undo the rewrite`);
    }
    if (!next.equals(current)) changes.push({ file, bytes: next });
    if (!next.equals(signed)) rewritten.push(entry.path);
  }

  for (const { file, bytes } of changes) await writeFile(file, bytes);
  const mirrorOriginPath = path.join(folder, mirrorOriginFile);
  if (mirrorOrigin === canonicalOrigin) await rm(mirrorOriginPath, { force: true });
  else await writeFile(mirrorOriginPath, `${mirrorOrigin}\n`);
  return { canonicalOrigin, mirrorOrigin, rewritten };
}
