import { appendFile, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatChecksums, parseChecksums, sha256Hex } from '../../../pipeline/release/checksums.ts';
import { signMinisig } from '../../../pipeline/release/minisign.ts';
import { keepsAddress } from '../../../pipeline/mirror-tools/mirror-source.ts';
import { rewriteOrigin } from '../../../pipeline/mirror-tools/rewrite-origin.ts';
import { qrCodeMarkup } from '../../../src/lib/qr-code.ts';
import { signReleaseFile } from '../../../pipeline/release/sign.ts';
import { formatReport, isExactCopy, verifyMirror, type VerifyReport } from '../../../pipeline/mirror-tools/verify.ts';
import { serve } from '../../../pipeline/mirror-tools/serve.ts';
import {
  canonicalOrigin,
  copySite,
  filesNamingOrigin,
  fixtureRelease,
  makeKeys,
  makeSite,
  mirrorAddress,
  makeSignedSite,
  releaseCommit,
  releaseTimestamp,
  removeTempDirs,
  run,
  signSite,
  siteFilePaths,
  stylesheet,
  type KeyFiles,
} from '../../support/release-fixture.ts';

afterAll(removeTempDirs);

let keys: KeyFiles;
let release: string;

beforeAll(async () => {
  keys = await makeKeys();
  release = await makeSignedSite(keys);
});

function verify(dir: string): Promise<VerifyReport> {
  return verifyMirror(dir, { publicKey: keys.publicKey });
}

/** What the report lists, without the fields that say who signed when. */
function differences(report: VerifyReport) {
  const { rewritten, altered, missing, unreadable, unexpected } = report;
  return { rewritten, altered, missing, unreadable, unexpected };
}

const noDifferences = { rewritten: [], altered: [], missing: [], unreadable: [], unexpected: [] };

async function listedFiles(dir: string): Promise<string[]> {
  return parseChecksums(await readFile(path.join(dir, 'SHA256SUMS'), 'utf8')).map((entry) => entry.path);
}

