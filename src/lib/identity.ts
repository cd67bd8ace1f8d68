/**
 * The project's public identity: the one place that says where the site
 * lives, where its source is, how to reach its keepers and, when there is one,
 * its onion service. Pages, the hosting guide in docs/mirrors.md, the host
 * configurations' documentation and the build read them from here.
 *
 * Each value below can be overridden by an environment variable, for a fork
 * or a test build:
 *
 *   SITE_URL        the canonical address, `https://…/` (used for link previews, feeds, QR codes)
 *   REPOSITORY_URL  where the source and the issues are, `https://…`
 *   CONTACT_EMAIL   the keepers' e-mail address
 *   ONION_ADDRESS   the onion service's host name (56 letters and digits, then `.onion`); empty for none
 *   PUBLISHER       who publishes the site, as the page about the project names them; or `unnamed`, and
 *                   that page says why the people behind it are not named
 *   SIGNAL_USERNAME a Signal username readers can write to (`name.01`); empty for none
 *
 * The values here are placeholders until the keepers fill in the real ones. A
 * release build (`npm run build -- --release`) refuses placeholders, so no
 * signed release can send volunteers and readers to addresses nobody owns.
 */

export interface Identity {
  /** The canonical public address, ending in `/`. */
  siteUrl: string;
  /** Where the source and the issues live. */
  repositoryUrl: string;
  /** The keepers' e-mail address. */
  contactEmail: string;
  /** The onion service's host name, `….onion`, when there is one. */
  onionAddress: string | undefined;
  /**
   * Who publishes the site: a name, or `unnamed` (the page about the project then says why the people behind
   * it are not named); undefined until the keepers decide, which only a preview may be.
   */
  publisher: string | undefined;
  /** A Signal username readers can write to, safer than e-mail from Belarus, when the keepers have one. */
  signalUsername: string | undefined;
}

export const configuredIdentity: Identity = {
  siteUrl: 'https://belarus-unions.example/',
  repositoryUrl: 'https://git.belarus-unions.example/record',
  contactEmail: 'record@belarus-unions.example',
  onionAddress: undefined,
  publisher: undefined,
  signalUsername: undefined,
};

/** Where each value can be overridden. */
export const identityVariables: Record<keyof Identity, string> = {
  siteUrl: 'SITE_URL',
  repositoryUrl: 'REPOSITORY_URL',
  contactEmail: 'CONTACT_EMAIL',
  onionAddress: 'ONION_ADDRESS',
  publisher: 'PUBLISHER',
  signalUsername: 'SIGNAL_USERNAME',
};

const onionShape = /^[a-z2-7]{56}\.onion$/;
/** Signal's usernames: a nickname of 3 to 32 letters, digits and underscores, a dot, and at least two digits. */
const signalShape = /^[a-z_][a-z0-9_]{2,31}\.\d{2,9}$/i;
/** What PUBLISHER says when the people behind the site are not named. */
export const unnamedPublisher = 'unnamed';
const emailShape = /^[^\s@<>"'(),;:\\[\]]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;

/** Checks a site address: http(s), no query or fragment, ending in `/`. */
export function parseSiteUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `SITE_URL must be an absolute http(s) address such as ${configuredIdentity.siteUrl}, not "${value}"`,
    );
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash || !url.pathname.endsWith('/')) {
    throw new Error(`SITE_URL must be an http(s) address ending in "/" without query or fragment, not "${value}"`);
  }
  return url;
}

function parseRepositoryUrl(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url === undefined || url.protocol !== 'https:' || url.search || url.hash || url.username || url.password) {
    throw new Error(`REPOSITORY_URL must be an https:// address with no query or fragment, not "${value}"`);
  }
  return url.href.replace(/\/$/, '');
}

function parseContactEmail(value: string): string {
  if (!emailShape.test(value)) throw new Error(`CONTACT_EMAIL must be an e-mail address, not "${value}"`);
  return value;
}

