/**
 * `verify` on a copy in a folder: its signature and what that says of the release, every listed file, what else
 * the folder holds, and the site archive and the CAR.
 */
import { appendFile, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatChecksums, parseChecksums, sha256Hex } from '../../../pipeline/release/checksums.ts';
import { keyIdHex, signMinisig } from '../../../pipeline/release/minisign.ts';
import { signReleaseFile } from '../../../pipeline/release/sign.ts';
import { verifyMirror } from '../../../pipeline/mirror-tools/verify.ts';
import { formatReport, isExactCopy, verdictOf } from '../../../pipeline/mirror-tools/verify-report.ts';
import {
  canonicalOrigin,
  copySite,
  fixtureRelease,
  makeKeys,
  makeSite,
  releaseCommit,
  releaseTimestamp,
  signSite,
  siteFilePaths,
} from '../../support/release-fixture.ts';
import { differences, listedFiles, noDifferences, signedReleaseForTests } from './verify-fixture.ts';

const signed = signedReleaseForTests();
const { verify } = signed;

describe('verify a folder', () => {
  it('passes the signed release, every listed file checked', async () => {
    const report = await verify(signed.release);

    expect(differences(report)).toEqual(noDifferences);
    expect(isExactCopy(report)).toBe(true);
    expect(report.listed).toBe(siteFilePaths.length);
    expect(report.signature?.statement.origin).toBe(canonicalOrigin);
    expect(formatReport(report)).toMatch(/\nOK: all \d+ files match the signed release\.$/);
  });

  it('also takes the folder as a file: URL', async () => {
    expect(isExactCopy(await verify(pathToFileURL(signed.release).href))).toBe(true);
  });

  it('names a page changed by one byte', async () => {
    const copy = await copySite(signed.release);
    const page = path.join(copy, 'en/petition/index.html');
    const bytes = await readFile(page);
    const at = bytes.indexOf('English');
    expect(at).toBeGreaterThan(0);
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0x20, at); // "English" → "english"
    await writeFile(page, bytes);

    const report = await verify(copy);
    expect(differences(report)).toEqual({ ...noDifferences, altered: ['en/petition/index.html'] });
    expect(formatReport(report)).toContain('  ALTERED: en/petition/index.html\nTAMPERED: 1 altered (of');
  });

  it('names a deleted file', async () => {
    const copy = await copySite(signed.release);
    await rm(path.join(copy, '_astro/site.css'));

    const report = await verify(copy);
    expect(differences(report)).toEqual({ ...noDifferences, missing: ['_astro/site.css'] });
    expect(formatReport(report)).toContain('  MISSING: _astro/site.css\nTAMPERED: 1 missing');
  });

  it('names an added file', async () => {
    const copy = await copySite(signed.release);
    await writeFile(path.join(copy, 'en/track.js'), 'fetch("https://tracker.example/")');

    const report = await verify(copy);
    expect(differences(report)).toEqual({ ...noDifferences, unexpected: ['en/track.js'] });
    expect(formatReport(report)).toContain('  UNEXPECTED: en/track.js\nTAMPERED: 1 unexpected');
  });

  it('refuses a SHA256SUMS rewritten to match a changed page', async () => {
    const copy = await copySite(signed.release);
    await appendFile(path.join(copy, 'en/index.html'), '<script src="https://tracker.example/t.js"></script>');
    const entries = parseChecksums(await readFile(path.join(copy, 'SHA256SUMS'), 'utf8')).map((entry) =>
      entry.path === 'en/index.html' ? { ...entry, sha256: sha256Hex(Buffer.from('x')) } : entry,
    );
    await writeFile(path.join(copy, 'SHA256SUMS'), formatChecksums(entries));

    await expect(verify(copy)).rejects.toMatchObject({
      verdict: 'tampered',
      message:
        'SHA256SUMS.minisig is by the release key, but does not match: the signature does not match the signed file',
    });
  });

  it('refuses a release signed by another key, naming both keys', async () => {
    const copy = await copySite(signed.release);
    const other = await makeKeys();
    await signSite(copy, other);

    await expect(verify(copy)).rejects.toMatchObject({
      verdict: 'other key',
      message: `SHA256SUMS.minisig was made with key ${keyIdHex(other.publicKey.keyId)}, not with the release key ${keyIdHex(signed.keys.publicKey.keyId)}`,
    });
  });

  it('calls a copy without a signature unsigned, telling its keeper where the signed release is', async () => {
    const copy = await copySite(signed.release);
    await rm(path.join(copy, 'SHA256SUMS.minisig'));

    const report = await verify(copy);
    expect(report.signature).toBeUndefined();
    expect(isExactCopy(report)).toBe(false);
    const text = formatReport(report);
    expect(verdictOf(report).name).toBe('unsigned');
    expect(text).toContain('\nSignature: none (no SHA256SUMS.minisig); ');
    expect(text).toMatch(
      /\nUNSIGNED: the \d+ files match this copy's own SHA256SUMS, but no signature vouches for it, so anyone could have made it \(a preview, or a copy stripped of its signature\): get the signed release from the main address\.$/,
    );
    expect(text).not.toMatch(/MINISIGN_SECRET_KEY|npm run sign/);
  });

  it('refuses a signed SHA256SUMS whose path leaves the copy', async () => {
    const copy = await copySite(signed.release);
    const hostile = `${await readFile(path.join(copy, 'SHA256SUMS'), 'utf8')}${'0'.repeat(64)}  ../outside.html\n`;
    await writeFile(path.join(copy, 'SHA256SUMS'), hostile);
    const comment = `timestamp:1\tfile:SHA256SUMS\tkind:site\torigin:${canonicalOrigin}\tcommit:unknown`;
    await writeFile(
      path.join(copy, 'SHA256SUMS.minisig'),
      signMinisig(Buffer.from(hostile), signed.keys.secretKey, comment),
    );

    await expect(verify(copy)).rejects.toThrow(/^SHA256SUMS line \d+: the path "\.\.\/outside\.html" contains "\.\."$/);
  });

  it('does not follow a symbolic link out of the copy', async () => {
    const copy = await copySite(signed.release);
    const outside = path.join(await copySite(signed.release), 'en/index.html');
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
    const text = formatReport(await verify(signed.release));
    expect(text).toContain('\nSignature: good, by key ');
    expect(text).toContain(
      `\nRelease: 2023-11-14 22:13 UTC, commit ${releaseCommit.slice(0, 12)}, built for ${canonicalOrigin}\n`,
    );
  });

  it('refuses, at a copy’s root, a signed list that says it is something else (a stand-in release)', async () => {
    const copy = await copySite(signed.release);
    const checksums = await readFile(path.join(copy, 'SHA256SUMS'));
    const comment = `timestamp:${releaseTimestamp}\tfile:belarus-unions-record.zip\tkind:archive\torigin:${canonicalOrigin}\tcommit:${releaseCommit}`;
    await writeFile(path.join(copy, 'SHA256SUMS.minisig'), signMinisig(checksums, signed.keys.secretKey, comment));

    await expect(verify(copy)).rejects.toThrow(
      "the signature at the copy's root (SHA256SUMS.minisig) is for belarus-unions-record.zip (kind:archive), not for SHA256SUMS (kind:site)",
    );
  });

  it('refuses a signature whose statement says nothing of what it signs', async () => {
    const copy = await copySite(signed.release);
    const checksums = await readFile(path.join(copy, 'SHA256SUMS'));
    const comment = `timestamp:${releaseTimestamp}\tfile:SHA256SUMS\torigin:${canonicalOrigin}`;
    await writeFile(path.join(copy, 'SHA256SUMS.minisig'), signMinisig(checksums, signed.keys.secretKey, comment));

    await expect(verify(copy)).rejects.toThrow('has no kind:<site|archive|car> field');
  });

  it('fails a copy older than --not-older-than, and passes one as new', async () => {
    const tooOld = await verifyMirror(signed.release, {
      publicKey: signed.keys.publicKey,
      notOlderThan: new Date('2024-01-01'),
    });
    expect(verdictOf(tooOld).name).toBe('too old');
    const text = formatReport(tooOld);
    expect(text).toMatch(
      /\nTOO OLD: this is the signed release of 2023-11-14 22:13 UTC, commit 0123456789ab, unchanged, but older than 2024-01-01: get the newer release from the main address\.$/,
    );
    expect(text).not.toContain('not the signed release');
    const recent = await verifyMirror(signed.release, {
      publicKey: signed.keys.publicKey,
      notOlderThan: new Date('2023-11-14'),
    });
    expect(isExactCopy(recent)).toBe(true);
  });

  it('says when the main site has a newer release, from its signature alone', async () => {
    const newer = await makeSite();
    await signSite(newer, signed.keys, { timestamp: releaseTimestamp + 30 * 86_400, commit: 'f'.repeat(40) });
    const report = await verifyMirror(signed.release, { publicKey: signed.keys.publicKey, latestFrom: newer });
    expect(verdictOf(report).name).toBe('too old');
    const text = formatReport(report);
    expect(text).toContain(
      `\nNewer release: 2023-12-14 22:13 UTC, commit ffffffffffff at ${newer}; this copy is 30 days older\n`,
    );
    expect(
      text.endsWith(
        `\nTOO OLD: this is the signed release of 2023-11-14 22:13 UTC, commit 0123456789ab, unchanged, but ${newer} has a newer one, of 2023-12-14 22:13 UTC, commit ffffffffffff: get the newer release from the main address.`,
      ),
    ).toBe(true);
    const same = await verifyMirror(signed.release, { publicKey: signed.keys.publicKey, latestFrom: signed.release });
    expect(formatReport(same)).toContain(`\nLatest release: this copy has it (as ${signed.release} says)\n`);
    expect(isExactCopy(same)).toBe(true);
  });
});

