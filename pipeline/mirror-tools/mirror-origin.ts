/**
 * A mirror's own address in its link previews, share links and QR codes.
 *
 * `rewrite-origin` starts from the signed files and, in the pages, feeds,
 * sitemap.xml and robots.txt only:
 *  1. redraws every QR code that opens a canonical URL (the canonical origin
 *     and a path) so that it opens the same path at the mirror's address;
 *  2. replaces every occurrence of the canonical origin, written as itself or
 *     percent-encoded inside another URL (the share links), by the mirror's.
 * It records the mirror's address in MIRROR_ORIGIN, and, for a file that
 * already named the mirror's address before the rewrite (the mirrors page
 * lists mirrors; the guide shows example addresses), which of its occurrences
 * were there already, so that they can be told apart from the rewritten ones.
 *
 * `verify` undoes exactly that: it puts the canonical origin back at every
 * other occurrence of the mirror's address, redraws the QR codes for the
 * canonical URLs, and accepts the file only if the result has the signed
 * SHA-256.
 *
 * What that proves: the served file is the signed file in which some
 * occurrences of the canonical address became the mirror's address and some QR
 * codes open the same paths at the mirror's address; nothing else changed.
 * The mirror's address is a plain one (see site-address.ts), so the change
 * cannot add markup, and the QR codes are drawn by `verify` itself.
 *
 * What it does not prove: that the address belongs to the mirror, or to anyone
 * trustworthy. A hostile copy can point its link previews, share links and QR
 * codes at any website, so `verify` prints the address for the reader to judge.
 */
import { qrCodeMarkup } from '../../src/lib/qr-code.ts';
import { sitePathProblem } from '../release/checksums.ts';
import { parseSiteAddress } from '../release/site-address.ts';

export interface MirrorOrigin {
  /** The mirror's public address, ending in `/`. */
  address: string;
  /** For each file that named the mirror's address before the rewrite: which occurrences (counted from 1) were there already. */
  kept: ReadonlyMap<string, readonly number[]>;
}

/** The most lines MIRROR_ORIGIN may have; a release has a few hundred files. */
const maxKeptFiles = 1000;
/** The most distinct canonical URLs a page is searched for QR codes of. */
const maxQrCandidates = 64;

/** The files that may name the site's own address: pages, feeds and the sitemap, and robots.txt. */
export function mayNameSiteAddress(sitePath: string): boolean {
  return sitePath.endsWith('.html') || sitePath.endsWith('.xml') || sitePath === 'robots.txt';
}

/**
 * MIRROR_ORIGIN: the address on the first line; then, for each file that
 * already named it before the rewrite, the file's path, a tab, and the numbers
 * of those occurrences separated by spaces.
 */
export function parseMirrorOriginFile(text: string): MirrorOrigin {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const [first = '', ...rest] = lines;
  const address = parseSiteAddress(first, 'MIRROR_ORIGIN');
  if (rest.length > maxKeptFiles) throw new Error(`MIRROR_ORIGIN has more than ${maxKeptFiles + 1} lines`);
  const kept = new Map<string, number[]>();
  for (const [index, line] of rest.entries()) {
    const where = `MIRROR_ORIGIN line ${index + 2}`;
    const match = /^([^\t]+)\t([1-9]\d{0,8}(?: [1-9]\d{0,8})*)$/.exec(line);
    if (match === null) throw new Error(`${where}: expected "<path><TAB><numbers>", got ${JSON.stringify(line)}`);
    const [, sitePath = '', numbers = ''] = match;
    const problem = sitePathProblem(sitePath);
    if (problem !== undefined) throw new Error(`${where}: the path ${JSON.stringify(sitePath)} ${problem}`);
    if (kept.has(sitePath)) throw new Error(`${where}: ${sitePath} is listed twice`);
    const ordinals = numbers.split(' ').map(Number);
    if (ordinals.some((ordinal, i) => i > 0 && ordinal <= (ordinals[i - 1] ?? 0))) {
      throw new Error(`${where}: the numbers must be in increasing order`);
    }
    kept.set(sitePath, ordinals);
  }
  return { address, kept };
}

export function formatMirrorOriginFile({ address, kept }: MirrorOrigin): string {
  const lines = [...kept].filter(([, ordinals]) => ordinals.length > 0).map(([file, o]) => `${file}\t${o.join(' ')}`);
  return [address, ...lines.sort()].map((line) => `${line}\n`).join('');
}