function parseOnionAddress(value: string): string {
  if (!onionShape.test(value)) {
    throw new Error(
      `ONION_ADDRESS must be a v3 onion service's host name: 56 lower-case letters and digits 2–7, then ".onion", not "${value}"`,
    );
  }
  return value;
}

function parsePublisher(value: string): string {
  if (value.length > 200 || /[\p{Cc}<>]/u.test(value)) {
    throw new Error(`PUBLISHER must be a name of at most 200 characters, or "${unnamedPublisher}", not "${value}"`);
  }
  return value;
}

function parseSignalUsername(value: string): string {
  if (!signalShape.test(value)) {
    throw new Error(
      `SIGNAL_USERNAME must be a Signal username: a nickname, a dot and at least two digits, such as "record.01", not "${value}"`,
    );
  }
  return value;
}

/** Values that may be empty: an empty variable means none, not the configured value. */
const mayBeNone = new Set<keyof Identity>(['onionAddress', 'signalUsername']);

/** The identity, with each value the environment sets in place of the configured one; throws naming a malformed one. */
export function readIdentity(environment: Readonly<Record<string, string | undefined>>): Identity {
  // An empty variable (as CI writes an unset one) leaves the configured value, or, where a value may be none, none.
  const value = (key: keyof Identity) => {
    const set = environment[identityVariables[key]]?.trim();
    return set === undefined || (set === '' && !mayBeNone.has(key)) ? configuredIdentity[key] : set;
  };
  const optional = <T>(set: string | undefined, parse: (text: string) => T) =>
    set === undefined || set === '' ? undefined : parse(set);
  return {
    siteUrl: parseSiteUrl(value('siteUrl') ?? '').href,
    repositoryUrl: parseRepositoryUrl(value('repositoryUrl') ?? ''),
    contactEmail: parseContactEmail(value('contactEmail') ?? ''),
    onionAddress: optional(value('onionAddress'), parseOnionAddress),
    publisher: optional(value('publisher'), parsePublisher),
    signalUsername: optional(value('signalUsername'), parseSignalUsername),
  };
}

/** Host names reserved for examples and tests (RFC 2606, RFC 6761): nobody can own them. */
function isPlaceholderHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return (
    /(?:^|\.)(?:example|invalid|test|localhost)$/.test(name) ||
    /^(?:www\.)?example\.(?:com|net|org)$/.test(name) ||
    /^127\.|^\[::1\]$/.test(name)
  );
}

/** Whether an http(s) address is on a host nobody can own. */
export const isPlaceholderUrl = (url: string) => isPlaceholderHost(new URL(url).hostname);
/** Whether an e-mail address is at a domain nobody can own. */
export const isPlaceholderEmail = (email: string) => isPlaceholderHost(email.split('@').at(-1) ?? '');

/** What in `identity` is a placeholder, each with the variable that sets it. */
export function placeholderProblems(identity: Identity): string[] {
  const problems: string[] = [];
  if (isPlaceholderUrl(identity.siteUrl)) problems.push(`SITE_URL is a placeholder: ${identity.siteUrl}`);
  if (isPlaceholderUrl(identity.repositoryUrl)) {
    problems.push(`REPOSITORY_URL is a placeholder: ${identity.repositoryUrl}`);
  }
  if (isPlaceholderEmail(identity.contactEmail)) {
    problems.push(`CONTACT_EMAIL is a placeholder: ${identity.contactEmail}`);
  }
  if (identity.publisher === undefined) {
    problems.push(
      `PUBLISHER is not set: name who publishes the site, or set it to "${unnamedPublisher}" for the project page to say why they are not named`,
    );
  }
  return problems;
}

/** Throws unless every value a release publishes is real: a release build calls this before rendering. */
export function assertReleaseIdentity(identity: Identity): void {
  const problems = placeholderProblems(identity);
  if (problems.length > 0) {
    throw new Error(
      `a release must not carry placeholders:\n  ${problems.join('\n  ')}\n` +
        'Set the real values in src/lib/identity.ts (configuredIdentity), or in these environment variables for this build.',
    );
  }
}

export const identity: Identity = readIdentity(process.env);