describe('verify a folder', () => {
  it('passes the signed release, every listed file checked', async () => {
    const report = await verify(release);

    expect(differences(report)).toEqual(noDifferences);
    expect(isExactCopy(report)).toBe(true);
    expect(report.listed).toBe(siteFilePaths.length);
    expect(report.signature?.statement.origin).toBe(canonicalOrigin);
    expect(formatReport(report)).toMatch(/\nOK: all \d+ files match the signed release\.$/);
  });

  it('also takes the folder as a file: URL', async () => {
    expect(isExactCopy(await verify(pathToFileURL(release).href))).toBe(true);
  });

  it('names a page changed by one byte', async () => {
    const copy = await copySite(release);
    const page = path.join(copy, 'en/petition/index.html');
    const bytes = await readFile(page);
    const at = bytes.indexOf('English');
    expect(at).toBeGreaterThan(0);
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0x20, at); // "English" → "english"
    await writeFile(page, bytes);

    const report = await verify(copy);
    expect(differences(report)).toEqual({ ...noDifferences, altered: ['en/petition/index.html'] });
    expect(formatReport(report)).toContain('  ALTERED: en/petition/index.html\nFAILED: 1 altered (of');
  });

  it('names a deleted file', async () => {
    const copy = await copySite(release);
    await rm(path.join(copy, '_astro/site.css'));

    const report = await verify(copy);
    expect(differences(report)).toEqual({ ...noDifferences, missing: ['_astro/site.css'] });
    expect(formatReport(report)).toContain('  MISSING: _astro/site.css\nFAILED: 1 missing');
  });

  it('names an added file', async () => {
    const copy = await copySite(release);
    await writeFile(path.join(copy, 'en/track.js'), 'fetch("https://tracker.example/")');

    const report = await verify(copy);
    expect(differences(report)).toEqual({ ...noDifferences, unexpected: ['en/track.js'] });
    expect(formatReport(report)).toContain('  UNEXPECTED: en/track.js\nFAILED: 1 unexpected');
  });

  it('refuses a SHA256SUMS rewritten to match a changed page', async () => {
    const copy = await copySite(release);
    await appendFile(path.join(copy, 'en/index.html'), '<script src="https://tracker.example/t.js"></script>');
    const entries = parseChecksums(await readFile(path.join(copy, 'SHA256SUMS'), 'utf8')).map((entry) =>
      entry.path === 'en/index.html' ? { ...entry, sha256: sha256Hex(Buffer.from('x')) } : entry,
    );
    await writeFile(path.join(copy, 'SHA256SUMS'), formatChecksums(entries));

    await expect(verify(copy)).rejects.toThrow(
      'SHA256SUMS is not signed by the release key: the signature does not match the signed file',
    );
  });

  it('refuses a release signed by another key, naming both keys', async () => {
    const copy = await copySite(release);
    const other = await makeKeys();
    await signSite(copy, other);

    await expect(verify(copy)).rejects.toThrow(
      /^SHA256SUMS is not signed by the release key: it was made with key \w{16}, but/,
    );
  });

  it('fails a copy without a signature, saying what that means and how a build is signed', async () => {
    const copy = await copySite(release);
    await rm(path.join(copy, 'SHA256SUMS.minisig'));

    const report = await verify(copy);
    expect(report.signature).toBeUndefined();
    expect(isExactCopy(report)).toBe(false);
    const text = formatReport(report);
    expect(text).toContain('UNSIGNED: there is no SHA256SUMS.minisig, so nothing shows who made this copy');
    expect(text).toMatch(
      /\nFAILED: not signed \(the \d+ files match its SHA256SUMS\), so it proves nothing about who made it\. A release build is signed by npm run sign with the release key\.$/,
    );
  });

  it('refuses a signed SHA256SUMS whose path leaves the copy', async () => {
    const copy = await copySite(release);
    const hostile = `${await readFile(path.join(copy, 'SHA256SUMS'), 'utf8')}${'0'.repeat(64)}  ../outside.html\n`;
    await writeFile(path.join(copy, 'SHA256SUMS'), hostile);
    const comment = `timestamp:1\tfile:SHA256SUMS\tkind:site\torigin:${canonicalOrigin}\tcommit:unknown`;
    await writeFile(path.join(copy, 'SHA256SUMS.minisig'), signMinisig(Buffer.from(hostile), keys.secretKey, comment));

    await expect(verify(copy)).rejects.toThrow(/^SHA256SUMS line \d+: the path "\.\.\/outside\.html" contains "\.\."$/);
  });

  it('does not follow a symbolic link out of the copy', async () => {
    const copy = await copySite(release);
    const outside = path.join(await copySite(release), 'en/index.html');
    await rm(path.join(copy, 'en/index.html'));
    await symlink(outside, path.join(copy, 'en/index.html'));

    const report = await verify(copy);
    expect(differences(report)).toEqual({
      ...noDifferences,
      unreadable: [{ path: 'en/index.html', reason: 'a symbolic link, or behind one' }],
    });
  });
});

describe('what a release says about itself', () => {
  it('prints the release’s date and commit from the signature', async () => {
    const text = formatReport(await verify(release));
    expect(text).toContain('\nSignature: good, by key ');
    expect(text).toContain(
      `\nRelease: 2023-11-14 22:13 UTC, commit ${releaseCommit.slice(0, 12)}, built for ${canonicalOrigin}\n`,
    );
  });

  it('refuses, at a copy’s root, a signed list that says it is something else (a stand-in release)', async () => {
    const copy = await copySite(release);
    const checksums = await readFile(path.join(copy, 'SHA256SUMS'));
    const comment = `timestamp:${releaseTimestamp}\tfile:belarus-unions-record.zip\tkind:archive\torigin:${canonicalOrigin}\tcommit:${releaseCommit}`;
    await writeFile(path.join(copy, 'SHA256SUMS.minisig'), signMinisig(checksums, keys.secretKey, comment));

    await expect(verify(copy)).rejects.toThrow(
      "the signature at the copy's root (SHA256SUMS.minisig) is for belarus-unions-record.zip (kind:archive), not for SHA256SUMS (kind:site)",
    );
  });

  it('refuses a signature whose statement says nothing of what it signs', async () => {
    const copy = await copySite(release);
    const checksums = await readFile(path.join(copy, 'SHA256SUMS'));
    const comment = `timestamp:${releaseTimestamp}\tfile:SHA256SUMS\torigin:${canonicalOrigin}`;
    await writeFile(path.join(copy, 'SHA256SUMS.minisig'), signMinisig(checksums, keys.secretKey, comment));

    await expect(verify(copy)).rejects.toThrow('has no kind:<site|archive|car> field');
  });

  it('fails a copy older than --not-older-than, and passes one as new', async () => {
    const tooOld = await verifyMirror(release, { publicKey: keys.publicKey, notOlderThan: new Date('2024-01-01') });
    expect(isExactCopy(tooOld)).toBe(false);
    expect(formatReport(tooOld)).toMatch(/\n {2}TOO OLD: the release is older than 2024-01-01\nFAILED: too old /);
    const recent = await verifyMirror(release, { publicKey: keys.publicKey, notOlderThan: new Date('2023-11-14') });
    expect(isExactCopy(recent)).toBe(true);
  });

  it('says when the main site has a newer release, from its signature alone', async () => {
    const newer = await makeSite();
    await signSite(newer, keys, { timestamp: releaseTimestamp + 30 * 86_400, commit: 'f'.repeat(40) });
    const report = await verifyMirror(release, { publicKey: keys.publicKey, latestFrom: newer });
    expect(isExactCopy(report)).toBe(true);
    expect(formatReport(report)).toContain(
      `\nNewer release: 2023-12-14 22:13 UTC, commit ffffffffffff at ${newer}; this copy is 30 days older\n`,
    );
    const same = await verifyMirror(release, { publicKey: keys.publicKey, latestFrom: release });
    expect(formatReport(same)).toContain(`\nLatest release: this copy has it (as ${release} says)\n`);
  });
});

