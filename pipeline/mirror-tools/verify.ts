/**
 * Checks that a copy of the site — a web mirror under any path prefix, or a
 * folder — is exactly the signed release. Everything the copy serves is
 * untrusted until proven: the signature of SHA256SUMS is checked against the
 * pinned key first, then every listed file against its SHA-256, then the copy
 * is searched for files the release does not have; the site archive and the
 * CAR, when the copy carries them, against their own signatures; and, on the
 * web, the headers the server sent against the signed `_headers`.
 *
 * On the web it sees only what the server sends to it: a server can send
 * other readers something else.
 */
import { randomInt } from 'node:crypto';
import { paths } from '../../src/lib/routes.ts';
import { headersFile, hostHeadersFile } from '../after-render/security-headers.ts';
import { compareBytewise, parseChecksums, sha256Hex, type ChecksumEntry } from '../release/checksums.ts';
import {
  compareHeaders,
  failsCheck,
  headersForPath,
  parseHeadersFile,
  type HeaderDifference,
  type HeaderRule,
} from './host-headers.ts';
import { linkedUrls } from './links.ts';
import { keyIdHex, verifyMinisig, verifyTrustedComment, type PublicKey } from '../release/minisign.ts';
import { mayNameSiteAddress, parseMirrorOriginFile, restoreRelease, type MirrorOrigin } from './mirror-origin.ts';
import {
  HttpMirror,
  openMirror,
  OutOfTime,
  type FolderMirror,
  type MirrorSource,
  type ReadAtResult,
  type ReadResult,
} from './mirror-source.ts';
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

export interface VerifyOptions {
  /** The key the release must be signed with: the project's pinned release/minisign.pub. */
  publicKey: PublicKey;
  /** How long one web request may take. */
  timeoutMs?: number | undefined;
  /** How long the whole check may take. */
  timeLimitMs?: number | undefined;
  /** A copy whose release was made before this moment fails. */
  notOlderThan?: Date | undefined;
  /** A copy (the main site, usually) whose signature says which release is the latest. */
  latestFrom?: string | undefined;
}

export interface BundleCheck {
  path: string;
  kind: Bundle['kind'];
  outcome: 'genuine' | 'absent' | 'altered' | 'unsigned' | 'unreadable' | 'other release';
  detail?: string | undefined;
  /** The CAR's root CID, from its signature. */
  cid?: string | undefined;
}

export interface HeaderFinding {
  difference: HeaderDifference;
  /** How many files were served with it, and the first of them. */
  files: number;
  example: string;
}

export interface VerifyReport {
  location: string;
  /** The signing key, as minisign prints it, and what the signature states; undefined for an unsigned copy. */
  signature: { keyId: string; statement: ReleaseStatement } | undefined;
  /** The address the copy's link previews name instead, from MIRROR_ORIGIN. */
  mirrorOrigin: string | undefined;
  /** How many files SHA256SUMS lists. */
  listed: number;
  /** Files that differ from the release only by naming the mirror's address (see mirror-origin.ts). */
  rewritten: string[];
  altered: string[];
  missing: string[];
  unreadable: { path: string; reason: string }[];
  unexpected: string[];
  /** Links into a web mirror beyond `maxLinkChecks` that were not followed. */
  uncheckedLinks: number;
  /** Listed files a web mirror does not serve because its host applies them (`_headers`). */
  hostFilesNotServed: string[];
  /**
   * Folder addresses (`en/`, and the root) that a web mirror answers otherwise than their `index.html`, or
   * redirects away from, or answers otherwise when asked with a query (`en/?q=…`, as the search form and
   * messengers' links ask): every link, share link, QR code, feed and sitemap names the folder, so that is what
   * readers are sent.
   */
  folderAddresses: { address: string; problem: string }[];
  bundles: BundleCheck[];
  /** How the headers a web mirror sent differ from the signed `_headers`. */
  headers: HeaderFinding[];
  /** Why headers were not compared, on the web. */
  headersNotCompared?: string | undefined;
  latest?: { from: string; statement?: ReleaseStatement | undefined; problem?: string | undefined } | undefined;
  notOlderThan?: Date | undefined;
}

