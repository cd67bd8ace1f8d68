import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  keyIdHex,
  parsePublicKey,
  parseSecretKey,
  signMinisig,
  verifyMinisig,
} from '../../../pipeline/release/minisign.ts';
import { makeKeys, makeTempDir, removeTempDirs, run, type KeyFiles } from '../../support/release-fixture.ts';

afterAll(removeTempDirs);

const trustedComment = 'timestamp:1700000000\tfile:SHA256SUMS\torigin:https://belarus-unions.example/';
let keys: KeyFiles;
let dir: string;
let message: string;
let signature: string;

beforeAll(async () => {
  keys = await makeKeys();
  dir = await makeTempDir();
  message = path.join(dir, 'SHA256SUMS');
  signature = path.join(dir, 'SHA256SUMS.minisig');
  await writeFile(message, `${'a'.repeat(64)}  index.html\n`);
  await writeFile(signature, signMinisig(await readFile(message), keys.secretKey, trustedComment));
});

function secretKeyBytes(): Buffer {
  return Buffer.from(keys.secretKeyFile.split('\n')[1] ?? '', 'base64');
}

async function tamperMessage(): Promise<string> {
  const tampered = path.join(dir, 'tampered');
  await writeFile(tampered, `${'b'.repeat(64)}  index.html\n`);
  return tampered;
}

describe('signatures made here', () => {
  it('verify with minisign, from the key file and from the bare key', async () => {
    const withFile = await run('minisign', ['-V', '-m', message, '-x', signature, '-p', keys.publicKeyPath]);
    expect(withFile.stderr).toBe('');
    expect(withFile.code).toBe(0);
    expect(withFile.stdout).toContain(`Trusted comment: ${trustedComment}`);
    const withBareKey = await run('minisign', ['-V', '-m', message, '-x', signature, '-P', keys.publicKey.base64]);
    expect(withBareKey.code).toBe(0);

    const tampered = await run('minisign', [
      '-V',
      '-m',
      await tamperMessage(),
      '-x',
      signature,
      '-p',
      keys.publicKeyPath,
    ]);
    expect(tampered.code).not.toBe(0);
  });

  it('verify with OpenBSD signify, from the same .minisig and minisign.pub', async () => {
    const verified = await run('signify-openbsd', ['-V', '-p', keys.publicKeyPath, '-x', signature, '-m', message]);
    expect(verified.stderr).toBe('');
    expect(verified.stdout.trim()).toBe('Signature Verified');

    const tampered = await run('signify-openbsd', [
      '-V',
      '-p',
      keys.publicKeyPath,
      '-x',
      signature,
      '-m',
      await tamperMessage(),
    ]);
    expect(tampered.code).not.toBe(0);
  });

  it('verify here, and fail on a changed file, a changed trusted comment or another key', async () => {
    const bytes = await readFile(message);
    const text = await readFile(signature, 'utf8');
    expect(verifyMinisig(bytes, text, keys.publicKey).trustedComment).toBe(trustedComment);

    const tampered = await readFile(await tamperMessage());
    expect(() => verifyMinisig(tampered, text, keys.publicKey)).toThrow('the signature does not match the signed file');
    const otherComment = text.replace('origin:https://belarus-unions.example/', 'origin:https://evil.example/');
    expect(() => verifyMinisig(bytes, otherComment, keys.publicKey)).toThrow(
      'the trusted comment does not match its signature',
    );
    const other = await makeKeys();
    expect(() => verifyMinisig(bytes, text, other.publicKey)).toThrow(
      `it was made with key ${keyIdHex(keys.secretKey.keyId)}, but the expected key is ${keyIdHex(other.publicKey.keyId)}`,
    );
    // Same key id, different key: the signature check itself must fail.
    const impostor = { ...other.publicKey, keyId: keys.publicKey.keyId };
    expect(() => verifyMinisig(bytes, text, impostor)).toThrow('the signature does not match the signed file');
  });
});

