/**
 * minisign's key and signature formats (https://jedisct1.github.io/minisign/)
 * in plain node:crypto, so the build can sign and `verify` can check without
 * native tools.
 *
 * Signatures are made with the legacy algorithm "Ed", Ed25519 over the file
 * itself, because it is the one that both tools a reader may already have
 * accept: `minisign -V` verifies it (unless told -H), and OpenBSD `signify -V`
 * reads the same .minisig with the minisign public key, ignoring the trusted
 * comment lines after the signature. minisign's default "ED" (Ed25519 over the
 * file's BLAKE2b-512) is an "unsupported file" to signify, and prehashing buys
 * nothing for a SHA256SUMS of a few kilobytes. Verification accepts both.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

const legacyAlgorithm = 'Ed';
const prehashedAlgorithm = 'ED';
const unencrypted = Buffer.from([0, 0]);
const scryptEncrypted = Buffer.from('Sc');
const blake2bChecksum = Buffer.from('B2');
const untrustedPrefix = 'untrusted comment: ';
const trustedPrefix = 'trusted comment: ';
/** The longest trusted comment minisign accepts (its TRUSTEDCOMMENTMAXBYTES buffer holds the prefix, a line break and a NUL too). */
const maxTrustedCommentBytes = 8192 - trustedPrefix.length - 2;

/** PKCS #8 DER for an Ed25519 private key up to its 32-byte seed (RFC 8410, section 7). */
const ed25519Pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');

const keyIdLength = 8;
const publicKeyLength = 2 + keyIdLength + 32;
const signatureLength = 2 + keyIdLength + 64;
/** Where each field starts in a decoded secret key (minisign's SeckeyStruct). */
const secretKeyLayout = {
  signatureAlgorithm: 0,
  kdfAlgorithm: 2,
  checksumAlgorithm: 4,
  kdfParameters: 6,
  keyId: 54,
  seed: 62,
  publicKey: 94,
  checksum: 126,
  length: 158,
} as const;

export interface PublicKey {
  keyId: Buffer;
  key: KeyObject;
  /** The key as one base64 line, as `minisign -P` takes it. */
  base64: string;
}

export interface SecretKey {
  keyId: Buffer;
  key: KeyObject;
  publicKey: PublicKey;
}

export interface Minisig {
  algorithm: typeof legacyAlgorithm | typeof prehashedAlgorithm;
  keyId: Buffer;
  signature: Buffer;
  trustedComment: string;
  globalSignature: Buffer;
}

/** A key id as minisign prints it: the 8 bytes read as a little-endian number, in upper-case hex. */
export function keyIdHex(keyId: Uint8Array): string {
  return Buffer.from(keyId).reverse().toString('hex').toUpperCase();
}

function lines(text: string): string[] {
  return text.replace(/\r?\n$/, '').split(/\r?\n/);
}

function decodeBase64(text: string, length: number, what: string): Buffer {
  const bytes = Buffer.from(text, 'base64');
  // Node skips characters that are not base64; re-encoding catches them.
  if (bytes.length !== length || bytes.toString('base64') !== text) {
    throw new Error(`${what} is not ${length} bytes of base64`);
  }
  return bytes;
}

function expectSignatureAlgorithm(bytes: Buffer, what: string): void {
  const algorithm = bytes.subarray(0, 2).toString('latin1');
  if (algorithm !== legacyAlgorithm) {
    throw new Error(`${what} is for the algorithm ${JSON.stringify(algorithm)}, not minisign's Ed25519 ("Ed")`);
  }
}

function rawPublicKey(key: KeyObject): Buffer {
  const { x } = key.export({ format: 'jwk' });
  if (x === undefined) throw new Error('not an Ed25519 key');
  return Buffer.from(x, 'base64url');
}

function publicKeyFrom(keyId: Buffer, raw: Buffer): PublicKey {
  return {
    keyId: Buffer.from(keyId),
    key: createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' }),
    base64: Buffer.concat([Buffer.from(legacyAlgorithm), keyId, raw]).toString('base64'),
  };
}

/** Reads a minisign public key: the two-line minisign.pub file, or its bare base64 line. */
export function parsePublicKey(text: string): PublicKey {
  const [first, second, ...rest] = lines(text.trim());
  let encoded: string | undefined;
  if (second === undefined) encoded = first;
  else if (first?.startsWith(untrustedPrefix) && rest.length === 0) encoded = second;
  if (encoded === undefined || encoded === '') {
    throw new Error('a minisign public key is one base64 line, optionally after an "untrusted comment:" line');
  }
  const bytes = decodeBase64(encoded, publicKeyLength, 'the public key');
  expectSignatureAlgorithm(bytes, 'the public key');
  return publicKeyFrom(bytes.subarray(2, 2 + keyIdLength), bytes.subarray(2 + keyIdLength));
}

