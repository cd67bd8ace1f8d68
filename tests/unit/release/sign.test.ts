import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyIdHex, parseMinisig } from '../../../scripts/release/minisign.ts';
import { parseTrustedComment } from '../../../scripts/release/release-format.ts';
import { signRelease } from '../../../scripts/release/sign.ts';
import { makeKeys, makeSite, makeTempDir, removeTempDirs, run } from './fixture.ts';

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
