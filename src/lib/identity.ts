/**
 * The project's public identity: the one place that says where the site lives,
 * where its source is and how to reach its keepers. Pages that name any of
 * these read them from here. Each can be overridden by an environment variable
 * when building a fork or a mirror with its own identity.
 */
import { siteUrl } from './site-url';

function optional(name: string, fallback: string | undefined): string | undefined {
  const value = process.env[name];
  return value === undefined ? fallback : value.trim() || undefined;
}

export const identity = {
  /** The canonical public address (`SITE_URL`). */
  siteUrl: siteUrl.href,
  /** Where the source and the issues live (`REPOSITORY_URL`); absent when none is public. */
  repositoryUrl: optional('REPOSITORY_URL', undefined),
  /** The keepers' e-mail address (`CONTACT_EMAIL`). */
  contactEmail: optional('CONTACT_EMAIL', 'record@belarus-unions.example'),
  /** The onion service's address (`ONION_ADDRESS`); absent when there is none. */
  onionAddress: optional('ONION_ADDRESS', undefined),
} as const;