describe('host files', () => {
  it('lists _headers in SHA256SUMS, so a copy cannot change what the host sends', async () => {
    expect(await listedFiles(release)).toContain('_headers');
    const copy = await copySite(release);
    await appendFile(
      path.join(copy, '_headers'),
      '  Refresh: 0; url=https://phish.example/\n  Link: <https://third.example/t.js>; rel=preload; as=script\n',
    );

    const report = await verify(copy);
    expect(differences(report)).toEqual({ ...noDifferences, altered: ['_headers'] });
    expect(isExactCopy(report)).toBe(false);
  });
});

describe('the site archive and the CAR, signed on their own', () => {
  const archive = 'downloads/belarus-unions-record.zip';
  const signWith = (dir: string, commit = releaseCommit) =>
    signReleaseFile(dir, { path: archive, kind: 'archive' }, keys.secretKey, { ...fixtureRelease, commit });

  async function withArchive(): Promise<string> {
    const copy = await copySite(release);
    await mkdir(path.join(copy, 'downloads'), { recursive: true });
    await writeFile(path.join(copy, archive), 'PK… the whole site');
    await signWith(copy);
    return copy;
  }

  it('are checked against their signatures when a copy carries them, and noted when it does not', async () => {
    const report = await verify(await withArchive());
    expect(isExactCopy(report)).toBe(true);
    expect(report.bundles.map((bundle) => [bundle.path, bundle.outcome])).toEqual([
      [archive, 'genuine'],
      ['downloads/belarus-unions-record.car', 'absent'],
    ]);
    const text = formatReport(report);
    expect(text).toContain(`\n  site archive ${archive}: signed for this release\n`);
    expect(text).toContain('\n  note: this copy does not carry the IPFS CAR (downloads/belarus-unions-record.car)\n');
  });

  it('fail when altered, unsigned or from another release', async () => {
    const altered = await withArchive();
    await appendFile(path.join(altered, archive), 'more');
    expect((await verify(altered)).bundles[0]?.outcome).toBe('altered');

    const unsigned = await withArchive();
    await rm(path.join(unsigned, `${archive}.minisig`));
    expect((await verify(unsigned)).bundles[0]?.outcome).toBe('unsigned');

    const older = await withArchive();
    await signWith(older, 'a'.repeat(40));
    const report = await verify(older);
    expect(report.bundles[0]?.outcome).toBe('other release');
    expect(isExactCopy(report)).toBe(false);
    expect(formatReport(report)).toMatch(
      /\n {2}OTHER RELEASE: downloads\/belarus-unions-record\.zip is signed for 2023-11-14 22:13 UTC, commit aaaaaaaaaaaa, not for this copy's release\nFAILED: 1 bundles not of this release /,
    );
  });
});

