/**
 * The verify command, shared by `npm run verify` and the standalone
 * `downloads/verify.mjs` (the same code, bundled), so both check the same and
 * say the same. Exit status: 0 when the copy is exactly the signed release,
 * 1 when anything differs or it cannot be checked, 2 when used wrongly.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parsePublicKey } from '../release/minisign.ts';
import { defaultTimeLimitMs, verifyMirror } from './verify.ts';
import { formatReport, isExactCopy } from './verify-report.ts';

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
                               usually) and say whether a newer release exists
  --help                       show this help

Exit status: 0 when the copy is exactly the signed release, 1 when it is not or cannot be checked,
2 when the command is used wrongly.`;
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
    return 2;
  }
  try {
    const keyText =
      args.publicKeyPath === undefined ? await command.pinnedKey.text() : await readFile(args.publicKeyPath, 'utf8');
    const report = await verifyMirror(args.location, {
      publicKey: parsePublicKey(keyText),
      timeLimitMs: args.timeLimitMs,
      notOlderThan: args.notOlderThan,
      latestFrom: args.latestFrom,
    });
    console.log(formatReport(report));
    return isExactCopy(report) ? 0 : 1;
  } catch (error) {
    console.log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
