/**
 * What `verify` can conclude about a copy, each with its own exit status: the
 * one table that `verify --help`, the README and the tests derive from, and
 * that the mirrors guide's explanation of each verdict, in every language, is
 * checked against (tests/unit/mirror-tools/verdicts.test.ts).
 *
 * The order, that of the exit statuses, is the precedence: when several
 * apply, the first is the verdict (a copy both altered and old is TAMPERED).
 * `OK` applies only when no other does.
 */
export const verdicts = [
  {
    name: 'genuine',
    word: 'OK',
    code: 0,
    meaning: 'exactly the release signed with the key it checks with',
  },
  {
    name: 'other key',
    word: 'OTHER KEY',
    code: 3,
    meaning: 'signed, but with another key than the one it checks with',
  },
  {
    name: 'tampered',
    word: 'TAMPERED',
    code: 4,
    meaning: 'a file or header differs from the list, or the list from its signature',
  },
  {
    name: 'unreachable',
    word: 'UNREACHABLE',
    code: 5,
    meaning: 'the copy, or the --latest-from address, could not be read in full',
  },
  {
    name: 'unsigned',
    word: 'UNSIGNED',
    code: 6,
    meaning: 'the files match their list, but no signature vouches for it',
  },
  {
    name: 'too old',
    word: 'TOO OLD',
    code: 7,
    meaning: "the signed release, but older than --not-older-than or --latest-from's",
  },
] as const;

export type Verdict = (typeof verdicts)[number];
export type VerdictName = Verdict['name'];

/** The exit status of a command used wrongly: no verdict, since nothing was checked. */
export const usageExitCode = 2;

export function verdict(name: VerdictName): Verdict {
  const found = verdicts.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`verdicts.ts has no verdict "${name}"`);
  return found;
}

/** The verdict of the first name in precedence order among `names`; genuine when there is none. */
export function firstVerdict(names: Iterable<VerdictName>): Verdict {
  const applies = new Set(names);
  return (
    verdicts.find((candidate) => candidate.name !== 'genuine' && applies.has(candidate.name)) ?? verdict('genuine')
  );
}

/** A check that ended before its report could be made: the verdict it reached, and why, as one line. */
export class VerdictError extends Error {
  readonly verdict: VerdictName;
  constructor(name: VerdictName, message: string, options?: ErrorOptions) {
    super(message, options);
    this.verdict = name;
  }
}

/** The rows for `verify --help` and the README: each exit status, its verdict's word and meaning. */
export function verdictTable(): [code: string, word: string, meaning: string][] {
  const rows: [number, string, string][] = [
    ...verdicts.map(({ code, word, meaning }): [number, string, string] => [code, word, meaning]),
    [usageExitCode, '(usage)', 'the command was used wrongly; nothing was checked'],
  ];
  return rows.sort(([a], [b]) => a - b).map(([code, word, meaning]) => [String(code), word, meaning]);
}