describe('signatures made by minisign', () => {
  it.each([
    ['prehashed (its default)', [], 'ED'],
    ['legacy', ['-l'], 'Ed'],
  ])('verify here when %s, made with a secret key file written here', async (_, flags, algorithm) => {
    const made = path.join(dir, `by-minisign-${algorithm}.minisig`);
    const signed = await run('minisign', [
      '-S',
      ...flags,
      '-s',
      keys.secretKeyPath,
      '-m',
      message,
      '-x',
      made,
      '-t',
      'hello',
    ]);
    expect(signed.stderr).toBe('');

    const text = await readFile(made, 'utf8');
    const minisig = verifyMinisig(await readFile(message), text, keys.publicKey);
    expect(minisig.algorithm).toBe(algorithm);
    expect(minisig.trustedComment).toBe('hello');
    const tampered = await readFile(await tamperMessage());
    expect(() => verifyMinisig(tampered, text, keys.publicKey)).toThrow('the signature does not match the signed file');
  });
});

describe('key files', () => {
  it('reads a key pair made by minisign -G -W, and signs what minisign verifies with it', async () => {
    const keyDir = await makeTempDir();
    const [publicKeyPath, secretKeyPath] = [path.join(keyDir, 'k.pub'), path.join(keyDir, 'k.key')];
    await run('minisign', ['-G', '-W', '-p', publicKeyPath, '-s', secretKeyPath]);

    const secretKey = parseSecretKey(await readFile(secretKeyPath, 'utf8'));
    const publicKey = parsePublicKey(await readFile(publicKeyPath, 'utf8'));
    expect(secretKey.publicKey.base64).toBe(publicKey.base64);
    const made = path.join(keyDir, 'made.minisig');
    await writeFile(made, signMinisig(await readFile(message), secretKey, 'made here'));
    const verified = await run('minisign', ['-V', '-m', message, '-x', made, '-p', publicKeyPath]);
    expect(verified.code).toBe(0);
  });

  it('explains that a password-protected key cannot sign unattended', () => {
    // What `minisign -G` without -W writes: the key-derivation field says scrypt ("Sc").
    // Making one with minisign itself would cost its 1 GiB scrypt.
    const bytes = secretKeyBytes();
    bytes.write('Sc', 2, 'latin1');
    const encrypted = `untrusted comment: minisign encrypted secret key\n${bytes.toString('base64')}\n`;
    expect(() => parseSecretKey(encrypted)).toThrow(/encrypted with a password.*minisign -G -W/);
  });

  it('rejects a secret key whose halves do not belong together', () => {
    const bytes = secretKeyBytes();
    bytes[100] = (bytes[100] ?? 0) ^ 1; // inside the stored public half
    const damaged = `untrusted comment: damaged\n${bytes.toString('base64')}\n`;
    expect(() => parseSecretKey(damaged)).toThrow('the secret key is damaged');
  });

  it('reads a public key as minisign.pub or as its bare line, and nothing else', () => {
    expect(parsePublicKey(keys.publicKeyFile).base64).toBe(keys.publicKey.base64);
    expect(parsePublicKey(`${keys.publicKey.base64}\n`).base64).toBe(keys.publicKey.base64);
    expect(() => parsePublicKey('not a key')).toThrow('the public key is not 42 bytes of base64');
    expect(() => parsePublicKey(`comment\n${keys.publicKey.base64}`)).toThrow(
      'a minisign public key is one base64 line',
    );
    expect(() => parsePublicKey(keys.secretKeyFile)).toThrow('the public key is not 42 bytes of base64');
  });

  it('pins a well-formed project key, named by its key id', async () => {
    const text = await readFile('release/minisign.pub', 'utf8');
    const pinned = parsePublicKey(text);
    expect(text).toBe(`untrusted comment: minisign public key ${keyIdHex(pinned.keyId)}\n${pinned.base64}\n`);
  });
});