/** The minisign.pub file for `publicKey`, as `minisign -G` writes it. */
export function formatPublicKeyFile(publicKey: PublicKey): string {
  return `${untrustedPrefix}minisign public key ${keyIdHex(publicKey.keyId)}\n${publicKey.base64}\n`;
}

/** Reads a secret key file made by `minisign -G -W`; signing runs unattended, so the key has no password. */
export function parseSecretKey(text: string): SecretKey {
  const [comment, encoded, ...rest] = lines(text);
  if (comment === undefined || !comment.startsWith(untrustedPrefix) || encoded === undefined || rest.length > 0) {
    throw new Error('not a minisign secret key file: expected an "untrusted comment:" line and one base64 line');
  }
  const bytes = decodeBase64(encoded, secretKeyLayout.length, 'the secret key');
  const field = (start: number, end: number) => bytes.subarray(start, end);
  expectSignatureAlgorithm(bytes, 'the secret key');
  const kdf = field(secretKeyLayout.kdfAlgorithm, secretKeyLayout.checksumAlgorithm);
  if (kdf.equals(scryptEncrypted)) {
    throw new Error(
      'the secret key is encrypted with a password, which an unattended build cannot type: ' +
        'create the release key with `minisign -G -W`, or remove its password with `minisign -C -W -s <key file>`',
    );
  }
  if (!kdf.equals(unencrypted)) throw new Error('the secret key names an unknown key derivation function');
  if (!field(secretKeyLayout.checksumAlgorithm, secretKeyLayout.kdfParameters).equals(blake2bChecksum)) {
    throw new Error('the secret key names an unknown checksum function');
  }
  const keyId = field(secretKeyLayout.keyId, secretKeyLayout.seed);
  const seed = field(secretKeyLayout.seed, secretKeyLayout.publicKey);
  const storedPublicKey = field(secretKeyLayout.publicKey, secretKeyLayout.checksum);
  // From the seed alone: given both halves as a JWK, some Node versions reject a mismatch with their own
  // "Invalid JWK" error and others ignore the stored half, so the comparison is made here, the same on every version.
  const key = createPrivateKey({ key: Buffer.concat([ed25519Pkcs8Prefix, seed]), format: 'der', type: 'pkcs8' });
  if (!rawPublicKey(createPublicKey(key)).equals(storedPublicKey)) {
    throw new Error('the secret key is damaged: its public half does not belong to its private half');
  }
  return { keyId: Buffer.from(keyId), key, publicKey: publicKeyFrom(keyId, storedPublicKey) };
}

/**
 * A secret key file as `minisign -G -W` writes it: no password, so the KDF
 * fields and the checksum are zero, which minisign does not check for
 * unencrypted keys.
 */
function formatSecretKeyFile(keyId: Buffer, seed: Buffer, publicKey: Buffer): string {
  const bytes = Buffer.concat([
    Buffer.from(legacyAlgorithm),
    unencrypted,
    blake2bChecksum,
    Buffer.alloc(secretKeyLayout.keyId - secretKeyLayout.kdfParameters),
    keyId,
    seed,
    publicKey,
    Buffer.alloc(secretKeyLayout.length - secretKeyLayout.checksum),
  ]);
  return `${untrustedPrefix}minisign unencrypted secret key\n${bytes.toString('base64')}\n`;
}

export interface GeneratedKeyPair {
  publicKey: PublicKey;
  secretKey: SecretKey;
  /** minisign.pub contents. */
  publicKeyFile: string;
  /** Contents of an unencrypted secret key file that the `minisign` tool can sign with. */
  secretKeyFile: string;
}

/** A fresh key pair, for tests: throwaway keys made on the fly. */
export function generateKeyPair(): GeneratedKeyPair {
  const { d, x } = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  if (d === undefined || x === undefined) throw new Error('node:crypto exported an Ed25519 key without its parts');
  const secretKeyFile = formatSecretKeyFile(
    randomBytes(keyIdLength),
    Buffer.from(d, 'base64url'),
    Buffer.from(x, 'base64url'),
  );
  const secretKey = parseSecretKey(secretKeyFile);
  return {
    publicKey: secretKey.publicKey,
    secretKey,
    publicKeyFile: formatPublicKeyFile(secretKey.publicKey),
    secretKeyFile,
  };
}

