/**
 * The verify and rewrite-origin commands as a volunteer runs them: `npm run verify`, and the standalone
 * downloads/verify.mjs and rewrite-origin.mjs, bundled as the build bundles them, under Debian's own Node.
 * Each verdict of verdicts.ts, with its exit status, and each way a check or a rewrite can fail, ends in one
 * plain line: no stack trace.
 */
import { existsSync } from 'node:fs';
import { appendFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeChecksums } from '../../../pipeline/release/checksums.ts';
import { standaloneTools } from '../../../pipeline/release/verifier-bundle.ts';
import { usageExitCode, verdict, verdicts, type VerdictName } from '../../../pipeline/mirror-tools/verdicts.ts';
import { paths } from '../../../src/lib/routes.ts';
import {
  copySite,
  filesNamingOrigin,
  makeSite,
  makeTempDir,
  releaseTimestamp,
  run,
  signSite,
  type RunResult,
} from '../../support/release-fixture.ts';
import { signedReleaseForTests } from './verify-fixture.ts';

const signed = signedReleaseForTests();
/** Debian's Node (20 here), not the project's pinned 24: the one a volunteer already has. */
const debianNode = '/usr/bin/node';

interface Copies {
  altered: string;
  unsigned: string;
  unsignedAltered: string;
  forgedList: string;
  newer: string;
  /** A server that answers a signature with a page, and another address with 404. */
  server: Server;
  htmlSignature: string;
  notFound: string;
  /** An address that takes the connection and never answers, as a blocked main site often does. */
  hanging: string;
  /** Where the standalone tools were bundled. */
  tools: string;
}
let copies: Copies | undefined;
const ready = (): Copies => {
  if (copies === undefined) throw new Error('the copies are made in beforeAll');
  return copies;
};

