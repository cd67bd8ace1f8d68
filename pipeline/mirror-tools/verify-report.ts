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
