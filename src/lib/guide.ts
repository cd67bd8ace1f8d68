/**
 * What the hosting guide (the mirrors pages, and docs/mirrors.md made from the
 * English page by pipeline/docs.ts) says that comes from elsewhere: the
 * project's identity and the pinned key. The guide's components and the docs
 * generator both read it here, so the page and docs/mirrors.md say the same.
 */
import { isReleaseBuild } from './build-kind.ts';
import { identity, isPlaceholderEmail, isPlaceholderUrl } from './identity.ts';

/** release/minisign.pub as two lines: the untrusted comment and the key. */
export function keyFileCommand(publicKeyFile: string): string {
  const lines = publicKeyFile.trim().split('\n');
  return `printf '%s\\n' ${lines.map((line) => `'${line}'`).join(' ')} > minisign.pub`;
}

/** The main site's address as a volunteer types it before `/downloads/…`: without its final slash. */
export const siteAddress = identity.siteUrl.replace(/\/$/, '');

export const repositoryUrl = identity.repositoryUrl;
export const contactEmail = identity.contactEmail;

/**
 * Where the mirrors page tells a volunteer to report a mirror: each address in a release, or undefined. A
 * preview names none, even with the identity filled in, since no copy of a preview is to be mirrored or
 * reported; and a placeholder is an address nobody owns, never to be shown as if it were real.
 */
export const reportTo = isReleaseBuild()
  ? {
      repositoryUrl: isPlaceholderUrl(repositoryUrl) ? undefined : repositoryUrl,
      contactEmail: isPlaceholderEmail(contactEmail) ? undefined : contactEmail,
    }
  : { repositoryUrl: undefined, contactEmail: undefined };
export const onionAddress = identity.onionAddress;
