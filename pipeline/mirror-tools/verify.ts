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
 *
 * The steps are in verify-steps.ts and verify-web-steps.ts; the verdict and
 * the report a volunteer reads, in verify-report.ts.
 */
import { compareBytewise } from '../release/checksums.ts';
import type { PublicKey } from '../release/minisign.ts';
import { HttpMirror, openMirror, OutOfTime } from './mirror-source.ts';
import {
  checkBundles,
  checkListedFiles,
  checkSignature,
  learnLatest,
  readMirrorOrigin,
  unlistedFiles,
  type BundleCheck,
  type LatestRelease,
  type SignedRelease,
} from './verify-steps.ts';
import { checkFolderAddresses, checkHeaders, unlistedLinkTargets, type HeaderFinding } from './verify-web-steps.ts';

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

export interface VerifyReport {
  location: string;
  /** The signing key, as minisign prints it, and what the signature states; undefined for an unsigned copy. */
  signature: SignedRelease | undefined;
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
  latest?: LatestRelease | undefined;
  notOlderThan?: Date | undefined;
}

export const defaultTimeoutMs = 60_000;
export const defaultTimeLimitMs = 300_000;

/** Which address a check is waiting on, so that running out of time names the one that did not answer. */
interface Progress {
  waitingOn: 'copy' | 'latest';
}

async function check(
  location: string,
  options: VerifyOptions,
  deadline: AbortSignal,
  progress: Progress,
): Promise<VerifyReport> {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const source = await openMirror(location, timeoutMs, deadline);
  const { entries, signature } = await checkSignature(source, options.publicKey);
  const mirror = await readMirrorOrigin(source);
  const files = await checkListedFiles(source, entries, signature?.statement.origin, mirror);

  const listed = new Set(entries.map((entry) => entry.path));
  const onWeb = source instanceof HttpMirror;
  const folders = onWeb ? await checkFolderAddresses(source, files.served) : { problems: [], answers: [] };
  const { unexpected, unchecked } = onWeb
    ? await unlistedLinkTargets(source, listed, files.pages)
    : { unexpected: await unlistedFiles(source, listed), unchecked: 0 };
  const headers = onWeb ? checkHeaders(entries, files.served, folders.answers) : { findings: [] };

  const bundles = signature === undefined ? [] : await checkBundles(source, signature.statement, options.publicKey);
  progress.waitingOn = 'latest';
  const latest =
    options.latestFrom === undefined
      ? undefined
      : await learnLatest(options.latestFrom, options.publicKey, timeoutMs, deadline);

  return {
    location: source.location,
    signature,
    mirrorOrigin: mirror?.address,
    listed: entries.length,
    rewritten: files.rewritten,
    altered: files.altered,
    missing: files.missing,
    unreadable: files.unreadable,
    unexpected: unexpected.sort(compareBytewise),
    uncheckedLinks: unchecked,
    hostFilesNotServed: files.notServed,
    folderAddresses: folders.problems,
    bundles,
    headers: headers.findings,
    headersNotCompared: headers.notCompared,
    latest,
    notOlderThan: options.notOlderThan,
  };
}

export async function verifyMirror(location: string, options: VerifyOptions): Promise<VerifyReport> {
  const limitMs = options.timeLimitMs ?? defaultTimeLimitMs;
  const controller = new AbortController();
  const progress: Progress = { waitingOn: 'copy' };
  const timer = setTimeout(() => {
    controller.abort(
      new OutOfTime(
        progress.waitingOn === 'latest'
          ? `gave up after ${limitMs / 1000} s: ${options.latestFrom} had not told the latest release by then ` +
              `(blocked, down or slow?); ${location} was checked in full, but this says nothing of its age`
          : `gave up after ${limitMs / 1000} s: ${location} had not served the whole release by then ` +
              '(a slow or overloaded server?); allow more time with --time-limit <seconds>',
      ),
    );
  }, limitMs);
  try {
    return await check(location, options, controller.signal, progress);
  } finally {
    clearTimeout(timer);
  }
}