/** Generous for a site of a few hundred small pages, small enough that a hostile mirror cannot exhaust memory. */
const maxBytes = {
  checksums: 4 * 1024 * 1024,
  signature: 16 * 1024,
  mirrorOrigin: 64 * 1024,
  siteFile: 64 * 1024 * 1024,
};
const maxLinkChecks = 500;
/** Parallel requests: a few hide latency without hammering a volunteer's server. */
const concurrency = 4;
export const defaultTimeoutMs = 60_000;
export const defaultTimeLimitMs = 300_000;

type Outcome = 'genuine' | 'rewritten' | 'altered' | 'missing' | 'not served' | { unreadable: string };

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

function utf8(bytes: Buffer, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${name} is not UTF-8 text`);
  }
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

/** A folder's own address for a listed page at `…/index.html`: `en/index.html` → `en/`, `index.html` → the root. */
const folderAddressOf = (file: string): string | undefined =>
  file === 'index.html' || file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : undefined;

/**
 * A query a reader could send, as the search form does (`?q=`); new on every run, so that a mirror cannot answer
 * this one genuinely and the queries readers send with forged pages.
 */
function readerQuery(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return `?q=${Array.from({ length: 10 }, () => letters.charAt(randomInt(letters.length))).join('')}`;
}

/** A listed file as a browser gets it: on the web, no redirect may take it away from its own address. */
async function readListed(source: FolderMirror | HttpMirror, sitePath: string): Promise<ReadResult> {
  if (!(source instanceof HttpMirror)) return source.read(sitePath, maxBytes.siteFile);
  const result = await source.readAt(source.urlOf(sitePath), maxBytes.siteFile);
  if (result.status !== 'redirected') return result;
  return { status: 'unreadable', reason: `redirected to ${result.to}, away from its own address` };
}

/** Why a folder's address answered otherwise than the bytes of its `index.html`, `file`; undefined if it did not. */
function folderAnswerProblem(answer: ReadAtResult, file: string, bytes: Buffer): string | undefined {
  switch (answer.status) {
    case 'redirected':
      return `redirects to ${answer.to}, away from its own address and ${file}: a browser resolves the page's links from there, so they lead wherever the server says`;
    case 'missing':
      return `answers 404, though ${file} is served`;
    case 'unreadable':
      return answer.reason;
    case 'found':
      return answer.bytes.equals(bytes) ? undefined : `answers other bytes than ${file}`;
  }
}

/** A folder address's answer: its headers, to judge by the signed `_headers` rules for `sitePath`. */
interface FolderAnswer {
  /** The address as asked, for the report: `en/`, `en/?q=…`. */
  shown: string;
  sitePath: string;
  headers: Headers;
}

/**
 * Each folder address whose answer differs from the bytes its `index.html` was served with, asked as it is and,
 * if that answers right, with `query`: two requests a folder, at most `concurrency` at a time. With the headers
 * of every answer, which the signed `_headers` judge as they judge the files'.
 */
