/**
 * Verifies every mirror listed in src/data/mirrors.json, on the web, each
 * within verify's overall time limit, and prints a table: verified, failed
 * and why, or unreachable, with the release each copy carries.
 *
 *   npm run check-mirrors -- [--time-limit <seconds>] [--mirrors <file>] [--public-key <minisign.pub>]
 *
 * Exits 1 when any mirror is not verified; deploy/github/check-mirrors.yml
 * runs it daily.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseMirrors } from '../src/lib/mirrors.ts';
import { checkMirrors, formatMirrorTable } from './mirror-tools/mirror-monitor.ts';
import { parsePublicKey } from './release/minisign.ts';
import { defaultTimeLimitMs } from './mirror-tools/verify.ts';

const { values } = parseArgs({
  options: {
    'time-limit': { type: 'string', default: String(defaultTimeLimitMs / 1000) },
    mirrors: { type: 'string', default: new URL('../src/data/mirrors.json', import.meta.url).pathname },
    'public-key': { type: 'string', default: new URL('../release/minisign.pub', import.meta.url).pathname },
  },
});
const seconds = Number(values['time-limit']);
if (!Number.isFinite(seconds) || seconds <= 0) {
  console.error('--time-limit takes a number of seconds');
  process.exit(2);
}
const mirrors = parseMirrors(JSON.parse(await readFile(values.mirrors, 'utf8')));
const publicKey = parsePublicKey(await readFile(values['public-key'], 'utf8'));
const checks = await checkMirrors(
  mirrors.map((mirror) => mirror.url),
  publicKey,
  seconds * 1000,
);
console.log(checks.length === 0 ? `No mirrors are listed in ${values.mirrors}.` : formatMirrorTable(checks));
process.exitCode = checks.every((check) => check.outcome === 'verified') ? 0 : 1;
