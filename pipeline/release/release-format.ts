/**
 * What a release adds to the built site, and what its signatures state. The
 * build, `rewrite-origin` and `verify` agree through this module.
 *
 * A release is the site's files, listed with their SHA-256 in SHA256SUMS at
 * the root, whose signature says, in its trusted comment, that it is the
 * site's list (`kind:site`), when it was made, from which commit and for which
 * address. The site archive (zip) and the IPFS CAR hold those files and that
 * signed list, so an unpacked archive or an imported CAR is a complete copy
 * with the same list at its root. They cannot be listed in the list they
 * contain, so each is signed on its own (`kind:archive`, `kind:car`), with the
 * same commit and date: `verify` checks them when a copy carries them.
 */
import { paths } from '../../src/lib/routes.ts';
import { hostHeadersFile } from '../after-render/security-headers.ts';
import { parseSiteAddress } from './site-address.ts';

/** Every file of the site with its SHA-256, in the format `sha256sum -c` reads. */
export const checksumsFile = 'SHA256SUMS';
/** The minisign signature of SHA256SUMS, which OpenBSD signify also reads (see minisign.ts). */
export const signatureFile = `${checksumsFile}.minisig`;
/** Written by `rewrite-origin` into a mirror's copy: the address its link previews use instead of the canonical one. */
export const mirrorOriginFile = 'MIRROR_ORIGIN';

/**
 * Files that hosts read and apply rather than serve. They are listed and
 * signed like every other file (a copy's `_headers` could otherwise make its
 * pages send readers elsewhere); a web mirror need not serve them, and `verify`
 * compares the headers the server sends with them instead.
 */
export const hostFiles: ReadonlySet<string> = new Set([hostHeadersFile]);

export type StatementKind = 'site' | 'archive' | 'car';

/** A whole copy of the site in one file, signed on its own. */
export interface Bundle {
  path: string;
  kind: Exclude<StatementKind, 'site'>;
}

export const bundles: readonly Bundle[] = [
  { path: paths.siteArchive().slice(1), kind: 'archive' },
  { path: paths.siteCar().slice(1), kind: 'car' },
];

export const signatureOf = (file: string) => `${file}.minisig`;

/**
 * What a release build (`npm run build -- --release`) leaves for `npm run sign`: the statement its signatures
 * will make and the size its downloads pages give the archive. Signing removes it.
 */
export const unsignedReleaseFile = 'UNSIGNED_RELEASE.json';

/** Files about the copy rather than of the site: never listed in SHA256SUMS, never reported as unexpected. */
export const releaseFiles: ReadonlySet<string> = new Set([
  checksumsFile,
  signatureFile,
  mirrorOriginFile,
  unsignedReleaseFile,
  ...bundles.flatMap((bundle) => [bundle.path, signatureOf(bundle.path)]),
]);

/**
 * What a signature's trusted comment records. The canonical origin, the date
 * and the commit live here, signed, rather than in SHA256SUMS, which must stay
 * exactly what `sha256sum -c` reads.
 */
export interface ReleaseStatement {
  /** What the signed file is: the site's list of files, the archive or the CAR. */
  kind: StatementKind;
  /** The signed file's name, as minisign's own `file:` field records it. */
  file: string;
  /** When the release was made (its commit's date), in seconds since 1970. */
  timestamp: number;
  /** The public address the site was built for, ending in `/`. */
  origin: string;
  /** The commit the release was built from: 40 hex digits, or `unknown` outside a git checkout. */
  commit: string;
  /** The CAR's root CID, for `kind:car`. */
  cid?: string | undefined;
}

const kinds: readonly StatementKind[] = ['site', 'archive', 'car'];
const commitShape = /^(?:[0-9a-f]{40}|unknown)$/;
/** A CIDv1 in base32, as `ipfs` prints it. */
const cidShape = /^b[a-z2-7]{50,100}$/;

/** minisign's own `timestamp:…<TAB>file:…` fields, then the release's. */
export function formatTrustedComment(statement: ReleaseStatement): string {
  const { kind, file, timestamp, commit, cid } = statement;
  const origin = parseSiteAddress(statement.origin, 'the canonical origin');
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new Error(`the release date ${timestamp} is not valid`);
  if (!commitShape.test(commit)) throw new Error(`the commit ${JSON.stringify(commit)} is not 40 hex digits`);
  if ((kind === 'car') !== (cid !== undefined) || (cid !== undefined && !cidShape.test(cid))) {
    throw new Error(`a ${kind} statement ${kind === 'car' ? 'needs a base32 CIDv1' : 'has no CID'}`);
  }
  const fields = [`timestamp:${timestamp}`, `file:${file}`, `kind:${kind}`, `origin:${origin}`, `commit:${commit}`];
  if (cid !== undefined) fields.push(`cid:${cid}`);
  return fields.join('\t');
}

export function parseTrustedComment(comment: string): ReleaseStatement {
  const fields = new Map(
    comment.split('\t').map((field) => {
      const colon = field.indexOf(':');
      return colon < 0 ? [field, ''] : [field.slice(0, colon), field.slice(colon + 1)];
    }),
  );
  const problem = (what: string) => new Error(`the signed comment ${JSON.stringify(comment)} has no ${what} field`);
  const timestamp = fields.get('timestamp');
  const file = fields.get('file');
  const kind = fields.get('kind');
  const origin = fields.get('origin');
  const commit = fields.get('commit');
  const cid = fields.get('cid');
  if (timestamp === undefined || !/^\d{1,15}$/.test(timestamp)) throw problem('timestamp:<seconds>');
  if (file === undefined || file === '') throw problem('file:<name>');
  if (kind === undefined || !kinds.includes(kind as StatementKind)) throw problem(`kind:<${kinds.join('|')}>`);
  if (origin === undefined) throw problem('origin:<address>');
  if (commit === undefined || !commitShape.test(commit)) throw problem('commit:<40 hex digits>');
  if (cid !== undefined && !cidShape.test(cid)) throw problem('valid cid:<CID>');
  if (kind === 'car' && cid === undefined) throw problem('cid:<CID>');
  return {
    kind: kind as StatementKind,
    file,
    timestamp: Number(timestamp),
    origin: parseSiteAddress(origin, 'the signed origin'),
    commit,
    cid,
  };
}

/** Throws unless `statement` is a signature of the expected kind for the expected file. */
export function expectStatement(statement: ReleaseStatement, kind: StatementKind, file: string, where: string): void {
  if (statement.kind !== kind || statement.file !== file) {
    throw new Error(
      `the signature at ${where} is for ${statement.file} (kind:${statement.kind}), not for ${file} (kind:${kind}): ` +
        'a signed file from elsewhere in a release cannot stand in for this one',
    );
  }
}

/** `2026-05-01 14:03 UTC, commit 0123456789ab`: how a release is named in messages. */
export function describeRelease(statement: Pick<ReleaseStatement, 'timestamp' | 'commit'>): string {
  const date = new Date(statement.timestamp * 1000).toISOString().replace('T', ' ').slice(0, 16);
  const commit = statement.commit === 'unknown' ? 'an unknown commit' : `commit ${statement.commit.slice(0, 12)}`;
  return `${date} UTC, ${commit}`;
}
