/**
 * The verdict on a copy verify.ts has checked, and the report a volunteer
 * reads: what the release is, then notes, then what fails the check, and a
 * summary line last. Paths and values in it come from the copy, so they are
 * escaped before they reach a terminal.
 */
import { paths } from '../../src/lib/routes.ts';
import { hostHeadersFile } from '../after-render/security-headers.ts';
import { checksumsFile, describeRelease, mirrorOriginFile, signatureFile } from '../release/release-format.ts';
import { failsCheck } from './host-headers.ts';
import type { VerifyReport } from './verify.ts';
import { maxLinkChecks, type BundleCheck } from './verify-steps.ts';
import type { HeaderFinding } from './verify-web-steps.ts';
import { firstVerdict, type Verdict, type VerdictName } from './verdicts.ts';

/** Whether the copy is a signed release older than the date asked for, or than the latest release found. */
function isTooOld(report: VerifyReport): boolean {
  const signedAt = report.signature?.statement.timestamp;
  if (signedAt === undefined) return false;
  const latestAt = report.latest?.statement?.timestamp;
  return (
    (report.notOlderThan !== undefined && signedAt * 1000 < report.notOlderThan.getTime()) ||
    (latestAt !== undefined && latestAt > signedAt)
  );
}

/** Bundles that are not this release's: altered, unsigned or another release's. One not read is unreachable. */
const failingBundle = (bundle: BundleCheck) => bundle.outcome !== 'genuine' && bundle.outcome !== 'absent';
const tamperedBundle = (bundle: BundleCheck) => failingBundle(bundle) && bundle.outcome !== 'unreadable';

/** What shows the copy is not what its list says, each with how many. */
function tamperings(report: VerifyReport): string[] {
  const counts = [
    [report.altered.length, 'altered'],
    [report.missing.length, 'missing'],
    [report.unexpected.length, 'unexpected'],
    [report.folderAddresses.length, 'folder addresses answered otherwise'],
    [report.bundles.filter(tamperedBundle).length, 'bundles not of this release'],
    [report.headers.filter((finding) => failsCheck(finding.difference)).length, 'headers added or changed'],
  ] as const;
  return counts.filter(([count]) => count > 0).map(([count, what]) => `${count} ${what}`);
}

/** What could not be read or checked, each with how many. */
function unreadParts(report: VerifyReport): string[] {
  const counts = [
    [report.unreadable.length, 'unreadable'],
    [report.bundles.filter((bundle) => bundle.outcome === 'unreadable').length, 'bundles unreadable'],
    [report.uncheckedLinks, 'links not checked'],
  ] as const;
  return counts.filter(([count]) => count > 0).map(([count, what]) => `${count} ${what}`);
}

/** The verdict on a checked copy: the first, in verdicts.ts's order, of those that apply. */
export function verdictOf(report: VerifyReport): Verdict {
  const applies: VerdictName[] = [];
  if (tamperings(report).length > 0) applies.push('tampered');
  if (unreadParts(report).length > 0 || report.latest?.problem !== undefined) applies.push('unreachable');
  if (report.signature === undefined) applies.push('unsigned');
  if (isTooOld(report)) applies.push('too old');
  return firstVerdict(applies);
}

export function isExactCopy(report: VerifyReport): boolean {
  return verdictOf(report).name === 'genuine';
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

function headerLine({ difference, files, example }: HeaderFinding, signed: boolean): string {
  const name = headerName(difference.name);
  const where = files > 1 ? `${example} and ${files - 1} more` : example;
  const value = (text: string | undefined) => JSON.stringify(text ?? '');
  // An unsigned copy's _headers is only what the copy says of itself.
  const listed = signed ? `the signed ${hostHeadersFile}` : `the copy's unsigned ${hostHeadersFile}`;
  switch (difference.kind) {
    case 'added':
      return `  HEADER ADDED: ${name}: ${shown(value(difference.served))} on ${where}; ${listed} has no such header`;
    case 'differs':
      return `  HEADER DIFFERS: ${name}: ${shown(value(difference.served))} on ${where}; ${listed} says ${value(difference.signed)}`;
    case 'other':
      return `  note: ${name} is ${shown(value(difference.served))} on ${where}; ${listed} says ${value(difference.signed)}`;
    case 'missing':
      return `  note: ${name} is not sent with ${where}; ${listed} asks for ${value(difference.signed)}`;
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
  if (latest?.statement === undefined) return [];
  const own = report.signature?.statement;
  if (own === undefined) {
    return [`Latest release: ${describeRelease(latest.statement)}, as ${shown(latest.from)} says`];
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
      `Signature: none (no ${signatureFile}); below, the files are compared only with the copy's own ${checksumsFile}, which anyone could have written`,
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
    ...report.headers
      .filter((finding) => !failsCheck(finding.difference))
      .map((finding) => headerLine(finding, statement !== undefined)),
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
    ...report.headers
      .filter((finding) => failsCheck(finding.difference))
      .map((finding) => headerLine(finding, statement !== undefined)),
  );
  if (report.uncheckedLinks > 0) {
    lines.push(`  NOT CHECKED: ${report.uncheckedLinks} more links into the copy (over ${maxLinkChecks})`);
  }
  lines.push(summaryLine(report));
  return lines.join('\n');
}

/** The verdict, as one line: its word, then why. */
function summaryLine(report: VerifyReport): string {
  const { word, name } = verdictOf(report);
  const statement = report.signature?.statement;
  switch (name) {
    case 'genuine': {
      const rewritten = report.rewritten.length > 0 ? ` (${report.rewritten.length} rewritten for link previews)` : '';
      return `${word}: all ${report.listed} files match the signed release${rewritten}.`;
    }
    case 'tampered':
      return statement === undefined
        ? `${word}: ${tamperings(report).join(', ')} (of ${report.listed} files its unsigned ${checksumsFile} lists): this copy is not even what its own list says; get the release from the main address.`
        : `${word}: ${tamperings(report).join(', ')} (of ${report.listed} listed files): this copy is not the signed release.`;
    case 'unreachable': {
      const reasons = [];
      const unread = unreadParts(report);
      if (unread.length > 0) {
        reasons.push(`${unread.join(', ')} (of ${report.listed} listed files): part of the copy is not checked`);
      }
      if (report.latest?.problem !== undefined) {
        reasons.push(
          `could not learn the latest release from ${shown(report.latest.from)}: ${shown(report.latest.problem)}`,
        );
      }
      return `${word}: ${reasons.join('; ')}. Try again later, or allow more time with --time-limit.`;
    }
    case 'unsigned':
      return `${word}: the ${report.listed} files match this copy's own ${checksumsFile}, but no signature vouches for it, so anyone could have made it (a preview, or a copy stripped of its signature): get the signed release from the main address.`;
    case 'too old':
      return `${word}: this is the signed release of ${statement === undefined ? 'an unknown date' : describeRelease(statement)}, unchanged, but ${olderThanWhat(report)}: get the newer release from the main address.`;
    case 'other key':
      // Reached only by a check that stopped at the signature, which verify-cli.ts reports itself.
      return `${word}: ${checksumsFile} is signed with another key.`;
  }
}

/** What a release too old is older than: the date asked for, or the latest release found. */
function olderThanWhat(report: VerifyReport): string {
  const latest = report.latest?.statement;
  const own = report.signature?.statement;
  if (latest !== undefined && own !== undefined && latest.timestamp > own.timestamp) {
    return `${shown(report.latest?.from ?? '')} has a newer one, of ${describeRelease(latest)}`;
  }
  return `older than ${report.notOlderThan?.toISOString().slice(0, 10) ?? 'the date asked for'}`;
}