describe('a folder with a name that is not UTF-8', () => {
  it('is reported as unexpected, with its bytes shown, instead of breaking the check', async () => {
    const copy = await copySite(release);
    const folder = Buffer.concat([Buffer.from(path.join(copy, 'en/')), Buffer.from([0x62, 0x61, 0x64, 0xff])]);
    await mkdir(folder);
    await writeFile(Buffer.concat([folder, Buffer.from('/page.html')]), 'x');

    const report = await verify(copy);
    expect(differences(report)).toEqual({ ...noDifferences, unexpected: ['en/bad\\xff/page.html'] });
  });
});

describe('a copy rewritten for its link previews, to an address the site itself already names', () => {
  let rewritten: string;

  beforeAll(async () => {
    rewritten = await copySite(release);
    await rewriteOrigin(rewritten, mirrorAddress);
  });

  it('names the mirror in exactly the files that named the canonical origin, QR codes and share links too', async () => {
    // The mirrors page listed the mirror's address three times before the rewrite, after four canonical URLs.
    expect(await readFile(path.join(rewritten, 'MIRROR_ORIGIN'), 'utf8')).toBe(
      `${mirrorAddress}\nen/mirrors/index.html\t5 6 7\n`,
    );
    const pageUrl = (origin: string) => `${origin}en/petition/`;
    const [canonicalQr, mirrorQr] = [qrCodeMarkup(pageUrl(canonicalOrigin)), qrCodeMarkup(pageUrl(mirrorAddress))];
    for (const file of await listedFiles(rewritten)) {
      const [before, after] = await Promise.all([
        readFile(path.join(release, file), 'latin1'),
        readFile(path.join(rewritten, file), 'latin1'),
      ]);
      const expected = filesNamingOrigin.includes(file)
        ? before
            .replaceAll(canonicalQr, mirrorQr)
            .replaceAll(canonicalOrigin, mirrorAddress)
            .replaceAll(encodeURIComponent(canonicalOrigin), encodeURIComponent(mirrorAddress))
        : before;
      expect(after, file).toBe(expected);
    }
    const petition = await readFile(path.join(rewritten, 'en/petition/index.html'), 'latin1');
    expect(petition).toContain(mirrorQr);
    expect(petition).not.toContain(canonicalQr);
    expect(petition).toContain(`url=${encodeURIComponent(pageUrl(mirrorAddress))}`);
  });

  it('still verifies, each rewritten file reported by name', async () => {
    const report = await verify(rewritten);

    expect(differences(report)).toEqual({ ...noDifferences, rewritten: [...filesNamingOrigin].sort() });
    expect(report.mirrorOrigin).toBe(mirrorAddress);
    const text = formatReport(report);
    expect(text).toContain(
      `link previews, share links and QR codes name ${mirrorAddress} instead of ${canonicalOrigin}`,
    );
    expect(text).toContain('  rewritten for link previews: en/index.html\n');
    expect(text).toMatch(
      new RegExp(
        `\nOK: all \\d+ files match the signed release \\(${filesNamingOrigin.length} rewritten for link previews\\)\\.$`,
      ),
    );
  });

  it('fails when a rewritten page has one more change', async () => {
    const copy = await copySite(rewritten);
    const page = path.join(copy, 'en/index.html');
    await writeFile(page, (await readFile(page, 'utf8')).replace('Petition', 'Petitlon'));

    const report = await verify(copy);
    expect(report.altered).toEqual(['en/index.html']);
    expect(report.rewritten).not.toContain('en/index.html');
    expect(isExactCopy(report)).toBe(false);
  });

  it('fails when the address is rewritten in a file that may not name it', async () => {
    const copy = await copySite(rewritten);
    const css = await readFile(path.join(copy, stylesheet), 'utf8');
    expect(css).toContain(canonicalOrigin);
    await writeFile(path.join(copy, stylesheet), css.replaceAll(canonicalOrigin, mirrorAddress));

    expect((await verify(copy)).altered).toEqual([stylesheet]);
  });

  it.each([
    ['a quote', 'https://mirror.example/"><script>alert(1)</script>/', '"\\""'],
    ['an angle bracket', 'https://mirror.example/<img/', '"<"'],
  ])('is refused when MIRROR_ORIGIN holds %s', async (_, hostile, character) => {
    const copy = await copySite(release);
    for (const file of filesNamingOrigin) {
      const bytes = await readFile(path.join(copy, file), 'latin1');
      await writeFile(path.join(copy, file), bytes.replaceAll(canonicalOrigin, hostile), 'latin1');
    }
    await writeFile(path.join(copy, 'MIRROR_ORIGIN'), `${hostile}\n`);

    await expect(verify(copy)).rejects.toThrow(`MIRROR_ORIGIN ${JSON.stringify(hostile)} contains ${character}`);
  });

  it('can move to another address, and back to the release byte for byte', async () => {
    const copy = await copySite(rewritten);
    await rewriteOrigin(copy, 'http://127.0.0.1:8080/x');
    expect(isExactCopy(await verify(copy))).toBe(true);
    expect(await readFile(path.join(copy, 'en/index.html'), 'utf8')).toContain('http://127.0.0.1:8080/x/en/');

    await rewriteOrigin(copy, canonicalOrigin);
    for (const file of await listedFiles(release)) {
      expect((await readFile(path.join(copy, file))).equals(await readFile(path.join(release, file))), file).toBe(true);
    }
    await expect(readFile(path.join(copy, 'MIRROR_ORIGIN'))).rejects.toThrow(/ENOENT/);
  });

  it('is refused by rewrite-origin when the copy was altered, leaving every file as it was', async () => {
    const copy = await copySite(release);
    await appendFile(path.join(copy, 'sitemap.xml'), '<!-- -->');
    const before = await readFile(path.join(copy, 'en/index.html'));

    await expect(rewriteOrigin(copy, mirrorAddress)).rejects.toThrow(
      'sitemap.xml differs from the signed release; start again from a copy that npm run verify passes',
    );
    expect((await readFile(path.join(copy, 'en/index.html'))).equals(before)).toBe(true);
    await expect(readFile(path.join(copy, 'MIRROR_ORIGIN'))).rejects.toThrow(/ENOENT/);
  });
});

