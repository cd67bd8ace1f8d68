/**
 * What a release adds to the root of the built site, and what its signature
 * states. The build, `rewrite-origin` and `verify` agree through this module.
 */
import { parseSiteAddress } from './site-address.ts';

/** Every file of the site with its SHA-256, in the format `sha256sum -c` reads. */
export const checksumsFile = 'SHA256SUMS';
/** The minisign signature of SHA256SUMS, which OpenBSD signify also reads (see minisign.ts). */
export const signatureFile = `${checksumsFile}.minisig`;
/** Written by `rewrite-origin` into a mirror's copy: the address its link previews use instead of the canonical one. */
export const mirrorOriginFile = 'MIRROR_ORIGIN';

/** Instructions to hosts such as Netlify and Cloudflare Pages, which read it but do not serve it. */
export const hostHeadersFile = '_headers';

/** Files about the copy rather than of the site: never listed in SHA256SUMS, never reported as unexpected. */
export const releaseFiles: ReadonlySet<string> = new Set([
  checksumsFile,
  signatureFile,
  mirrorOriginFile,
  hostHeadersFile,
]);

/**
 * What the signature's trusted comment records. The canonical origin lives
 * here, signed, rather than in SHA256SUMS, which must stay exactly what
 * `sha256sum -c` reads.
 */
export interface ReleaseStatement {
  /** When the release was signed, in seconds since 1970, as minisign records it. */
  timestamp: number;
  /** The public address the site was built for, ending in `/`. */
  origin: string;
}

/** minisign's own `timestamp:…<TAB>file:…` fields, then the origin. */
export function formatTrustedComment({ timestamp, origin }: ReleaseStatement): string {
  return `timestamp:${timestamp}\tfile:${checksumsFile}\torigin:${parseSiteAddress(origin, 'the canonical origin')}`;
}

export function parseTrustedComment(comment: string): ReleaseStatement {
  const fields = new Map(
    comment.split('\t').map((field) => {
      const colon = field.indexOf(':');
      return colon < 0 ? [field, ''] : [field.slice(0, colon), field.slice(colon + 1)];
    }),
  );
  const timestamp = fields.get('timestamp');
  const origin = fields.get('origin');
  if (timestamp === undefined || !/^\d+$/.test(timestamp)) {
    throw new Error(`the signed comment ${JSON.stringify(comment)} has no timestamp:<seconds> field`);
  }
  if (origin === undefined) {
    throw new Error(`the signed comment ${JSON.stringify(comment)} has no origin:<address> field`);
  }
  return { timestamp: Number(timestamp), origin: parseSiteAddress(origin, 'the signed origin') };
}