/** The forms in which a page carries an address: as itself, and percent-encoded inside another URL. */
function addressForms(address: string): string[] {
  return [address, encodeURIComponent(address)];
}

function escapeRegExp(text: string): string {
  return text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function formsPattern(address: string): RegExp {
  return new RegExp(addressForms(address).map(escapeRegExp).join('|'), 'g');
}

/**
 * `text` with each occurrence of `from` (in either form) replaced by `to` in
 * the same form, except the occurrences numbered in `kept`; and where the
 * replacements are in the result.
 */
function replaceForms(text: string, from: string, to: string, kept: ReadonlySet<number>) {
  const fromForms = addressForms(from);
  const toForms = addressForms(to);
  const replaced: string[] = [];
  let result = '';
  let last = 0;
  let ordinal = 0;
  for (const match of text.matchAll(formsPattern(from))) {
    ordinal += 1;
    if (kept.has(ordinal)) continue;
    const replacement = toForms[fromForms.indexOf(match[0])] ?? match[0];
    result += text.slice(last, match.index);
    replaced.push(`${result.length}:${replacement.length}`);
    result += replacement;
    last = match.index + match[0].length;
  }
  return { text: result + text.slice(last), replaced: new Set(replaced) };
}

/** Redraws each QR code for `from` + a path as the QR code for `to` + that path, for the canonical URLs in `text`. */
async function redrawQrCodes(text: string, canonical: string, from: string, to: string): Promise<string> {
  if (!text.includes('data:image/png;base64,')) return text;
  const urls = text.matchAll(new RegExp(`${escapeRegExp(canonical)}[A-Za-z0-9._~/%-]*`, 'g'));
  const paths = [...new Set([...urls].map((match) => match[0].slice(canonical.length)))].slice(0, maxQrCandidates);
  let result = text;
  for (const sitePath of paths) {
    const drawn = qrCodeMarkup(from + sitePath);
    if (result.includes(drawn)) result = result.replaceAll(drawn, qrCodeMarkup(to + sitePath));
  }
  return result;
}

/**
 * The signed file `signed` at `sitePath`, pointed at `mirror`: its QR codes
 * redrawn and the canonical origin replaced; and which occurrences of the
 * mirror's address it already had. Throws if the change could not be undone.
 * Bytes pass through as Latin-1, which maps them one to one, so everything
 * but the addresses stays byte for byte, whatever the file's encoding.
 */
export async function pointAtMirror(
  signed: Buffer,
  sitePath: string,
  canonical: string,
  mirror: string,
): Promise<{ bytes: Buffer; kept: number[] }> {
  const original = signed.toString('latin1');
  const redrawn = sitePath.endsWith('.html') ? await redrawQrCodes(original, canonical, canonical, mirror) : original;
  const { text, replaced } = replaceForms(redrawn, canonical, mirror, new Set());
  const kept: number[] = [];
  let ordinal = 0;
  for (const match of text.matchAll(formsPattern(mirror))) {
    ordinal += 1;
    if (!replaced.has(`${match.index}:${match[0].length}`)) kept.push(ordinal);
  }
  const bytes = Buffer.from(text, 'latin1');
  if (
    !(await restoreRelease(bytes, sitePath, canonical, { address: mirror, kept: new Map([[sitePath, kept]]) })).equals(
      signed,
    )
  ) {
    throw new Error(
      `${sitePath}: ${mirror} and the canonical origin ${canonical} overlap there in a way that cannot be undone; choose another address`,
    );
  }
  return { bytes, kept };
}

/** The file a mirror serves at `sitePath`, with the canonical origin and its QR codes put back as in the signed release. */
export async function restoreRelease(
  served: Buffer,
  sitePath: string,
  canonical: string,
  mirror: MirrorOrigin,
): Promise<Buffer> {
  const kept = new Set(mirror.kept.get(sitePath) ?? []);
  const { text } = replaceForms(served.toString('latin1'), mirror.address, canonical, kept);
  const redrawn = sitePath.endsWith('.html') ? await redrawQrCodes(text, canonical, mirror.address, canonical) : text;
  return Buffer.from(redrawn, 'latin1');
}