beforeAll(async () => {
  const altered = await copySite(signed.release);
  await appendFile(path.join(altered, 'en/index.html'), '<script src="https://tracker.example/t.js"></script>');
  const unsigned = await copySite(signed.release);
  await rm(path.join(unsigned, 'SHA256SUMS.minisig'));
  const unsignedAltered = await copySite(unsigned);
  await appendFile(path.join(unsignedAltered, 'en/index.html'), '<!-- -->');
  // The list written anew to match a changed page, under the old signature.
  const forgedList = await copySite(signed.release);
  await appendFile(path.join(forgedList, 'en/index.html'), '<!-- -->');
  await writeChecksums(forgedList);
  const newer = await makeSite();
  await signSite(newer, signed.keys, { timestamp: releaseTimestamp + 30 * 86_400, commit: 'f'.repeat(40) });

  const server = createServer((request, response) => {
    if (request.url?.startsWith('/hang/')) return;
    if (request.url?.startsWith('/html/')) {
      response.setHeader('content-type', 'text/html');
      response.end('<!doctype html><title>Welcome</title><p>Welcome to nginx!</p>\n');
      return;
    }
    response.statusCode = 404;
    response.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const tools = await makeTempDir();
  for (const [file, bytes] of Object.entries(await standaloneTools())) {
    await writeFile(path.join(tools, path.basename(file)), bytes);
  }
  copies = {
    altered,
    unsigned,
    unsignedAltered,
    forgedList,
    newer,
    server,
    htmlSignature: `http://127.0.0.1:${port}/html/`,
    notFound: `http://127.0.0.1:${port}/gone/`,
    hanging: `http://127.0.0.1:${port}/hang/`,
    tools,
  };
}, 60_000);

afterAll(
  () =>
    new Promise<void>((resolve) => {
      if (!copies?.server) return resolve();
      copies.server.close(() => resolve());
      copies.server.closeAllConnections();
    }),
);

/** The ways a volunteer runs verify: through npm, and the bundled file under Debian's Node. */
const verifiers = [
  {
    name: 'npm run verify',
    run: (args: string[]) => run('npm', ['run', '--silent', 'verify', '--', ...args]),
    available: true,
  },
  {
    name: `verify.mjs under ${debianNode}`,
    run: (args: string[]) => run(debianNode, [path.join(ready().tools, path.basename(paths.verifier())), ...args]),
    available: existsSync(debianNode),
  },
];

/** One plain last line, starting with the verdict's word; nothing on stderr, and no stack trace anywhere. */
function expectVerdict(result: RunResult, name: VerdictName): string {
  const { word, code } = verdict(name);
  const last = result.stdout.trimEnd().split('\n').at(-1) ?? '';
  expect(last, result.stdout).toMatch(new RegExp(`^${word}: \\S`));
  expect(result.stderr).toBe('');
  expect(result.stdout).not.toMatch(/\n\s+at |Error:/);
  expect(result.code, result.stdout).toBe(code);
  return last;
}

describe.each(verifiers)('$name', ({ run: verify, available }) => {
  const key = () => ['--public-key', signed.keys.publicKeyPath];

  it.runIf(available)(
    'gives each verdict with its own exit status, as one plain last line',
    async () => {
      const { altered, unsigned, forgedList, newer } = ready();
      const cases: [string[], VerdictName, RegExp][] = [
        [[signed.release, ...key()], 'genuine', /^OK: all \d+ files match the signed release\.$/],
        [
          [signed.release],
          'other key',
          /^OTHER KEY: SHA256SUMS\.minisig was made with key \w{16}, not with the release key 1CDAF41FB2975760: this copy is not the project's release, unless/,
        ],
        [
          [altered, ...key()],
          'tampered',
          /^TAMPERED: 1 altered \(of \d+ listed files\): this copy is not the signed release\.$/,
        ],
        [
          [forgedList, ...key()],
          'tampered',
          /^TAMPERED: SHA256SUMS\.minisig is by the release key, but does not match/,
        ],
        [
          [path.join(signed.release, 'nothing-here'), ...key()],
          'unreachable',
          /^UNREACHABLE: .*nothing-here is not a folder$/,
        ],
        [
          ['http://127.0.0.1:1/', ...key()],
          'unreachable',
          /^UNREACHABLE: cannot read SHA256SUMS from http:\/\/127\.0\.0\.1:1\/: /,
        ],
        [
          [unsigned, ...key()],
          'unsigned',
          /^UNSIGNED: the \d+ files match this copy's own SHA256SUMS, but no signature vouches for it/,
        ],
        [
          [signed.release, ...key(), '--not-older-than', '2024-01-01'],
          'too old',
          /^TOO OLD: this is the signed release of 2023-11-14 22:13 UTC, commit 0123456789ab, unchanged, but older than 2024-01-01: /,
        ],
        [
          [signed.release, ...key(), '--latest-from', newer],
          'too old',
          /, but .+ has a newer one, of 2023-12-14 22:13 UTC, commit ffffffffffff: /,
        ],
        [[signed.release, ...key(), '--latest-from', signed.release], 'genuine', /^OK: /],
      ];
      const statuses = new Set<number>();
      for (const [args, name, line] of cases) {
        const result = await verify(args);
        expect(expectVerdict(result, name)).toMatch(line);
        statuses.add(result.code);
      }
      // Every verdict came up, each with a status of its own, none of them the usage error's.
      expect([...statuses].sort()).toEqual(verdicts.map(({ code }) => code).sort());
      expect(statuses.has(usageExitCode)).toBe(false);
    },
    60_000,
  );

  it.runIf(available)(
    'gives the first verdict that applies, in the table’s order',
    async () => {
      const { altered, unsignedAltered, unsigned } = ready();
      // Tampered beats too old, and tampered beats unsigned.
      expectVerdict(await verify([altered, ...key(), '--not-older-than', '2024-01-01']), 'tampered');
      const both = expectVerdict(await verify([unsignedAltered, ...key()]), 'tampered');
      expect(both).toMatch(
        /^TAMPERED: 1 altered \(of \d+ files its unsigned SHA256SUMS lists\): .*get the release from the main address\.$/,
      );
      // A check asked for and not made is not a pass: unreachable beats unsigned.
      expectVerdict(await verify([unsigned, ...key(), '--latest-from', 'http://127.0.0.1:1/']), 'unreachable');
    },
    60_000,
  );

  it.runIf(available)(
    'ends with one plain line when --latest-from has no signature, cannot be reached, or answers otherwise',
    async () => {
      const { unsigned, htmlSignature, notFound } = ready();
      const from = (address: string) => verify([signed.release, ...key(), '--latest-from', address]);
      const lines = [
        expectVerdict(await from(unsigned), 'unreachable'),
        expectVerdict(await from('http://127.0.0.1:1/'), 'unreachable'),
        expectVerdict(await from(htmlSignature), 'unreachable'),
        expectVerdict(await from(notFound), 'unreachable'),
      ];
      expect(lines[0]).toMatch(
        /could not learn the latest release from .+: it has no SHA256SUMS\.minisig: it is not a signed release/,
      );
      expect(lines[1]).toMatch(
        /could not learn the latest release from http:\/\/127\.0\.0\.1:1\/: cannot read SHA256SUMS\.minisig from /,
      );
      expect(lines[2]).toMatch(
        /could not learn the latest release from .+\/html\/: .*SHA256SUMS\.minisig is not a minisign signature/,
      );
      expect(lines[3]).toMatch(/could not learn the latest release from .+\/gone\/: it has no SHA256SUMS\.minisig/);
    },
    60_000,
  );

  it.runIf(available)(
    'names the --latest-from address, not the copy, when that address never answers',
    async () => {
      const { hanging } = ready();
      // Long enough for the small copy itself to be checked in full on a busy machine, so that the time runs out
      // while verify waits on the address that never answers.
      const line = expectVerdict(
        await verify([signed.release, ...key(), '--latest-from', hanging, '--time-limit', '10']),
        'unreachable',
      );
      expect(line).toContain(`${hanging} had not told the latest release`);
      expect(line).not.toContain(`${signed.release} had not served`);
    },
    60_000,
  );

  it.runIf(available)('exits 2 with its usage when used wrongly, and lists the verdicts in its help', async () => {
    for (const args of [[], ['a', 'b'], ['--nonsense', 'a'], ['a', '--public-key', '/nonexistent/minisign.pub']]) {
      const result = await verify(args);
      expect(result.code).toBe(usageExitCode);
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    const help = await verify(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: (npm run verify --|node verify\.mjs) <web address or folder>/);
    for (const { code, word } of verdicts) expect(help.stdout).toMatch(new RegExp(`\\n {2}${code} {2}${word} `));
    expect(help.stdout).toMatch(new RegExp(`\\n {2}${usageExitCode} {2}\\(usage\\) `));
  });
});

/** The ways a volunteer runs rewrite-origin. */
const rewriters = [
  {
    name: 'npm run rewrite-origin',
    run: (args: string[]) => run('npm', ['run', '--silent', 'rewrite-origin', '--', ...args]),
    available: true,
  },
  {
    name: `rewrite-origin.mjs under ${debianNode}`,
    run: (args: string[]) =>
      run(debianNode, [path.join(ready().tools, path.basename(paths.rewriteOriginTool())), ...args]),
    available: existsSync(debianNode),
  },
];

describe.each(rewriters)('$name', ({ run: rewrite, available }) => {
  it.runIf(available)('rewrites a copy that then still verifies', async () => {
    const copy = await copySite(signed.release);
    const result = await rewrite([copy, 'https://mirror.example/x']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`${filesNamingOrigin.length} files in ${copy} now name https://mirror.example/x/`);
    expect(
      (await run(process.execPath, ['pipeline/verify.ts', copy, '--public-key', signed.keys.publicKeyPath])).code,
    ).toBe(0);
  });

  it.runIf(available)(
    'refuses an unsigned copy, a folder that is no copy, a signature that is a page and a missing file, in one plain line',
    async () => {
      const { unsigned } = ready();
      const page = await copySite(signed.release);
      await writeFile(path.join(page, 'SHA256SUMS.minisig'), '<!doctype html><p>Not found</p>\n');
      const incomplete = await copySite(signed.release);
      await rm(path.join(incomplete, 'sitemap.xml'));
      const cases: [string, RegExp][] = [
        [
          unsigned,
          /has no SHA256SUMS\.minisig: the copy is not signed, so it is no release to put online: get the signed release from the main address$/,
        ],
        [
          path.join(unsigned, 'nothing-here'),
          /nothing-here has no SHA256SUMS: it is not a copy of the release, or not the folder of its root$/,
        ],
        [page, /SHA256SUMS\.minisig is not the release's signature \(a \.minisig has four lines: /],
        [incomplete, /^rewrite-origin: sitemap\.xml is missing; start again from a copy that verify passes$/],
      ];
      for (const [folder, line] of cases) {
        const result = await rewrite([folder, 'https://mirror.example/x']);
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(result.stderr.trimEnd()).toMatch(/^rewrite-origin: /);
        expect(result.stderr.trimEnd()).toMatch(line);
      }
    },
    30_000,
  );

  it.runIf(available)('exits 2 with its usage when used wrongly', async () => {
    expect((await rewrite(['folder-only'])).code).toBe(usageExitCode);
  });
});
