/**
 * The steps of verify.ts's check that every copy goes through, a folder or a
 * web mirror: the signature of SHA256SUMS, every file it lists, what else a
 * folder holds, the signed site archive and CAR, and the latest release. The
 * steps only a web mirror goes through are in verify-web-steps.ts; both keep
 * to the limits here, so that a hostile copy cannot exhaust memory.
 */
import path from 'node:path';
import { parseChecksums, sha256Hex, type ChecksumEntry } from '../release/checksums.ts';
import {
  keyIdHex,
  parseMinisig,
  verifyMinisig,
  verifyTrustedComment,
  type Minisig,
  type PublicKey,
} from '../release/minisign.ts';
import {
  bundles,
  checksumsFile,
  describeRelease,
  expectStatement,
  hostFiles,
  mirrorOriginFile,
  parseTrustedComment,
  releaseFiles,
  signatureFile,
  signatureOf,
  type Bundle,
  type ReleaseStatement,
} from '../release/release-format.ts';
import { mayNameSiteAddress, parseMirrorOriginFile, restoreRelease, type MirrorOrigin } from './mirror-origin.ts';
import {
  HttpMirror,
  openMirror,
  OutOfTime,
  type FolderMirror,
  type MirrorSource,
  type ReadResult,
} from './mirror-source.ts';
import { VerdictError, type VerdictName } from './verdicts.ts';

/** The signing key, as minisign prints it, and what the signature states. */
export interface SignedRelease {
  keyId: string;
  statement: ReleaseStatement;
}

export interface BundleCheck {
  path: string;
  kind: Bundle['kind'];
  outcome: 'genuine' | 'absent' | 'altered' | 'unsigned' | 'unreadable' | 'other release';
  detail?: string | undefined;
  /** The CAR's root CID, from its signature. */
  cid?: string | undefined;
}

/** The latest release, as the signature of the copy at `from` states it, or why that could not be learnt. */
export interface LatestRelease {
  from: string;
  statement?: ReleaseStatement | undefined;
  problem?: string | undefined;
}

/** A listed file the copy served, with the headers a web mirror sent with it. */
export type ServedFile = ReadResult & { status: 'found' };

/** Generous for a site of a few hundred small pages, small enough that a hostile mirror cannot exhaust memory. */
export const maxBytes = {
  checksums: 4 * 1024 * 1024,
  signature: 16 * 1024,
  mirrorOrigin: 64 * 1024,
  siteFile: 64 * 1024 * 1024,
};
export const maxLinkChecks = 500;
/** Parallel requests: a few hide latency without hammering a volunteer's server. */
export const concurrency = 4;

/** Runs `work` on every item, at most `limit` at a time, keeping the items' order. */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  const queue = items.entries();
  const worker = async () => {
    for (const [index, item] of queue) results[index] = await work(item);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function readReleaseFile(source: MirrorSource, name: string, limit: number): Promise<Buffer | undefined> {
  const result = await source.read(name, limit);
  if (result.status === 'found') return result.bytes;
  if (result.status === 'missing') return undefined;
  throw new VerdictError('unreachable', `cannot read ${name} from ${source.location}: ${result.reason}`);
}

function utf8(bytes: Buffer, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new VerdictError('tampered', `${name} is not UTF-8 text`);
  }
}

/** What `work` returns; what it throws, as a check that reached the verdict `name`, unless it already is one. */
function asVerdict<T>(name: VerdictName, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof VerdictError) throw error;
    throw new VerdictError(name, error instanceof Error ? error.message : String(error), { cause: error });
  }
}

/**
 * The release's signature in `text` (a copy's SHA256SUMS.minisig, as `name` says), checked with `check` against
 * the pinned key: throws the verdict it reaches for a signature that is no signature (tampered, or a server that
 * answers every address with a page), one by another key, or one that does not match.
 */
