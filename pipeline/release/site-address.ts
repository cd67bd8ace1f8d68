/**
 * Site addresses: the canonical origin a release is built for, and the public
 * address a mirror may put in its place.
 *
 * Link previews need absolute URLs, so the canonical origin appears in the
 * canonical, og:url, og:image and twitter:image URLs of the pages, in their
 * share links and QR codes, in the Atom feeds, in sitemap.xml and in
 * robots.txt. A mirror can put its own address there (mirror-origin.ts).
 *
 * An address may contain only the characters of a scheme, a lower-case host
 * ([a-z0-9.-], or a bracketed IPv6 address), a port and a path of
 * [A-Za-z0-9._~/-] — no quotes, angle brackets, spaces, `&`,
 * `?` or `#` — so the replacement cannot close an attribute, open a tag, start
 * an entity or add a query: where the signed file had a URL starting with the
 * canonical address, the copy has the same URL starting with the mirror's.
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
  const parsed = parseUrl(value);
  if (parsed === undefined) return 'is not a valid URL';
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

/** `new URL(input, base)`, or undefined where it throws: URL.parse() needs Node 22, and verify.mjs runs on 18. */
export function parseUrl(input: string, base?: string | URL): URL | undefined {
  try {
    return new URL(input, base);
  } catch {
    return undefined;
  }
}
