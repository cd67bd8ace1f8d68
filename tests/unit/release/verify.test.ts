import { appendFile, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatChecksums, parseChecksums, sha256Hex } from '../../../scripts/release/checksums.ts';
import { signMinisig } from '../../../scripts/release/minisign.ts';
import { rewriteOrigin } from '../../../scripts/release/rewrite-origin.ts';
import { signRelease } from '../../../scripts/release/sign.ts';
import { formatReport, isExactCopy, verifyMirror, type VerifyReport } from '../../../scripts/release/verify.ts';
import {
  canonicalOrigin,
  copySite,
  filesNamingOrigin,
  makeKeys,
  makeSignedSite,
  removeTempDirs,
  run,
  siteFilePaths,
  stylesheet,
  type KeyFiles,
} from './fixture.ts';

afterAll(removeTempDirs);

const mirrorAddress = 'https://mirror.example/some/path/';
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
    expect(report.canonicalOrigin).toBe(canonicalOrigin);
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
    await signRelease(copy, { canonicalOrigin, secretKeyPath: other.secretKeyPath, log: () => undefined });

    await expect(verify(copy)).rejects.toThrow(
      /^SHA256SUMS is not signed by the release key: it was made with key \w{16}, but/,
    );
  });

  it('refuses a copy without a signature', async () => {
    const copy = await copySite(release);
    await rm(path.join(copy, 'SHA256SUMS.minisig'));

    await expect(verify(copy)).rejects.toThrow(`${copy} has no SHA256SUMS.minisig, so it cannot be checked`);
  });

  it('refuses a signed SHA256SUMS whose path leaves the copy', async () => {
    const copy = await copySite(release);
    const hostile = `${await readFile(path.join(copy, 'SHA256SUMS'), 'utf8')}${'0'.repeat(64)}  ../outside.html\n`;
    await writeFile(path.join(copy, 'SHA256SUMS'), hostile);
    const comment = `timestamp:1\tfile:SHA256SUMS\torigin:${canonicalOrigin}`;
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

describe('a copy rewritten for its link previews', () => {
  let rewritten: string;

  beforeAll(async () => {
    rewritten = await copySite(release);
    await rewriteOrigin(rewritten, mirrorAddress);
  });

  it('names the mirror in exactly the files that named the canonical origin', async () => {
    expect(await readFile(path.join(rewritten, 'MIRROR_ORIGIN'), 'utf8')).toBe(`${mirrorAddress}\n`);
    for (const file of await listedFiles(rewritten)) {
      const [before, after] = await Promise.all([
        readFile(path.join(release, file), 'latin1'),
        readFile(path.join(rewritten, file), 'latin1'),
      ]);
      expect(after, file).toBe(
        filesNamingOrigin.includes(file) ? before.replaceAll(canonicalOrigin, mirrorAddress) : before,
      );
    }
  });

  it('still verifies, each rewritten file reported by name', async () => {
    const report = await verify(rewritten);

    expect(differences(report)).toEqual({ ...noDifferences, rewritten: [...filesNamingOrigin].sort() });
    expect(report.mirrorOrigin).toBe(mirrorAddress);
    const text = formatReport(report);
    expect(text).toContain(`link previews and canonical links name ${mirrorAddress} instead of ${canonicalOrigin}`);
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
    const genuine = await node('scripts/verify.ts', release, '--public-key', keys.publicKeyPath);
    expect(genuine.code).toBe(0);
    expect(genuine.stdout).toMatch(/\nOK: all \d+ files match the signed release\.\n$/);

    const copy = await copySite(release);
    await rm(path.join(copy, 'og/en.png'));
    const altered = await node('scripts/verify.ts', copy, '--public-key', keys.publicKeyPath);
    expect(altered.code).toBe(1);
    expect(altered.stdout).toMatch(/\n {2}MISSING: og\/en\.png\nFAILED: 1 missing \(of \d+ listed files\): .*\n$/);
  });

  it('checks against the pinned release key by default', async () => {
    const result = await node('scripts/verify.ts', release);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAILED: SHA256SUMS is not signed by the release key: it was made with key/);
  });

  it('rewrites a copy that then still verifies', async () => {
    const copy = await copySite(release);
    const rewrite = await node('scripts/rewrite-origin.ts', copy, 'https://mirror.example/x');
    expect(rewrite.stderr).toBe('');
    expect(rewrite.stdout).toContain(`${filesNamingOrigin.length} files in ${copy} now name https://mirror.example/x/`);
    const verified = await node('scripts/verify.ts', copy, '--public-key', keys.publicKeyPath);
    expect(verified.code).toBe(0);
  });

  it('exits 2 with its usage when used wrongly', async () => {
    for (const args of [[], ['a', 'b'], ['--nonsense', 'a']]) {
      const result = await node('scripts/verify.ts', ...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('usage: npm run verify -- <web address or folder>');
    }
    expect((await node('scripts/rewrite-origin.ts', 'folder-only')).code).toBe(2);
  });
});
