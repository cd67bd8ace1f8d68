import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { keyOnDiskProblem } from '../../../scripts/build.ts';
import { sha256Hex, walkDirectory } from '../../../scripts/release/checksums.ts';
import { keyIdHex, parseMinisig } from '../../../scripts/release/minisign.ts';
import { parseTrustedComment } from '../../../scripts/release/release-format.ts';
import { signBuiltRelease, signRelease } from '../../../scripts/release/sign.ts';
import { writeRelease } from '../../../scripts/release/write-release.ts';
import { readIdentity } from '../../../src/lib/identity.ts';
import { formatFileSize } from '../../../src/lib/file-size.ts';
import { makeKeys, makeSite, makeTempDir, releaseCommit, releaseTimestamp, removeTempDirs, run } from './fixture.ts';

afterAll(removeTempDirs);

describe('signRelease', () => {
  it('signs SHA256SUMS so that minisign verifies it, recording the canonical origin', async () => {
    const keys = await makeKeys();
    const dir = await makeSite();
    const messages: string[] = [];
    const release = await signRelease(dir, {
      canonicalOrigin: 'https://belarus-unions.example',
      secretKeyPath: keys.secretKeyPath,
      log: (message) => messages.push(message),
    });

    expect(release.keyId).toBe(keyIdHex(keys.publicKey.keyId));
    expect(messages).toEqual([
      `SHA256SUMS lists ${release.files} files; signed with key ${release.keyId} in SHA256SUMS.minisig`,
    ]);
    const verified = await run('minisign', ['-Vm', 'SHA256SUMS', '-p', keys.publicKeyPath], { cwd: dir });
    expect(verified.code).toBe(0);
    const check = await run('sha256sum', ['--check', '--strict', '--quiet', 'SHA256SUMS'], { cwd: dir });
    expect(check.code).toBe(0);
    const signed = parseTrustedComment(
      parseMinisig(await readFile(path.join(dir, 'SHA256SUMS.minisig'), 'utf8')).trustedComment,
    );
    expect(signed.origin).toBe('https://belarus-unions.example/');
    expect(Math.abs(signed.timestamp - Date.now() / 1000)).toBeLessThan(60);
  });

  it('without a key writes SHA256SUMS only, removes a stale signature, and says so in one line', async () => {
    const dir = await makeSite();
    await writeFile(path.join(dir, 'SHA256SUMS.minisig'), 'stale\n');
    const messages: string[] = [];
    const release = await signRelease(dir, {
      canonicalOrigin: 'https://belarus-unions.example',
      log: (m) => messages.push(m),
    });

    expect(release.keyId).toBeUndefined();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/not signed \(set MINISIGN_SECRET_KEY/);
    const check = await run('sha256sum', ['--check', '--strict', '--quiet', 'SHA256SUMS'], { cwd: dir });
    expect(check.code).toBe(0);
    await expect(readFile(path.join(dir, 'SHA256SUMS.minisig'))).rejects.toThrow(/ENOENT/);
  });

  it('names the key file when it cannot sign with it', async () => {
    const keyPath = path.join(await makeTempDir(), 'public-not-secret.key');
    await writeFile(keyPath, (await makeKeys()).publicKeyFile);

    await expect(
      signRelease(await makeSite(), { canonicalOrigin: 'https://belarus-unions.example', secretKeyPath: keyPath }),
    ).rejects.toThrow(`cannot sign the release with ${keyPath}: the secret key is not 158 bytes of base64`);
  });

  it('refuses a canonical origin that is not a plain address', async () => {
    await expect(
      signRelease(await makeSite(), { canonicalOrigin: 'https://belarus-unions.example/?x' }),
    ).rejects.toThrow('the canonical origin "https://belarus-unions.example/?x/" contains "?"');
  });
});

