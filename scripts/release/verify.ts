/**
 * Checks that a copy of the site — a web mirror under any path prefix, or a
 * folder — is exactly the signed release. Everything the copy serves is
 * untrusted until proven: the signature of SHA256SUMS is checked against the
 * pinned key first, then every listed file against its SHA-256, then the copy
 * is searched for files the release does not have.
 */
import { compareBytewise, parseChecksums, sha256Hex, type ChecksumEntry } from './checksums.ts';
import { linkedUrls } from './links.ts';
import { keyIdHex, verifyMinisig, type PublicKey } from './minisign.ts';
import { HttpMirror, openMirror, type FolderMirror, type MirrorSource } from './mirror-source.ts';
import { checksumsFile, mirrorOriginFile, parseTrustedComment, releaseFiles, signatureFile } from './release-format.ts';
import { mayNameSiteAddress, parseMirrorOriginFile, replaceAddress } from './site-address.ts';

export interface VerifyOptions {
  /** The key the release must be signed with: the project's pinned release/minisign.pub. */
  publicKey: PublicKey;
  /** How long one web request may take. */
  timeoutMs?: number;
}

export interface VerifyReport {
  location: string;
  /** The signing key, as minisign prints it. */
  keyId: string;
  signedAt: Date;
  /** The address the release was built for, from its signature. */
  canonicalOrigin: string;
  /** The address the copy's link previews name instead, from MIRROR_ORIGIN. */
  mirrorOrigin: string | undefined;
  /** How many files SHA256SUMS lists. */
  listed: number;
  /** Files that differ from the release only by naming the mirror's address (see site-address.ts). */
  rewritten: string[];
  altered: string[];
  missing: string[];
  unreadable: { path: string; reason: string }[];
  unexpected: string[];
  /** Links into a web mirror beyond `maxLinkChecks` that were not followed. */
  uncheckedLinks: number;
}

/** Generous for a site of a few hundred small pages, small enough that a hostile mirror cannot exhaust memory. */
const maxBytes = {
  checksums: 4 * 1024 * 1024,
  signature: 16 * 1024,
  mirrorOrigin: 1024,
  siteFile: 64 * 1024 * 1024,
};
const maxLinkChecks = 500;
/** Parallel requests: a few hide latency without hammering a volunteer's server. */
const concurrency = 4;
const defaultTimeoutMs = 60_000;

type Outcome = 'genuine' | 'rewritten' | 'altered' | 'missing' | { unreadable: string };

/** Runs `work` on every item, at most `limit` at a time, keeping the items' order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
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
  throw new Error(`cannot read ${name} from ${source.location}: ${result.reason}`);
}

async function requireReleaseFile(source: MirrorSource, name: string, limit: number): Promise<Buffer> {
  const bytes = await readReleaseFile(source, name, limit);
  if (bytes === undefined) throw new Error(`${source.location} has no ${name}, so it cannot be checked`);
  return bytes;
}

function utf8(bytes: Buffer, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${name} is not UTF-8 text`);
  }
}

function checkFile(
  entry: ChecksumEntry,
  bytes: Buffer,
  origins: { canonical: string; mirror: string | undefined },
): 'genuine' | 'rewritten' | 'altered' {
  if (sha256Hex(bytes) === entry.sha256) return 'genuine';
  if (origins.mirror === undefined || !mayNameSiteAddress(entry.path)) return 'altered';
  return sha256Hex(replaceAddress(bytes, origins.mirror, origins.canonical)) === entry.sha256 ? 'rewritten' : 'altered';
}

/** Files in the folder that SHA256SUMS does not list. */
async function unlistedFiles(source: FolderMirror, listed: ReadonlySet<string>): Promise<string[]> {
  return (await source.list()).filter((file) => !listed.has(file) && !releaseFiles.has(file));
}

/**
 * Files a web mirror serves that SHA256SUMS does not list, found by following
 * the links of the listed pages: a web server lists no folders.
 */
async function unlistedLinkTargets(
  source: HttpMirror,
  listed: ReadonlySet<string>,
  pages: readonly { path: string; bytes: Buffer }[],
): Promise<{ unexpected: string[]; unchecked: number }> {
  const isListed = (file: string) =>
    listed.has(file) || releaseFiles.has(file) || listed.has(`${file}/index.html`) || listed.has(`${file}.html`);
  const candidates = new Map<string, URL>();
  for (const page of pages) {
    for (const url of linkedUrls(page.bytes.toString('utf8'), source.urlOf(page.path))) {
      const sitePath = source.sitePathOf(url);
      if (sitePath === undefined) continue;
      const file = sitePath === '' || sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath;
      if (isListed(file) || candidates.has(file)) continue;
      url.search = '';
      url.hash = '';
      candidates.set(file, url);
    }
  }
  const toCheck = [...candidates].slice(0, maxLinkChecks);
  const served = await mapConcurrently(toCheck, concurrency, async ([file, url]) =>
    (await source.readUrl(url, maxBytes.siteFile)).status === 'found' ? [file] : [],
  );
  return { unexpected: served.flat(), unchecked: candidates.size - toCheck.length };
}