async function checkFolderAddresses(
  source: HttpMirror,
  served: ReadonlyMap<string, { bytes: Buffer }>,
  query: string,
): Promise<{ problems: { address: string; problem: string }[]; answers: FolderAnswer[] }> {
  const folders = [...served]
    .flatMap(([file, { bytes }]) => {
      const address = folderAddressOf(file);
      return address === undefined ? [] : [{ file, address, bytes }];
    })
    .sort((a, b) => compareBytewise(a.file, b.file));
  const answers: FolderAnswer[] = [];
  const ask = async (url: URL, address: string) => {
    const answer = await source.readAt(url, maxBytes.siteFile);
    if (answer.status === 'found' && answer.headers) {
      answers.push({ shown: `${address || './'}${url.search}`, sitePath: address, headers: answer.headers });
    }
    return answer;
  };
  const problems = await mapConcurrently(folders, concurrency, async ({ file, address, bytes }) => {
    const url = source.urlOf(address);
    const shownAddress = address === '' ? './ (the root)' : address;
    const problem = folderAnswerProblem(await ask(url, address), file, bytes);
    if (problem !== undefined) return [{ address: shownAddress, problem }];
    url.search = query;
    const withQuery = await ask(url, address);
    const queried = address === '' ? `./${query} (the root)` : `${address}${query}`;
    const plain = address === '' ? './' : address;
    const queriedProblem =
      withQuery.status === 'found' && !withQuery.bytes.equals(bytes)
        ? `answers other bytes than ${file}, though ${plain} answers those: a query (a search, a messenger's ?fbclid=…) changes nothing on a genuine copy`
        : withQuery.status === 'missing'
          ? `answers 404, though ${plain} answers ${file}`
          : folderAnswerProblem(withQuery, file, bytes);
    return queriedProblem === undefined ? [] : [{ address: queried, problem: queriedProblem }];
  });
  return { problems: problems.flat(), answers };
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

/** The signed `_headers`: the copy's own when it serves it unaltered, else the one this verifier was built with if the list names its hash. */
function signedHeaderRules(
  entries: readonly ChecksumEntry[],
  served: Buffer | undefined,
): { rules: HeaderRule[] } | { reason: string } {
  const entry = entries.find((candidate) => candidate.path === hostHeadersFile);
  if (entry === undefined) return { reason: `this release lists no ${hostHeadersFile}` };
  const known = [served, Buffer.from(headersFile())].find(
    (candidate) => candidate !== undefined && sha256Hex(candidate) === entry.sha256,
  );
  if (known === undefined) {
    return {
      reason: `the copy does not serve its ${hostHeadersFile} unaltered, and this verifier does not know the signed one`,
    };
  }
  return { rules: parseHeadersFile(known.toString('utf8')) };
}

function summariseHeaders(findings: { path: string; differences: HeaderDifference[] }[]): HeaderFinding[] {
  const byKey = new Map<string, HeaderFinding>();
  for (const { path, differences } of findings) {
    for (const difference of differences) {
      const key = `${difference.kind}\0${difference.name}\0${difference.served ?? ''}`;
      const earlier = byKey.get(key);
      if (earlier === undefined) byKey.set(key, { difference, files: 1, example: path });
      else earlier.files += 1;
    }
  }
  return [...byKey.values()];
}

async function learnLatest(
  from: string,
  publicKey: PublicKey,
  timeoutMs: number,
  deadline: AbortSignal,
): Promise<NonNullable<VerifyReport['latest']>> {
  try {
    const source = await openMirror(from, timeoutMs, deadline);
    const bytes = await readReleaseFile(source, signatureFile, maxBytes.signature);
    if (bytes === undefined) return { from: source.location, problem: `it has no ${signatureFile}` };
    const statement = parseTrustedComment(verifyTrustedComment(utf8(bytes, signatureFile), publicKey).trustedComment);
    expectStatement(statement, 'site', checksumsFile, `${source.location}${signatureFile}`);
    return { from: source.location, statement };
  } catch (error) {
    if (error instanceof OutOfTime) throw error;
    return { from, problem: error instanceof Error ? error.message : String(error) };
  }
}

async function check(location: string, options: VerifyOptions, deadline: AbortSignal): Promise<VerifyReport> {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const source = await openMirror(location, timeoutMs, deadline);
  const checksums = await readReleaseFile(source, checksumsFile, maxBytes.checksums);
  if (checksums === undefined) {
    throw new Error(
      `${source.location} has no ${checksumsFile}: it is not a copy of the release, or not the folder or address of its root`,
    );
  }
  const signatureBytes = await readReleaseFile(source, signatureFile, maxBytes.signature);
  let signature: VerifyReport['signature'];
  if (signatureBytes !== undefined) {
    let minisig;
    try {
      minisig = verifyMinisig(checksums, utf8(signatureBytes, signatureFile), options.publicKey);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`${checksumsFile} is not signed by the release key: ${reason}`, { cause: error });
    }
    // From here on, SHA256SUMS and the trusted comment are the release's own words.
    const statement = parseTrustedComment(minisig.trustedComment);
    expectStatement(statement, 'site', checksumsFile, `the copy's root (${signatureFile})`);
    signature = { keyId: keyIdHex(minisig.keyId), statement };
  }
  const canonical = signature?.statement.origin;
  const entries = parseChecksums(utf8(checksums, checksumsFile));
  const mirrorOriginBytes = await readReleaseFile(source, mirrorOriginFile, maxBytes.mirrorOrigin);
  const mirror =
    mirrorOriginBytes === undefined ? undefined : parseMirrorOriginFile(utf8(mirrorOriginBytes, mirrorOriginFile));
  const onWeb = source instanceof HttpMirror;

  const pages: { path: string; bytes: Buffer }[] = [];
  const served = new Map<string, ReadResult & { status: 'found' }>();
  const outcomes = await mapConcurrently(entries, concurrency, async (entry): Promise<Outcome> => {
    const result = await readListed(source, entry.path);
    if (result.status === 'missing') return onWeb && hostFiles.has(entry.path) ? 'not served' : 'missing';
    if (result.status === 'unreadable') return { unreadable: result.reason };
    served.set(entry.path, result);
    if (entry.path.endsWith('.html')) pages.push({ path: entry.path, bytes: result.bytes });
    return checkFile(entry, result.bytes, canonical, mirror);
  });

  const listed = new Set(entries.map((entry) => entry.path));
  const folders = onWeb ? await checkFolderAddresses(source, served, readerQuery()) : { problems: [], answers: [] };
  const { unexpected, unchecked } = onWeb
    ? await unlistedLinkTargets(source, listed, pages)
    : { unexpected: await unlistedFiles(source, listed), unchecked: 0 };

  let headers: HeaderFinding[] = [];
  let headersNotCompared: string | undefined;
  if (onWeb) {
    const signedRules = signedHeaderRules(entries, served.get(hostHeadersFile)?.bytes);
    if ('reason' in signedRules) headersNotCompared = signedRules.reason;
    else {
      const judged = (path: string, sitePath: string, sent: Headers | undefined) => ({
        path,
        differences: compareHeaders(headersForPath(signedRules.rules, `/${sitePath}`), sent ?? new Headers()),
      });
      headers = summariseHeaders([
        ...[...served].map(([path, result]) => judged(path, path, result.headers)),
        // Where readers arrive: a folder address is a page of its own to the browser, whatever its bytes.
        ...folders.answers.map(({ shown, sitePath, headers: sent }) => judged(shown, sitePath, sent)),
      ]);
    }
  }

  const bundleChecks =
    signature === undefined
      ? []
      : await mapConcurrently(bundles, concurrency, (bundle) =>
          checkBundle(source, bundle, signature.statement, options.publicKey),
        );
  const latest =
    options.latestFrom === undefined
      ? undefined
      : await learnLatest(options.latestFrom, options.publicKey, timeoutMs, deadline);

  const pathsWith = (outcome: Outcome) => entries.filter((_, index) => outcomes[index] === outcome).map((e) => e.path);
  return {
    location: source.location,
    signature,
    mirrorOrigin: mirror?.address,
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
    hostFilesNotServed: pathsWith('not served'),
    folderAddresses: folders.problems,
    bundles: bundleChecks,
    headers,
    headersNotCompared,
    latest,
    notOlderThan: options.notOlderThan,
  };
}