describe('the command line', () => {
  const node = (script: string, ...args: string[]) => run(process.execPath, [script, ...args]);

  it('exits 0 on a genuine copy and 1 on an altered one, ending with a summary line', async () => {
    const genuine = await node('pipeline/verify.ts', release, '--public-key', keys.publicKeyPath);
    expect(genuine.code).toBe(0);
    expect(genuine.stdout).toMatch(/\nOK: all \d+ files match the signed release\.\n$/);

    const copy = await copySite(release);
    await rm(path.join(copy, 'og/en.png'));
    const altered = await node('pipeline/verify.ts', copy, '--public-key', keys.publicKeyPath);
    expect(altered.code).toBe(1);
    expect(altered.stdout).toMatch(/\n {2}MISSING: og\/en\.png\nFAILED: 1 missing \(of \d+ listed files\): .*\n$/);
  });

  it('checks against the pinned release key by default', async () => {
    const result = await node('pipeline/verify.ts', release);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAILED: SHA256SUMS is not signed by the release key: it was made with key/);
  });

  it('rewrites a copy that then still verifies', async () => {
    const copy = await copySite(release);
    const rewrite = await node('pipeline/rewrite-origin.ts', copy, 'https://mirror.example/x');
    expect(rewrite.stderr).toBe('');
    expect(rewrite.stdout).toContain(`${filesNamingOrigin.length} files in ${copy} now name https://mirror.example/x/`);
    const verified = await node('pipeline/verify.ts', copy, '--public-key', keys.publicKeyPath);
    expect(verified.code).toBe(0);
  });

  it('prints its help with --help and exits 0', async () => {
    const result = await node('pipeline/verify.ts', '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('usage: npm run verify -- <web address or folder>');
    expect(result.stdout).toContain('--time-limit <seconds>');
  });

  it('exits 2 with its usage when used wrongly', async () => {
    for (const args of [[], ['a', 'b'], ['--nonsense', 'a']]) {
      const result = await node('pipeline/verify.ts', ...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('usage: npm run verify -- <web address or folder>');
    }
    expect((await node('pipeline/rewrite-origin.ts', 'folder-only')).code).toBe(2);
  });
});

describe('a web mirror at the addresses readers open: no redirect away, the same page with a query', () => {
  const prefix = '/mirror/a/';
  const servers: Server[] = [];
  /** The five folder addresses of the fixture, root last, as verify names them. */
  const folders = ['be/пэтыцыя/', 'en/', 'en/mirrors/', 'en/petition/', './ (the root)'];

  afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

  async function listen(server: Server): Promise<string> {
    servers.push(server);
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}${prefix}`;
  }

  /** The site path a request asks for, decoded, with its leading slash: `/en/`. */
  const sitePathOf = (url: URL) => decodeURIComponent(url.pathname).slice(prefix.length - 1);

  /** The release's bytes for a site path, a folder's being its index.html; undefined where the release has none. */
  const genuine = (sitePath: string) =>
    readFile(path.join(release, sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath)).catch(() => undefined);

  /** A mirror that answers as `answer` says, or else with the genuine release (404 where it has no such file). */
  function mirrorServer(
    answer: (url: URL, sitePath: string) => { redirect: string } | { body: string | Buffer } | undefined,
  ): Promise<string> {
    const listener: RequestListener = async (request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      const sitePath = sitePathOf(url);
      const own = answer(url, sitePath);
      if (own !== undefined && 'redirect' in own) {
        response.writeHead(302, { location: own.redirect }).end();
        return;
      }
      const bytes = own?.body ?? (await genuine(sitePath));
      if (bytes === undefined) response.writeHead(404).end();
      else response.end(bytes);
    };
    return listen(createServer(listener));
  }

  const forged = '<!doctype html>\n<p>FORGED: the ILO has withdrawn its report.</p>\n';

  it('follows only a redirect between a folder’s address and its index.html, the query kept or dropped', () => {
    const at = (href: string) => new URL(href, 'https://m.example/a/');
    const cases: [string, string, boolean][] = [
      ['en/', 'en/index.html', true],
      ['en/?q=x', 'en/index.html?q=x', true],
      ['en/?q=x', 'en/index.html', true],
      ['en/index.html', 'en/', true],
      ['', 'index.html', true],
      ['be/%D0%BF/', 'be/%d0%bf/index.html', true],
      ['en/', '../x/en/', false],
      ['en/', 'en', false],
      ['feed.xml', 'feed.xml/', false],
      ['en/?q=x', 'en/?q=y', false],
      ['en/', 'https://other.example/a/en/', false],
      ['en/', 'http://m.example/a/en/', false],
    ];
    for (const [asked, next, keeps] of cases)
      expect(keepsAddress(at(asked), at(next)), `${asked} → ${next}`).toBe(keeps);
  });

  it('fails a mirror that redirects en/ to another path serving its genuine bytes, naming where it leads', async () => {
    // The genuine en/ at /x/en/, but every link a reader follows from there stays under /x/, where it forges.
    const genuineEn = (await genuine('/en/')) ?? Buffer.alloc(0);
    const url = await mirrorServer((_, sitePath) => {
      if (sitePath === '/en/') return { redirect: `${prefix}x/en/` };
      if (sitePath === '/x/en/') return { body: genuineEn };
      if (sitePath.startsWith('/x/')) return { body: forged };
      return undefined;
    });
    const where = `${url}x/en/`;
    // A fetch that follows the redirect gets en/index.html's bytes, as verify did before.
    const followed = await fetch(`${url}en/`);
    expect(followed.url).toBe(where);
    expect(Buffer.from(await followed.arrayBuffer()).equals(genuineEn)).toBe(true);
    expect(await (await fetch(new URL('petition/', where))).text()).toContain('FORGED');

    const report = await verify(url);
    expect(report.altered).toEqual([]);
    expect(report.folderAddresses).toEqual([
      {
        address: 'en/',
        problem: `redirects to ${where}, away from its own address and en/index.html: a browser resolves the page's links from there, so they lead wherever the server says`,
      },
    ]);
    const text = formatReport(report);
    expect(text).toContain(`\n  FOLDER ADDRESS: en/ redirects to ${where}, away from its own address`);
    // A redirect away is no host's slip that the guide's configuration fixes: no advice, what was seen instead.
    expect(text).not.toContain('to fix, on a mirror you run:');
    expect(text).toMatch(/\nFAILED: 1 folder addresses answered otherwise \(of \d+ listed files\)/);
  });

  it('fails a mirror that redirects a listed file away from its address, naming the file and where', async () => {
    const url = await mirrorServer((_, sitePath) =>
      sitePath === '/en/petition/index.html' ? { redirect: `${prefix}x/en/petition/index.html` } : undefined,
    );
    const report = await verify(url);
    const reason = `redirected to ${url}x/en/petition/index.html, away from its own address`;
    expect(report.unreadable).toEqual([{ path: 'en/petition/index.html', reason }]);
    expect(isExactCopy(report)).toBe(false);
    expect(formatReport(report)).toContain(`\n  UNREADABLE: en/petition/index.html (${reason})\n`);
  });

  it('fails a mirror that forges every page asked with a query, naming each address with the query it sent', async () => {
    const queries: string[] = [];
    const url = await mirrorServer((asked, sitePath) => {
      if (asked.search === '') return undefined;
      queries.push(`${sitePath}${asked.search}`);
      return { body: forged };
    });

    const report = await verify(url);
    expect(report.altered).toEqual([]);
    // One request with a query for each folder address, and no other.
    expect(queries).toHaveLength(folders.length);
    const query = /^\/en\/(\?q=[a-z]{10})$/.exec(queries.find((asked) => asked.startsWith('/en/?')) ?? '')?.[1];
    expect(query).toBeDefined();
    expect(report.folderAddresses.map(({ address }) => address)).toEqual(
      folders.map((folder) => (folder === './ (the root)' ? `./${query} (the root)` : `${folder}${query}`)),
    );
    expect(report.folderAddresses).toContainEqual({
      address: `en/${query}`,
      problem:
        "answers other bytes than en/index.html, though en/ answers those: a query (a search, a messenger's ?fbclid=…) changes nothing on a genuine copy",
    });
    const text = formatReport(report);
    expect(text).toContain(`\n  FOLDER ADDRESS: en/${query} answers other bytes than en/index.html, though en/`);
    expect(text).not.toContain('to fix, on a mirror you run:');
    expect(text).toMatch(/\nFAILED: 5 folder addresses answered otherwise \(of \d+ listed files\)/);

    // A new query on every run, so that a mirror cannot answer that one alone genuinely.
    queries.length = 0;
    await verify(url);
    expect(queries.find((asked) => asked.startsWith('/en/?'))).not.toBe(`/en/${query}`);
  });

  it('fails a mirror that redirects away only what is asked with a query', async () => {
    const url = await mirrorServer((asked, sitePath) =>
      asked.search !== '' && sitePath === '/' ? { redirect: `${prefix}x/${asked.search}` } : undefined,
    );
    const report = await verify(url);
    expect(report.folderAddresses).toEqual([
      {
        address: expect.stringMatching(/^\.\/\?q=[a-z]{10} \(the root\)$/),
        problem: expect.stringMatching(
          new RegExp(`^redirects to ${url.replaceAll('.', '\\.')}x/\\?q=[a-z]{10}, away from its own address`),
        ),
      },
    ]);
  });

  it('passes a mirror whose redirects stay at the address: a folder to its index.html and back, queries kept', async () => {
    const toIndex = await mirrorServer((asked, sitePath) =>
      sitePath.endsWith('/')
        ? { redirect: `${encodeURI(`${prefix.slice(0, -1)}${sitePath}`)}index.html${asked.search}` }
        : undefined,
    );
    expect(formatReport(await verify(toIndex))).toMatch(/\nOK: all \d+ files match the signed release\.$/);

    // As a host that names pages by their folders does: index.html redirects to the folder, which serves it.
    const toFolder = await mirrorServer((_, sitePath) =>
      sitePath.endsWith('/index.html')
        ? { redirect: encodeURI(`${prefix.slice(0, -1)}${sitePath.slice(0, -10)}`) }
        : undefined,
    );
    expect(isExactCopy(await verify(toFolder))).toBe(true);
  });

  it('passes the genuine copy served by npm run serve, asking each folder address once more with a query', async () => {
    const server = await serve({ dir: release, port: 0, prefix });
    const asked: string[] = [];
    server.on('request', (request: { url?: string }) => asked.push(request.url ?? ''));
    const url = await listen(server);

    const report = await verify(url);
    expect(formatReport(report)).toMatch(/\nOK: all \d+ files match the signed release\.$/);
    const withQuery = asked.filter((target) => target.includes('?'));
    expect(withQuery).toHaveLength(folders.length);
    for (const target of withQuery) expect(target).toMatch(/\/\?q=[a-z]{10}$/);
  });
});