function checkedSignature(text: string, name: string, publicKey: PublicKey, check: (text: string) => Minisig): Minisig {
  let keyId;
  try {
    keyId = parseMinisig(text).keyId;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new VerdictError('tampered', `${name} is not a minisign signature (${reason})`, { cause: error });
  }
  if (!keyId.equals(publicKey.keyId)) {
    throw new VerdictError(
      'other key',
      `${name} was made with key ${keyIdHex(keyId)}, not with the release key ${keyIdHex(publicKey.keyId)}`,
    );
  }
  try {
    return check(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new VerdictError('tampered', `${name} is by the release key, but does not match: ${reason}`, {
      cause: error,
    });
  }
}

/**
 * The copy's SHA256SUMS, checked against the pinned key when the copy signs it, and who signed it; undefined
 * for an unsigned copy, whose files are then compared with its own list only. Throws, with the verdict, for a
 * copy that has no list, or whose signature is not the release key's.
 */
export async function checkSignature(
  source: MirrorSource,
  publicKey: PublicKey,
): Promise<{ entries: ChecksumEntry[]; signature: SignedRelease | undefined }> {
  const checksums = await readReleaseFile(source, checksumsFile, maxBytes.checksums);
  if (checksums === undefined) {
    throw new VerdictError(
      'unreachable',
      `${source.location} has no ${checksumsFile}: it is not a copy of the release, or not the folder or address of its root`,
    );
  }
  const signatureBytes = await readReleaseFile(source, signatureFile, maxBytes.signature);
  let signature: SignedRelease | undefined;
  if (signatureBytes !== undefined) {
    const minisig = checkedSignature(utf8(signatureBytes, signatureFile), signatureFile, publicKey, (text) =>
      verifyMinisig(checksums, text, publicKey),
    );
    // From here on, SHA256SUMS and the trusted comment are the release's own words.
    const statement = asVerdict('tampered', () => {
      const stated = parseTrustedComment(minisig.trustedComment);
      expectStatement(stated, 'site', checksumsFile, `the copy's root (${signatureFile})`);
      return stated;
    });
    signature = { keyId: keyIdHex(minisig.keyId), statement };
  }
  const entries = asVerdict('tampered', () => parseChecksums(utf8(checksums, checksumsFile)));
  return { entries, signature };
}

/** The address a copy rewritten for its link previews names instead of the release's, from its MIRROR_ORIGIN. */
export async function readMirrorOrigin(source: MirrorSource): Promise<MirrorOrigin | undefined> {
  const bytes = await readReleaseFile(source, mirrorOriginFile, maxBytes.mirrorOrigin);
  return bytes === undefined ? undefined : parseMirrorOriginFile(utf8(bytes, mirrorOriginFile));
}

async function checkFile(
  entry: ChecksumEntry,
  bytes: Buffer,
  canonical: string | undefined,
  mirror: MirrorOrigin | undefined,
): Promise<'genuine' | 'rewritten' | 'altered'> {
  if (sha256Hex(bytes) === entry.sha256) return 'genuine';
  if (canonical === undefined || mirror === undefined || !mayNameSiteAddress(entry.path)) return 'altered';
  const restored = await restoreRelease(bytes, entry.path, canonical, mirror);
  return sha256Hex(restored) === entry.sha256 ? 'rewritten' : 'altered';
}

/** A listed file as a browser gets it: on the web, no redirect may take it away from its own address. */
async function readListed(source: FolderMirror | HttpMirror, sitePath: string): Promise<ReadResult> {
  if (!(source instanceof HttpMirror)) return source.read(sitePath, maxBytes.siteFile);
  const result = await source.readAt(source.urlOf(sitePath), maxBytes.siteFile);
  if (result.status !== 'redirected') return result;
  return { status: 'unreadable', reason: `redirected to ${result.to}, away from its own address` };
}

type Outcome = 'genuine' | 'rewritten' | 'altered' | 'missing' | 'not served' | { unreadable: string };

/** What the copy made of the files SHA256SUMS lists, each list in the order of SHA256SUMS. */
export interface ListedFiles {
  /** Files that differ from the release only by naming the mirror's address (see mirror-origin.ts). */
  rewritten: string[];
  altered: string[];
  missing: string[];
  unreadable: { path: string; reason: string }[];
  /** Listed files a web mirror does not serve because its host applies them (`_headers`). */
  notServed: string[];
  /** Every listed file the copy served, by path, for the web mirror's steps that follow. */
  served: ReadonlyMap<string, ServedFile>;
  /** The HTML pages among them, whose links lead to what else a web mirror serves. */
  pages: { path: string; bytes: Buffer }[];
}

/**
 * Every file SHA256SUMS lists, checked against its SHA-256, or against it once the address a rewritten copy
 * names (`mirror`) is restored to the release's own (`canonical`, from the signature).
 */
export async function checkListedFiles(
  source: FolderMirror | HttpMirror,
  entries: readonly ChecksumEntry[],
  canonical: string | undefined,
  mirror: MirrorOrigin | undefined,
): Promise<ListedFiles> {
  const onWeb = source instanceof HttpMirror;
  const pages: ListedFiles['pages'] = [];
  const served = new Map<string, ServedFile>();
  const outcomes = await mapConcurrently(entries, concurrency, async (entry): Promise<Outcome> => {
    const result = await readListed(source, entry.path);
    if (result.status === 'missing') return onWeb && hostFiles.has(entry.path) ? 'not served' : 'missing';
    if (result.status === 'unreadable') return { unreadable: result.reason };
    served.set(entry.path, result);
    if (entry.path.endsWith('.html')) pages.push({ path: entry.path, bytes: result.bytes });
    return checkFile(entry, result.bytes, canonical, mirror);
  });
  const pathsWith = (outcome: Outcome) => entries.filter((_, index) => outcomes[index] === outcome).map((e) => e.path);
  return {
    rewritten: pathsWith('rewritten'),
    altered: pathsWith('altered'),
    missing: pathsWith('missing'),
    unreadable: entries.flatMap((entry, index) => {
      const outcome = outcomes[index];
      return typeof outcome === 'object' ? [{ path: entry.path, reason: outcome.unreadable }] : [];
    }),
    notServed: pathsWith('not served'),
    served,
    pages,
  };
}

/** Files in the folder that SHA256SUMS does not list. */
export async function unlistedFiles(source: FolderMirror, listed: ReadonlySet<string>): Promise<string[]> {
  return (await source.list()).filter((file) => !listed.has(file) && !releaseFiles.has(file));
}

async function checkBundle(
  source: MirrorSource,
  bundle: Bundle,
  release: ReleaseStatement,
  publicKey: PublicKey,
): Promise<BundleCheck> {
  const result = { path: bundle.path, kind: bundle.kind };
  const read = await source.read(bundle.path, maxBytes.siteFile);
  if (read.status === 'missing') return { ...result, outcome: 'absent' };
  if (read.status === 'unreadable') return { ...result, outcome: 'unreadable', detail: read.reason };
  const signature = await source.read(signatureOf(bundle.path), maxBytes.signature);
  if (signature.status !== 'found') {
    return { ...result, outcome: 'unsigned', detail: `${signatureOf(bundle.path)} is missing or unreadable` };
  }
  let statement;
  try {
    const minisig = verifyMinisig(read.bytes, utf8(signature.bytes, signatureOf(bundle.path)), publicKey);
    statement = parseTrustedComment(minisig.trustedComment);
    expectStatement(statement, bundle.kind, bundle.path.split('/').at(-1) ?? '', signatureOf(bundle.path));
  } catch (error) {
    return { ...result, outcome: 'altered', detail: error instanceof Error ? error.message : String(error) };
  }
  if (
    statement.commit !== release.commit ||
    statement.timestamp !== release.timestamp ||
    statement.origin !== release.origin
  ) {
    return { ...result, outcome: 'other release', detail: `signed for ${describeRelease(statement)}` };
  }
  return { ...result, outcome: 'genuine', cid: statement.cid };
}

/** The site archive and the CAR, each against its own signature, which must be for the copy's `release`. */
export function checkBundles(
  source: MirrorSource,
  release: ReleaseStatement,
  publicKey: PublicKey,
): Promise<BundleCheck[]> {
  return mapConcurrently(bundles, concurrency, (bundle) => checkBundle(source, bundle, release, publicKey));
}

/**
 * The latest release, from the signature of the copy at `from` (the main site, usually) alone. That copy
 * failing to answer is a note in the report, not a failure of the copy checked; running out of time still ends
 * the check.
 */
export async function learnLatest(
  from: string,
  publicKey: PublicKey,
  timeoutMs: number,
  deadline: AbortSignal,
): Promise<LatestRelease> {
  try {
    const source = await openMirror(from, timeoutMs, deadline);
    const bytes = await readReleaseFile(source, signatureFile, maxBytes.signature);
    if (bytes === undefined) {
      return { from: source.location, problem: `it has no ${signatureFile}: it is not a signed release` };
    }
    const where =
      source instanceof HttpMirror ? source.urlOf(signatureFile).href : path.join(source.location, signatureFile);
    const minisig = checkedSignature(utf8(bytes, signatureFile), where, publicKey, (text) =>
      verifyTrustedComment(text, publicKey),
    );
    const statement = parseTrustedComment(minisig.trustedComment);
    expectStatement(statement, 'site', checksumsFile, where);
    return { from: source.location, statement };
  } catch (error) {
    if (error instanceof OutOfTime) throw error;
    return { from, problem: error instanceof Error ? error.message : String(error) };
  }
}