export async function verifyMirror(location: string, options: VerifyOptions): Promise<VerifyReport> {
  const source = await openMirror(location, options.timeoutMs ?? defaultTimeoutMs);
  const checksums = await requireReleaseFile(source, checksumsFile, maxBytes.checksums);
  const signature = await requireReleaseFile(source, signatureFile, maxBytes.signature);
  let minisig;
  try {
    minisig = verifyMinisig(checksums, utf8(signature, signatureFile), options.publicKey);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${checksumsFile} is not signed by the release key: ${reason}`, { cause: error });
  }
  // From here on, SHA256SUMS and the trusted comment are the release's own words.
  const statement = parseTrustedComment(minisig.trustedComment);
  const entries = parseChecksums(utf8(checksums, checksumsFile));
  const mirrorOriginBytes = await readReleaseFile(source, mirrorOriginFile, maxBytes.mirrorOrigin);
  const mirrorOrigin =
    mirrorOriginBytes === undefined ? undefined : parseMirrorOriginFile(utf8(mirrorOriginBytes, mirrorOriginFile));
  const origins = { canonical: statement.origin, mirror: mirrorOrigin };

  const pages: { path: string; bytes: Buffer }[] = [];
  const outcomes = await mapConcurrently(entries, concurrency, async (entry): Promise<Outcome> => {
    const result = await source.read(entry.path, maxBytes.siteFile);
    if (result.status === 'missing') return 'missing';
    if (result.status === 'unreadable') return { unreadable: result.reason };
    if (entry.path.endsWith('.html')) pages.push({ path: entry.path, bytes: result.bytes });
    return checkFile(entry, result.bytes, origins);
  });

  const listed = new Set(entries.map((entry) => entry.path));
  const { unexpected, unchecked } =
    source instanceof HttpMirror
      ? await unlistedLinkTargets(source, listed, pages)
      : { unexpected: await unlistedFiles(source, listed), unchecked: 0 };
  const pathsWith = (outcome: Outcome) => entries.filter((_, index) => outcomes[index] === outcome).map((e) => e.path);
  return {
    location: source.location,
    keyId: keyIdHex(minisig.keyId),
    signedAt: new Date(statement.timestamp * 1000),
    canonicalOrigin: statement.origin,
    mirrorOrigin,
    listed: entries.length,
    rewritten: pathsWith('rewritten'),
    altered: pathsWith('altered'),
    missing: pathsWith('missing'),
    unreadable: entries.flatMap((entry, index) => {
      const outcome = outcomes[index];
      return typeof outcome === 'object' ? [{ path: entry.path, reason: outcome.unreadable }] : [];
    }),
    unexpected: unexpected.sort(compareBytewise),
    uncheckedLinks: unchecked,
  };
}

export function isExactCopy(report: VerifyReport): boolean {
  return (
    report.altered.length + report.missing.length + report.unreadable.length + report.unexpected.length === 0 &&
    report.uncheckedLinks === 0
  );
}

/** Paths come from the copy: escape anything that could rewrite the reader's terminal. */
function shown(text: string): string {
  return /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(text) ? JSON.stringify(text) : text;
}

export function formatReport(report: VerifyReport): string {
  const lines = [
    `Checked ${shown(report.location)}`,
    `Signature: good, by key ${report.keyId} on ${report.signedAt.toISOString()}, for ${report.canonicalOrigin}`,
  ];
  if (report.mirrorOrigin !== undefined) {
    lines.push(
      `${mirrorOriginFile}: this copy's link previews and canonical links name ${report.mirrorOrigin} instead of ${report.canonicalOrigin}`,
    );
    if (/^https?:/.test(report.location) && report.location !== report.mirrorOrigin) {
      lines.push(`  note: that is not the address checked (${shown(report.location)})`);
    }
  }
  lines.push(
    ...report.rewritten.map((file) => `  rewritten for link previews: ${file}`),
    ...report.altered.map((file) => `  ALTERED: ${file}`),
    ...report.missing.map((file) => `  MISSING: ${file}`),
    ...report.unreadable.map(({ path, reason }) => `  UNREADABLE: ${path} (${shown(reason)})`),
    ...report.unexpected.map((file) => `  UNEXPECTED: ${shown(file)}`),
  );
  if (report.uncheckedLinks > 0) {
    lines.push(`  NOT CHECKED: ${report.uncheckedLinks} more links into the copy (over ${maxLinkChecks})`);
  }
  lines.push(summaryLine(report));
  return lines.join('\n');
}

function summaryLine(report: VerifyReport): string {
  if (isExactCopy(report)) {
    const rewritten = report.rewritten.length > 0 ? ` (${report.rewritten.length} rewritten for link previews)` : '';
    return `OK: all ${report.listed} files match the signed release${rewritten}.`;
  }
  const counts = [
    [report.altered.length, 'altered'],
    [report.missing.length, 'missing'],
    [report.unexpected.length, 'unexpected'],
    [report.unreadable.length, 'unreadable'],
    [report.uncheckedLinks, 'links not checked'],
  ] as const;
  const differences = counts.filter(([count]) => count > 0).map(([count, what]) => `${count} ${what}`);
  return `FAILED: ${differences.join(', ')} (of ${report.listed} listed files): this copy is not the signed release.`;
}