function expectOneLine(comment: string, what: string): void {
  if (/[\r\n]/.test(comment)) throw new Error(`the ${what} must be one line`);
}

/** The four-line .minisig for `message`: untrusted comment, signature, trusted comment, and the trusted comment's signature. */
export function signMinisig(
  message: Uint8Array,
  secretKey: SecretKey,
  trustedComment: string,
  untrustedComment = 'signature from minisign secret key',
): string {
  expectOneLine(trustedComment, 'trusted comment');
  expectOneLine(untrustedComment, 'untrusted comment');
  if (Buffer.byteLength(trustedComment) > maxTrustedCommentBytes) {
    throw new Error(`the trusted comment is longer than minisign's ${maxTrustedCommentBytes} bytes`);
  }
  const signature = sign(null, message, secretKey.key);
  const globalSignature = sign(null, Buffer.concat([signature, Buffer.from(trustedComment)]), secretKey.key);
  const signatureLine = Buffer.concat([Buffer.from(legacyAlgorithm), secretKey.keyId, signature]).toString('base64');
  return [
    `${untrustedPrefix}${untrustedComment}`,
    signatureLine,
    `${trustedPrefix}${trustedComment}`,
    globalSignature.toString('base64'),
    '',
  ].join('\n');
}

/** Reads a .minisig without checking it. */
export function parseMinisig(text: string): Minisig {
  const [untrusted, encodedSignature, trusted, encodedGlobalSignature, ...rest] = lines(text);
  if (
    !untrusted?.startsWith(untrustedPrefix) ||
    encodedSignature === undefined ||
    !trusted?.startsWith(trustedPrefix) ||
    encodedGlobalSignature === undefined ||
    rest.length > 0
  ) {
    throw new Error(
      'a .minisig has four lines: "untrusted comment: …", the signature, "trusted comment: …" and its signature',
    );
  }
  const signatureBytes = decodeBase64(encodedSignature, signatureLength, 'the signature');
  const algorithm = signatureBytes.subarray(0, 2).toString('latin1');
  if (algorithm !== legacyAlgorithm && algorithm !== prehashedAlgorithm) {
    throw new Error(`the signature uses the unknown algorithm ${JSON.stringify(algorithm)}`);
  }
  return {
    algorithm,
    keyId: signatureBytes.subarray(2, 2 + keyIdLength),
    signature: signatureBytes.subarray(2 + keyIdLength),
    trustedComment: trusted.slice(trustedPrefix.length),
    globalSignature: decodeBase64(encodedGlobalSignature, 64, 'the trusted comment signature'),
  };
}

/**
 * Checks a .minisig as `minisign -V` does — the key id, the signature of
 * `message`, then the signature of the trusted comment — and returns it.
 * Throws, saying which check failed, unless all pass.
 */
export function verifyMinisig(message: Uint8Array, signatureText: string, publicKey: PublicKey): Minisig {
  const minisig = parseMinisig(signatureText);
  if (!minisig.keyId.equals(publicKey.keyId)) {
    throw new Error(
      `it was made with key ${keyIdHex(minisig.keyId)}, but the expected key is ${keyIdHex(publicKey.keyId)}`,
    );
  }
  const signed = minisig.algorithm === prehashedAlgorithm ? createHash('blake2b512').update(message).digest() : message;
  if (!verify(null, signed, publicKey.key, minisig.signature)) {
    throw new Error('the signature does not match the signed file');
  }
  const commentAndSignature = Buffer.concat([minisig.signature, Buffer.from(minisig.trustedComment)]);
  if (!verify(null, commentAndSignature, publicKey.key, minisig.globalSignature)) {
    throw new Error('the trusted comment does not match its signature');
  }
  return minisig;
}

/**
 * Checks only the trusted comment of a .minisig — its key id and the
 * signature over the file's signature and the comment — without the signed
 * file: enough to read, with certainty, what a release's signature states
 * (its date and commit) from its .minisig alone.
 */
export function verifyTrustedComment(signatureText: string, publicKey: PublicKey): Minisig {
  const minisig = parseMinisig(signatureText);
  if (!minisig.keyId.equals(publicKey.keyId)) {
    throw new Error(
      `it was made with key ${keyIdHex(minisig.keyId)}, but the expected key is ${keyIdHex(publicKey.keyId)}`,
    );
  }
  const commentAndSignature = Buffer.concat([minisig.signature, Buffer.from(minisig.trustedComment)]);
  if (!verify(null, commentAndSignature, publicKey.key, minisig.globalSignature)) {
    throw new Error('the trusted comment does not match its signature');
  }
  return minisig;
}