export async function verifyMirror(location: string, options: VerifyOptions): Promise<VerifyReport> {
  const limitMs = options.timeLimitMs ?? defaultTimeLimitMs;
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(
      new OutOfTime(
        `gave up after ${limitMs / 1000} s: ${location} had not served the whole release by then ` +
          '(a slow or overloaded server?); allow more time with --time-limit <seconds>',
      ),
    );
  }, limitMs);
  try {
    return await check(location, options, controller.signal);
  } finally {
    clearTimeout(timer);
  }
}

function isTooOld(report: VerifyReport): boolean {
  const signedAt = report.signature?.statement.timestamp;
  return report.notOlderThan !== undefined && signedAt !== undefined && signedAt * 1000 < report.notOlderThan.getTime();
}

const failingBundle = (bundle: BundleCheck) => bundle.outcome !== 'genuine' && bundle.outcome !== 'absent';

export function isExactCopy(report: VerifyReport): boolean {
  return (
    report.signature !== undefined &&
    report.altered.length +
      report.missing.length +
      report.unreadable.length +
      report.unexpected.length +
      report.folderAddresses.length ===
      0 &&
    report.uncheckedLinks === 0 &&
    !report.bundles.some(failingBundle) &&
    !report.headers.some((finding) => failsCheck(finding.difference)) &&
    !isTooOld(report)
  );
}