describe('a fork’s own key', () => {
  it('npm run new-release-key writes a key pair that minisign signs and verifies with, and never overwrites a key', async () => {
    const dir = await makeTempDir();
    const secret = path.join(dir, 'release.key');
    const pub = path.join(dir, 'minisign.pub');
    const made = await run(process.execPath, ['scripts/new-release-key.ts', secret, '--public-key', pub]);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/^New release key [0-9A-F]{16}: the secret key is in /);
    await writeFile(path.join(dir, 'file'), 'signed\n');
    const signed = await run('minisign', ['-S', '-s', secret, '-m', path.join(dir, 'file')], { input: '' });
    expect(signed.code).toBe(0);
    expect((await run('minisign', ['-V', '-p', pub, '-m', path.join(dir, 'file')])).code).toBe(0);

    const again = await run(process.execPath, ['scripts/new-release-key.ts', secret, '--public-key', pub]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`cannot write ${secret}`);
  });

  it('signing with a key that is not the pinned one warns, naming both and what to do', async () => {
    const pinned = await makeKeys();
    const other = await makeKeys();
    const warnings: string[] = [];
    await signRelease(await makeSite(), {
      canonicalOrigin: 'https://belarus-unions.example',
      secretKeyPath: other.secretKeyPath,
      pinnedPublicKey: pinned.publicKeyFile,
      log: () => undefined,
      warn: (message) => warnings.push(message),
    });
    expect(warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^the release is signed with key ${keyIdHex(other.publicKey.keyId)}, but release/minisign.pub pins key ${keyIdHex(pinned.publicKey.keyId)}: .* A fork with its own key replaces release/minisign.pub`,
        ),
      ),
    ]);
    const silent: string[] = [];
    await signRelease(await makeSite(), {
      canonicalOrigin: 'https://belarus-unions.example',
      secretKeyPath: pinned.secretKeyPath,
      pinnedPublicKey: pinned.publicKeyFile,
      log: () => undefined,
      warn: (message) => silent.push(message),
    });
    expect(silent).toEqual([]);
  });
});

describe('signBuiltRelease, as `npm run sign` runs it on a release build', () => {
  const identity = readIdentity({
    SITE_URL: 'https://record.belarus-unions.org/',
    REPOSITORY_URL: 'https://codeberg.org/belarus-unions/record',
    CONTACT_EMAIL: 'keepers@belarus-unions.org',
    PUBLISHER: 'unnamed',
  });
  const archivePath = 'downloads/belarus-unions-record.zip';

  /** The fixture site with a downloads page that gives the archive's size, built as `--release` builds it. */
  async function releaseBuild(): Promise<string> {
    const dir = await makeSite();
    await mkdir(path.join(dir, 'en/downloads'), { recursive: true });
    await writeFile(
      path.join(dir, 'en/downloads/index.html'),
      `<!doctype html><html lang="en"><body><a href="../../${archivePath}">ZIP, <span data-size-of="/${archivePath}"></span></a></body></html>\n`,
    );
    await writeRelease(dir, {
      canonicalOrigin: identity.siteUrl,
      revision: { commit: releaseCommit, timestamp: releaseTimestamp, source: 'SOURCE_DATE_EPOCH' },
      release: true,
      identity,
      log: () => undefined,
    });
    return dir;
  }

  /** Every file of a folder with its bytes. */
  async function snapshot(dir: string): Promise<Map<string, string>> {
    const entries = await walkDirectory(dir);
    return new Map(
      await Promise.all(
        entries.map(async ({ path: file }) => [file, sha256Hex(await readFile(path.join(dir, file)))] as const),
      ),
    );
  }

  it('signs the list, the archive and the CAR; changes no page; the archive is the size its pages give', async () => {
    const keys = await makeKeys();
    const dir = await releaseBuild();
    const before = await snapshot(dir);
    const { archiveBytes } = JSON.parse(await readFile(path.join(dir, 'UNSIGNED_RELEASE.json'), 'utf8')) as {
      archiveBytes: number;
    };
    const messages: string[] = [];
    await signBuiltRelease(dir, { secretKeyPath: keys.secretKeyPath, log: (message) => messages.push(message) });

    expect(messages).toEqual([
      expect.stringMatching(/^signed with key [0-9A-F]{16}: SHA256SUMS\.minisig for \d+ files/),
    ]);
    for (const signed of ['SHA256SUMS', archivePath, 'downloads/belarus-unions-record.car']) {
      expect((await run('minisign', ['-Vm', signed, '-p', keys.publicKeyPath], { cwd: dir })).code, signed).toBe(0);
    }
    const after = await snapshot(dir);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
      (file) => before.get(file) !== after.get(file),
    );
    expect(changed.sort()).toEqual(
      [
        'SHA256SUMS.minisig',
        'UNSIGNED_RELEASE.json',
        'downloads/belarus-unions-record.car',
        'downloads/belarus-unions-record.car.minisig',
        archivePath,
        `${archivePath}.minisig`,
      ].sort(),
    );
    const zip = await readFile(path.join(dir, archivePath));
    expect(zip.length).toBe(archiveBytes);
    expect(await readFile(path.join(dir, 'en/downloads/index.html'), 'utf8')).toContain(
      `ZIP, <span>${formatFileSize(zip.length, 'en')}</span>`,
    );
    const unpacked = unzipSync(new Uint8Array(zip));
    expect(
      Buffer.from(unpacked['SHA256SUMS.minisig'] ?? []).equals(await readFile(path.join(dir, 'SHA256SUMS.minisig'))),
    ).toBe(true);
    expect(existsSync(`${dir}.signing`)).toBe(false);
  });

  it('leaves the build as it was, and nothing half-signed, when it cannot sign', async () => {
    const dir = await releaseBuild();
    const before = await snapshot(dir);
    const notAKey = path.join(await makeTempDir(), 'public-not-secret.key');
    await writeFile(notAKey, (await makeKeys()).publicKeyFile);
    await expect(signBuiltRelease(dir, { secretKeyPath: notAKey, log: () => undefined })).rejects.toThrow(
      `cannot sign the release with ${notAKey}`,
    );
    expect(await snapshot(dir)).toEqual(before);
    expect(existsSync(`${dir}.signing`)).toBe(false);
  });

  it('refuses a folder changed since the build, and one that is no release build', async () => {
    const keys = await makeKeys();
    const changed = await releaseBuild();
    await writeFile(path.join(changed, 'en/index.html'), '<p>changed</p>\n');
    await expect(signBuiltRelease(changed, { secretKeyPath: keys.secretKeyPath })).rejects.toThrow(
      /SHA256SUMS does not list the folder's files as they are/,
    );
    const preview = await makeSite();
    await expect(signBuiltRelease(preview, { secretKeyPath: keys.secretKeyPath })).rejects.toThrow(
      /is not a release build waiting to be signed \(it has no UNSIGNED_RELEASE\.json\): build it with `npm run build -- --release` first/,
    );
  });
});

describe('a release build with a placeholder in the identity', () => {
  it('stops before compiling anything, naming what to set: a publisher too, or "unnamed"', async () => {
    const result = await run(
      process.execPath,
      ['scripts/build.ts', '--release', '--out-dir', path.join(await makeTempDir(), 'out')],
      {
        env: {
          ...process.env,
          MINISIGN_SECRET_KEY: '',
          SITE_URL: 'https://record.belarus-unions.org/',
          REPOSITORY_URL: 'https://codeberg.org/belarus-unions/record',
          CONTACT_EMAIL: 'keepers@belarus-unions.org',
          PUBLISHER: '',
        },
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('build failed: a release must not carry placeholders:');
    expect(result.stderr).toContain('PUBLISHER is not set: name who publishes the site, or set it to "unnamed"');
  });
});

describe('the build, while the key is on disk', () => {
  it('refuses to start when MINISIGN_SECRET_KEY is set, before compiling anything, and says what to do', async () => {
    expect(keyOnDiskProblem({})).toBeUndefined();
    const result = await run(
      process.execPath,
      ['scripts/build.ts', '--out-dir', path.join(await makeTempDir(), 'out')],
      {
        env: { ...process.env, MINISIGN_SECRET_KEY: '/nonexistent/release.key' },
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'build failed: MINISIGN_SECRET_KEY is set, so the release key is on disk while content would be compiled.',
    );
    expect(result.stderr).toContain('`MINISIGN_SECRET_KEY=<key file> npm run sign`');
  });
});
