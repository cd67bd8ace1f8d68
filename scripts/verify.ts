/**
 * Checks a copy of the site against the signed release:
 *
 *   npm run verify -- <web address or folder> [--public-key <minisign.pub>]
 *
 * The key defaults to the project's pinned release/minisign.pub. Exit status:
 * 0 when every file matches, 1 when anything differs or the copy cannot be
 * checked, 2 when the command is used wrongly.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parsePublicKey } from './release/minisign.ts';
import { formatReport, isExactCopy, verifyMirror } from './release/verify.ts';

const usage = 'usage: npm run verify -- <web address or folder> [--public-key <minisign.pub>]';
const pinnedKey = fileURLToPath(new URL('../release/minisign.pub', import.meta.url));

function readArguments(): { location: string; publicKeyPath: string } | undefined {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: { 'public-key': { type: 'string', default: pinnedKey } },
    });
    const [location, ...extra] = positionals;
    if (location !== undefined && extra.length === 0) return { location, publicKeyPath: values['public-key'] };
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
  }
  return undefined;
}

const args = readArguments();
if (args === undefined) {
  console.error(usage);
  process.exitCode = 2;
} else {
  try {
    const publicKey = parsePublicKey(await readFile(args.publicKeyPath, 'utf8'));
    const report = await verifyMirror(args.location, { publicKey });
    console.log(formatReport(report));
    process.exitCode = isExactCopy(report) ? 0 : 1;
  } catch (error) {
    console.log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