/** The section of the guide for mirrors (src/content/pages/en/mirrors.mdx) that sets up a web server. */
export const putItOnlineSection = '3-put-it-online';

/**
 * What the host of a mirror whose folder addresses answer otherwise than their
 * index.html (a 404, a listing of the folder, another page) does about it,
 * with the guide's address on the site the release was built for.
 */
function folderAddressAdvice(origin: string | undefined): string {
  const page = `${paths.mirrors('en').slice(1)}#${putItOnlineSection}`;
  const guide = origin === undefined ? `its ${page} page` : `${shown(origin)}${page}`;
  return (
    "  to fix, on a mirror you run: have the server answer each folder's address with that folder's index.html, " +
    "unchanged (nginx does with `index index.html;`, which the release's deploy/nginx/belarus-unions.conf sets; " +
    `Caddy with \`file_server\`, as in deploy/caddy/Caddyfile); see "3. Put it online" in the guide for mirrors, ${guide}`
  );
}

/** Paths and values come from the copy: escape anything that could rewrite the reader's terminal. */
function shown(text: string): string {
  return /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(text) ? JSON.stringify(text) : text;
}

const headerName = (name: string) =>
  name.replaceAll(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());

function headerLine({ difference, files, example }: HeaderFinding): string {
  const name = headerName(difference.name);
  const where = files > 1 ? `${example} and ${files - 1} more` : example;
  const value = (text: string | undefined) => JSON.stringify(text ?? '');
  switch (difference.kind) {
    case 'added':
      return `  HEADER ADDED: ${name}: ${shown(value(difference.served))} on ${where}; the signed ${hostHeadersFile} has no such header`;
    case 'differs':
      return `  HEADER DIFFERS: ${name}: ${shown(value(difference.served))} on ${where}; signed: ${value(difference.signed)}`;
    case 'other':
      return `  note: ${name} is ${shown(value(difference.served))} on ${where}; the signed ${hostHeadersFile} says ${value(difference.signed)}`;
    case 'missing':
      return `  note: ${name} is not sent with ${where}; the signed ${hostHeadersFile} asks for ${value(difference.signed)}`;
  }
}

function bundleLine(bundle: BundleCheck): string {
  const what = bundle.kind === 'archive' ? 'site archive' : 'IPFS CAR';
  switch (bundle.outcome) {
    case 'genuine':
      return `  ${what} ${bundle.path}: signed for this release${bundle.cid === undefined ? '' : `, root CID ${bundle.cid}`}`;
    case 'absent':
      return `  note: this copy does not carry the ${what} (${bundle.path})`;
    case 'altered':
      return `  ALTERED: ${bundle.path} (${shown(bundle.detail ?? '')})`;
    case 'unsigned':
      return `  UNSIGNED: ${bundle.path} (${shown(bundle.detail ?? '')})`;
    case 'unreadable':
      return `  UNREADABLE: ${bundle.path} (${shown(bundle.detail ?? '')})`;
    case 'other release':
      return `  OTHER RELEASE: ${bundle.path} is ${shown(bundle.detail ?? '')}, not for this copy's release`;
  }
}

function latestLines(report: VerifyReport): string[] {
  const { latest } = report;
  const own = report.signature?.statement;
  if (latest === undefined || own === undefined) return [];
  if (latest.statement === undefined) {
    return [`  note: could not learn the latest release from ${shown(latest.from)}: ${shown(latest.problem ?? '')}`];
  }
  if (latest.statement.timestamp > own.timestamp) {
    const days = Math.floor((latest.statement.timestamp - own.timestamp) / 86_400);
    return [
      `Newer release: ${describeRelease(latest.statement)} at ${shown(latest.from)}; this copy is ${days} days older`,
    ];
  }
  return [`Latest release: this copy has it (as ${shown(latest.from)} says)`];
}