describe('host files', () => {
  it('lists _headers in SHA256SUMS, so a copy cannot change what the host sends', async () => {
    expect(await listedFiles(signed.release)).toContain('_headers');
    const copy = await copySite(signed.release);
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
    signReleaseFile(dir, { path: archive, kind: 'archive' }, signed.keys.secretKey, { ...fixtureRelease, commit });

  async function withArchive(): Promise<string> {
    const copy = await copySite(signed.release);
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
      /\n {2}OTHER RELEASE: downloads\/belarus-unions-record\.zip is signed for 2023-11-14 22:13 UTC, commit aaaaaaaaaaaa, not for this copy's release\nTAMPERED: 1 bundles not of this release /,
    );
  });
});

describe('a folder with a name that is not UTF-8', () => {
  it('is reported as unexpected, with its bytes shown, instead of breaking the check', async () => {
    const copy = await copySite(signed.release);
    const folder = Buffer.concat([Buffer.from(path.join(copy, 'en/')), Buffer.from([0x62, 0x61, 0x64, 0xff])]);
    await mkdir(folder);
    await writeFile(Buffer.concat([folder, Buffer.from('/page.html')]), 'x');

    const report = await verify(copy);
    expect(differences(report)).toEqual({ ...noDifferences, unexpected: ['en/bad\\xff/page.html'] });
  });
});
