/**
 * The mirror monitor: verifies every listed mirror in URL mode, each within
 * verify's overall time limit, a few at a time, and sums them up in a table.
 */
import type { PublicKey } from '../release/minisign.ts';
import { describeRelease } from '../release/release-format.ts';
import { verifyMirror } from './verify.ts';
import { formatReport, isExactCopy } from './verify-report.ts';

export interface MirrorCheck {
  url: string;
  outcome: 'verified' | 'failed' | 'unreachable';
  /** The release the copy carries, from its signature, when it has a good one. */
  release?: string | undefined;
  /** Why it failed or could not be reached: the last line of verify's report, or its error. */
  detail?: string | undefined;
}

const parallelMirrors = 2;

export async function checkMirror(url: string, publicKey: PublicKey, timeLimitMs?: number): Promise<MirrorCheck> {
  try {
    const report = await verifyMirror(url, { publicKey, timeLimitMs });
    const release = report.signature === undefined ? undefined : describeRelease(report.signature.statement);
    if (isExactCopy(report)) return { url, outcome: 'verified', release };
    return { url, outcome: 'failed', release, detail: formatReport(report).split('\n').at(-1) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A copy that answers with something else has failed; one that does not answer is unreachable.
    const unreachable =
      /^cannot read SHA256SUMS from |^gave up after /.test(message) && !/HTTP \d|larger than/.test(message);
    return { url, outcome: unreachable ? 'unreachable' : 'failed', detail: message };
  }
}

export async function checkMirrors(urls: readonly string[], publicKey: PublicKey, timeLimitMs?: number) {
  const results: MirrorCheck[] = [];
  const queue = urls.entries();
  const worker = async () => {
    for (const [index, url] of queue) results[index] = await checkMirror(url, publicKey, timeLimitMs);
  };
  await Promise.all(Array.from({ length: Math.min(parallelMirrors, urls.length) }, worker));
  return results;
}

/** A plain-text table: one line per mirror, then the reasons below it. */
export function formatMirrorTable(checks: readonly MirrorCheck[]): string {
  const rows = [
    ['Mirror', 'Result', 'Release'],
    ...checks.map((check) => [check.url, check.outcome.toUpperCase(), check.release ?? '—']),
  ];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const lines = rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
  const reasons = checks.filter((check) => check.detail !== undefined).map((check) => `${check.url}: ${check.detail}`);
  const verified = checks.filter((check) => check.outcome === 'verified').length;
  return [
    ...lines,
    ...(reasons.length > 0 ? ['', ...reasons] : []),
    '',
    `${verified} of ${checks.length} mirrors verified.`,
  ].join('\n');
}