export function formatReport(report: VerifyReport): string {
  const lines = [`Checked ${shown(report.location)}`];
  const statement = report.signature?.statement;
  if (report.signature === undefined || statement === undefined) {
    lines.push(
      `UNSIGNED: there is no ${signatureFile}, so nothing shows who made this copy; below, its files are only compared with its own ${checksumsFile}`,
    );
  } else {
    lines.push(
      `Signature: good, by key ${report.signature.keyId}`,
      `Release: ${describeRelease(statement)}, built for ${statement.origin}`,
    );
  }
  lines.push(...latestLines(report));
  if (report.mirrorOrigin !== undefined && statement !== undefined) {
    lines.push(
      `${mirrorOriginFile}: this copy's link previews, share links and QR codes name ${report.mirrorOrigin} instead of ${statement.origin}`,
    );
    if (/^https?:/.test(report.location) && report.location !== report.mirrorOrigin) {
      lines.push(`  note: that is not the address checked (${shown(report.location)})`);
    }
  }
  // Notes first, then what fails the check, so that the last findings sit right above the summary.
  lines.push(
    ...report.bundles.filter((bundle) => !failingBundle(bundle)).map(bundleLine),
    ...report.hostFilesNotServed.map((file) => `  note: ${file} is not served (hosts apply it rather than serve it)`),
    ...report.headers.filter((finding) => !failsCheck(finding.difference)).map(headerLine),
  );
  if (report.headersNotCompared !== undefined) {
    lines.push(`  note: the headers were not compared: ${report.headersNotCompared}`);
  }
  lines.push(
    ...report.rewritten.map((file) => `  rewritten for link previews: ${file}`),
    ...report.altered.map((file) => `  ALTERED: ${file}`),
    ...report.missing.map((file) => `  MISSING: ${file}`),
    ...report.unreadable.map(({ path, reason }) => `  UNREADABLE: ${path} (${shown(reason)})`),
    ...report.unexpected.map((file) => `  UNEXPECTED: ${shown(file)}`),
    ...report.folderAddresses.map(({ address, problem }) => `  FOLDER ADDRESS: ${shown(address)} ${shown(problem)}`),
    // The advice fits only a server that answers a folder's plain address wrongly: one that redirects readers
    // away or answers a query with other bytes is hostile or broken, and its line says what it did.
    ...(report.folderAddresses.some(({ address, problem }) => problem.startsWith('answers ') && !address.includes('?'))
      ? [folderAddressAdvice(statement?.origin)]
      : []),
    ...report.bundles.filter(failingBundle).map(bundleLine),
    ...report.headers.filter((finding) => failsCheck(finding.difference)).map(headerLine),
  );
  if (report.uncheckedLinks > 0) {
    lines.push(`  NOT CHECKED: ${report.uncheckedLinks} more links into the copy (over ${maxLinkChecks})`);
  }
  if (isTooOld(report) && report.notOlderThan !== undefined) {
    lines.push(`  TOO OLD: the release is older than ${report.notOlderThan.toISOString().slice(0, 10)}`);
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
    [report.folderAddresses.length, 'folder addresses answered otherwise'],
    [report.unreadable.length, 'unreadable'],
    [report.uncheckedLinks, 'links not checked'],
    [report.bundles.filter(failingBundle).length, 'bundles not of this release'],
    [report.headers.filter((finding) => failsCheck(finding.difference)).length, 'headers added or changed'],
  ] as const;
  const differences = counts.filter(([count]) => count > 0).map(([count, what]) => `${count} ${what}`);
  if (isTooOld(report)) differences.push('too old');
  if (report.signature === undefined) {
    const matched =
      differences.length === 0 ? `the ${report.listed} files match its ${checksumsFile}` : differences.join(', ');
    return `FAILED: not signed (${matched}), so it proves nothing about who made it. A release build is signed by npm run sign with the release key.`;
  }
  return `FAILED: ${differences.join(', ')} (of ${report.listed} listed files): this copy is not the signed release.`;
}
