/**
 * The `_headers` file as Netlify and Cloudflare Pages read it, and what a web
 * mirror's server sends compared with it.
 *
 * The format, as both hosts parse it: each line is trimmed; blank lines and
 * lines starting with `#` are skipped; a line starting with `/` (or with a
 * scheme, `https://host/…`) starts a rule for that path pattern; every other
 * line is `Name: value` for the rule above it (names are case-insensitive, a
 * name given twice has its values joined with ", "), or, on Cloudflare,
 * `! Name` to drop a header an earlier matching rule set. A pattern's `*`
 * matches anything and `:name` one path segment. Every rule that matches a
 * path applies, in order.
 */

export interface HeaderRule {
  /** The path pattern, e.g. `/*` or `/en/:slug/`. */
  pattern: string;
  /** Lower-case name → value. */
  headers: Map<string, string>;
  /** Lower-case names that this rule drops. */
  unset: string[];
}

/** Cloudflare's limits, which the release's `_headers` must keep to. */
export const headersFileLimits = { maxLineLength: 2000, maxRules: 100 } as const;

/** Reads a `_headers` file; throws naming the line of anything either host would skip. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [index, rawLine] of text.split('\n').entries()) {
    const line = rawLine.trim();
    const where = `_headers line ${index + 1}`;
    if (line === '' || line.startsWith('#')) continue;
    if (line.length > headersFileLimits.maxLineLength) {
      throw new Error(`${where} is longer than ${headersFileLimits.maxLineLength} characters`);
    }
    if (/^(?:\S+:\/\/|\/)/.test(line)) {
      if (rules.length >= headersFileLimits.maxRules) throw new Error(`${where}: more than 100 rules`);
      rules.push({ pattern: line, headers: new Map(), unset: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (rule === undefined) throw new Error(`${where}: a header before any path`);
    const colon = line.indexOf(':');
    if (colon < 0) {
      if (!line.startsWith('!')) throw new Error(`${where}: expected "Name: value" or "! Name"`);
      rule.unset.push(line.slice(1).trim().toLowerCase());
      continue;
    }
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === '' || /\s/.test(name) || value === '') throw new Error(`${where}: expected "Name: value"`);
    const earlier = rule.headers.get(name);
    rule.headers.set(name, earlier === undefined ? value : `${earlier}, ${value}`);
  }
  const empty = rules.find((rule) => rule.headers.size === 0 && rule.unset.length === 0);
  if (empty !== undefined) throw new Error(`_headers: the rule ${empty.pattern} sets no header`);
  return rules;
}

function escapeRegExp(text: string): string {
  return text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether a rule's pattern matches a path (`/en/x/`); patterns naming a host apply only on that host, never to a mirror. */
export function patternMatches(pattern: string, sitePath: string): boolean {
  if (!pattern.startsWith('/')) return false;
  const source = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : escapeRegExp(part)))
    .join('');
  return new RegExp(`^${source}$`).test(sitePath);
}

/** The headers the rules give a path: lower-case name → value. */
export function headersForPath(rules: readonly HeaderRule[], sitePath: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const rule of rules.filter((candidate) => patternMatches(candidate.pattern, sitePath))) {
    for (const name of rule.unset) headers.delete(name);
    for (const [name, value] of rule.headers) {
      const earlier = headers.get(name);
      headers.set(name, earlier === undefined ? value : `${earlier}, ${value}`);
    }
  }
  return headers;
}

/**
 * Headers that change what a page does or whom the reader's browser contacts:
 * a server may not add them unless the signed `_headers` has them. Refresh
 * sends the reader elsewhere; Link can preload from any site; the reporting
 * headers make the browser report to an address of the server's choosing.
 */
export const headersNobodyMayAdd: readonly string[] = [
  'refresh',
  'link',
  'set-cookie',
  'content-security-policy-report-only',
  'report-to',
  'reporting-endpoints',
  'nel',
  'clear-site-data',
  'service-worker-allowed',
  'speculation-rules',
  'content-disposition',
];

/**
 * Signed headers whose value must be exactly the signed one when a server
 * sends them: a different Content-Security-Policy can add a report address.
 * Other signed headers that are missing or differ are noted, not failed:
 * GitHub Pages, for one, cannot send custom headers, and sends its own HSTS.
 */
const headersThatMustMatch: readonly string[] = ['content-security-policy'];

export interface HeaderDifference {
  /** `added` and `differs` (for a header that must match) fail the check; `missing` and `other` are noted. */
  kind: 'added' | 'differs' | 'missing' | 'other';
  /** Lower-case header name. */
  name: string;
  served?: string | undefined;
  signed?: string | undefined;
}

export function failsCheck(difference: HeaderDifference): boolean {
  return difference.kind === 'added' || difference.kind === 'differs';
}

/** How the headers a server sent for one path differ from what the signed `_headers` gives it. */
export function compareHeaders(expected: ReadonlyMap<string, string>, served: Headers): HeaderDifference[] {
  const differences: HeaderDifference[] = [];
  for (const [name, signed] of expected) {
    const value = served.get(name);
    if (value === null) differences.push({ kind: 'missing', name, signed });
    else if (value !== signed) {
      differences.push({
        kind: headersThatMustMatch.includes(name) ? 'differs' : 'other',
        name,
        served: value,
        signed,
      });
    }
  }
  for (const name of headersNobodyMayAdd) {
    const value = served.get(name);
    if (value !== null && !expected.has(name)) differences.push({ kind: 'added', name, served: value });
  }
  return differences;
}
