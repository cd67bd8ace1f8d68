/**
 * Site addresses: the canonical origin a release is built for, and the public
 * address a mirror may put in its place.
 *
 * Link previews need absolute URLs, so the canonical origin appears in the
 * canonical, og:url, og:image and twitter:image URLs of the pages, in the Atom
 * feeds, in sitemap.xml and in robots.txt. A mirror can replace it there with
 * its own address (rewrite-origin.ts), which it records in MIRROR_ORIGIN.
 * `verify` then accepts a file whose hash differs from the signed one only if
 * replacing every occurrence of the mirror's address by the canonical origin
 * reproduces the signed SHA-256 exactly.
 *
 * What that proves: the served file is the signed file in which some
 * occurrences of the canonical address were replaced by the mirror's address,
 * and nothing else changed. An address may contain only the characters of a
 * scheme, a lower-case host ([a-z0-9.-], or a bracketed IPv6 address), a port
 * and a path of [A-Za-z0-9._~/-] — no quotes, angle brackets, spaces, `&`,
 * `?` or `#` — so the replacement cannot close an attribute, open a tag, start
 * an entity or add a query: where the signed file had a URL starting with the
 * canonical address, the copy has the same URL starting with the mirror's.
 *
 * What it does not prove: that the address belongs to the mirror, or to anyone
 * trustworthy. A hostile copy can point its link previews and canonical links
 * at any website, so `verify` prints the address for the reader to judge.
 */

const maxAddressLength = 256;
const allowedCharacter = /^[A-Za-z0-9._~/:[\]-]$/;
const addressShape = /^https?:\/\/(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?\/[A-Za-z0-9._~/-]*$/;
const example = 'https://mirror.example/some/path/';

/** Why `value` is not an acceptable site address, or undefined if it is. */
function addressProblem(value: string): string | undefined {
  if (value.length > maxAddressLength) return `is longer than ${maxAddressLength} characters`;
  const disallowed = [...value].find((character) => !allowedCharacter.test(character));
  if (disallowed !== undefined) return `contains ${JSON.stringify(disallowed)}`;
  if (!/^https?:\/\//.test(value)) return 'does not start with http:// or https://';
  if (!value.endsWith('/')) return 'does not end with /';
  if (!addressShape.test(value)) return 'is not scheme://host[:port]/path/ with a lower-case host';
  const parsed = URL.parse(value);
  if (parsed === null) return 'is not a valid URL';
  if (parsed.href !== value) return `is not written in canonical form (${parsed.href})`;
  return undefined;
}

/**
 * `value`, checked to be a plain http(s) address of a folder: lower-case host,
 * optional port, a path of [A-Za-z0-9._~/-] ending in `/`, nothing else.
 * `what` names the value in the error, e.g. "MIRROR_ORIGIN".
 */
export function parseSiteAddress(value: string, what: string): string {
  const problem = addressProblem(value);
  if (problem !== undefined) throw new Error(`${what} ${JSON.stringify(value)} ${problem}; expected e.g. ${example}`);
  return value;
}

/** `https://example.org` → `https://example.org/`: people type origins without the slash. */
export function withTrailingSlash(address: string): string {
  return address.endsWith('/') ? address : `${address}/`;
}

/** The address a MIRROR_ORIGIN file names: one address on one line. */
export function parseMirrorOriginFile(text: string): string {
  return parseSiteAddress(text.endsWith('\n') ? text.slice(0, -1) : text, 'MIRROR_ORIGIN');
}

/** The files that may name the site's own address: pages, feeds and the sitemap, and robots.txt. */
export function mayNameSiteAddress(sitePath: string): boolean {
  return sitePath.endsWith('.html') || sitePath.endsWith('.xml') || sitePath === 'robots.txt';
}

/**
 * `bytes` with every occurrence of the address `from` replaced by `to`.
 * Addresses are ASCII and Latin-1 maps bytes one to one, so everything else in
 * the file passes through byte for byte, whatever its encoding.
 */
export function replaceAddress(bytes: Buffer, from: string, to: string): Buffer {
  return Buffer.from(bytes.toString('latin1').replaceAll(from, to), 'latin1');
}
