/**
 * The verify command, shared by `npm run verify` and the standalone
 * `downloads/verify.mjs` (the same code, bundled), so both check the same and
 * say the same. It ends with one line, its verdict, and exits with that
 * verdict's status (verdicts.ts); 2 when used wrongly.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parsePublicKey } from '../release/minisign.ts';
import { defaultTimeLimitMs, verifyMirror } from './verify.ts';
import { formatReport, verdictOf } from './verify-report.ts';
import { usageExitCode, verdict, verdictTable, VerdictError } from './verdicts.ts';

export interface VerifyCommand {
  /** How the command is typed, for the usage line: `npm run verify --` or `node verify.mjs`. */
  name: string;
  /** The pinned public key's text, and where it comes from, for the help. */
  pinnedKey: { text: () => Promise<string>; source: string };
}

function usage(command: VerifyCommand): string {
  return `usage: ${command.name} <web address or folder> [--public-key <minisign.pub>] [--time-limit <seconds>]
       [--not-older-than <YYYY-MM-DD>] [--latest-from <web address or folder>]

Checks that a copy of the site, on the web or in a folder, is exactly the signed release.

  --public-key <file>          the key to check the signature with (default: ${command.pinnedKey.source})
  --time-limit <seconds>       give up on a web copy after this long (default: ${defaultTimeLimitMs / 1000})
  --not-older-than <date>      fail if the release was made before this date
  --latest-from <address>      read the latest release's date from this copy's signature (the main site's,
                               usually), and fail if it is newer
  --help                       show this help

It ends with one line, its verdict, and exits with the verdict's status:

${verdictTable()
  .map(([code, word, meaning]) => `  ${code}  ${word.padEnd(11)}  ${meaning}`)
  .join('\n')}

When several apply, it gives the one with the lowest status but 0.`;
}

interface Arguments {
  location: string;
  publicKeyPath: string | undefined;
  timeLimitMs: number;
  notOlderThan: Date | undefined;
  latestFrom: string | undefined;
}

function readArguments(argv: string[]): Arguments | 'help' | string {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'public-key': { type: 'string' },
        'time-limit': { type: 'string' },
        'not-older-than': { type: 'string' },
        'latest-from': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const { values, positionals } = parsed;
  if (values.help === true) return 'help';
  const [location, ...extra] = positionals;
  if (location === undefined) return 'name a web address or a folder to check';
  if (extra.length > 0) return `one copy at a time: ${JSON.stringify(extra[0])} is one too many`;
  const seconds = Number(values['time-limit'] ?? defaultTimeLimitMs / 1000);
  if (!Number.isFinite(seconds) || seconds <= 0) return '--time-limit takes a number of seconds';
  let notOlderThan: Date | undefined;
  if (values['not-older-than'] !== undefined) {
    notOlderThan = new Date(`${values['not-older-than']}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values['not-older-than']) || Number.isNaN(notOlderThan.getTime())) {
      return '--not-older-than takes a date written as YYYY-MM-DD';
    }
  }
  return {
    location,
    publicKeyPath: values['public-key'],
    timeLimitMs: seconds * 1000,
    notOlderThan,
    latestFrom: values['latest-from'],
  };
}

/** Runs the command; returns its exit status. */
export async function runVerifyCommand(command: VerifyCommand, argv: string[]): Promise<number> {
  const args = readArguments(argv);
  if (args === 'help') {
    console.log(usage(command));
    return 0;
  }
  if (typeof args === 'string') {
    console.error(`${args}\n\n${usage(command)}`);
    return usageExitCode;
  }
  let keyText;
  try {
    keyText =
      args.publicKeyPath === undefined ? await command.pinnedKey.text() : await readFile(args.publicKeyPath, 'utf8');
    parsePublicKey(keyText);
  } catch (error) {
    console.error(`cannot read the public key: ${error instanceof Error ? error.message : String(error)}`);
    return usageExitCode;
  }
  try {
    const report = await verifyMirror(args.location, {
      publicKey: parsePublicKey(keyText),
      timeLimitMs: args.timeLimitMs,
      notOlderThan: args.notOlderThan,
      latestFrom: args.latestFrom,
    });
    console.log(formatReport(report));
    return verdictOf(report).code;
  } catch (error) {
    // A check that stopped before its report: no copy to read, a signature by another key or one that does not
    // match, or no time left. Anything else is a copy that could not be checked either.
    const reached = verdict(error instanceof VerdictError ? error.verdict : 'unreachable');
    const advice =
      reached.name === 'other key'
        ? ": this copy is not the project's release, unless the key checked with is not the project's (take it from the main site or the README)"
        : '';
    console.log(`${reached.word}: ${error instanceof Error ? error.message : String(error)}${advice}`);
    return reached.code;
  }
}
