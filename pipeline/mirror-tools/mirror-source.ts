/**
 * Reading a copy of the site, in a folder or on the web, as untrusted data:
 * every read has a size limit and every web request a time limit, and nothing
 * outside the copy is read — no path leaves the folder or follows a symbolic
 * link, no redirect leaves the mirror's origin, and where it matters (`readAt`)
 * none leaves the address asked.
 */
import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sitePathProblem, walkDirectory } from '../release/checksums.ts';
import { parseUrl } from '../release/site-address.ts';

export type ReadResult =
  | { status: 'found'; bytes: Buffer; /** The response's headers, from a web mirror. */ headers?: Headers }
  | { status: 'missing' }
  | { status: 'unreadable'; reason: string };

/** A web mirror's answer to a request that no redirect may take elsewhere (`HttpMirror.readAt`). */
export type ReadAtResult =
  | ReadResult
  | { status: 'redirected'; /** Where to, as the server said it: resolved, or quoted if it is no URL. */ to: string };

export interface MirrorSource {
  /** The copy's folder or web address, for messages. */
  readonly location: string;
  read(sitePath: string, maxBytes: number): Promise<ReadResult>;
}

const missing: ReadResult = { status: 'missing' };
const unreadable = (reason: string): ReadResult => ({ status: 'unreadable', reason });
const maxRedirects = 5;

/** Thrown when the whole check has run out of time; the message says so and how to allow more. */
export class OutOfTime extends Error {}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MiB` : `${bytes / 1024} KiB`;
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** A copy on disk: a USB stick, a download, an unpacked archive. */
export class FolderMirror implements MirrorSource {
  readonly location: string;
  /** The folder's real path, so that any symbolic link inside shows as a difference. */
  readonly #root: string;

  private constructor(location: string, root: string) {
    this.location = location;
    this.#root = root;
  }

  static async open(folder: string): Promise<FolderMirror> {
    const isFolder = await stat(folder).then(
      (stats) => stats.isDirectory(),
      () => false,
    );
    if (!isFolder) throw new Error(`${folder} is not a folder`);
    return new FolderMirror(folder, await realpath(folder));
  }

  async read(sitePath: string, maxBytes: number): Promise<ReadResult> {
    const problem = sitePathProblem(sitePath);
    if (problem !== undefined) return unreadable(`its path ${problem}`);
    const file = path.join(this.#root, ...sitePath.split('/'));
    let real;
    try {
      real = await realpath(file);
    } catch (error) {
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return missing;
      throw error;
    }
    if (real !== file) return unreadable('a symbolic link, or behind one');
    const stats = await lstat(file);
    if (!stats.isFile()) return unreadable('not a regular file');
    if (stats.size > maxBytes) return unreadable(`larger than ${formatSize(maxBytes)}`);
    return { status: 'found', bytes: await readFile(file) };
  }

  /** Every file in the folder, as site paths. */
  async list(): Promise<string[]> {
    return (await walkDirectory(this.#root)).map((entry) => entry.path);
  }
}

/** A copy on the web, under any path prefix: GitHub Pages, an S3 folder, an IPFS gateway. */
export class HttpMirror implements MirrorSource {
  readonly location: string;
  readonly #base: URL;
  readonly #timeoutMs: number;
  /** Aborted when the whole check is out of time; its reason is an OutOfTime. */
  readonly #deadline: AbortSignal | undefined;

  constructor(address: string, timeoutMs: number, deadline?: AbortSignal) {
    const base = parseUrl(address);
    if (base === undefined || (base.protocol !== 'http:' && base.protocol !== 'https:')) {
      throw new Error(`${JSON.stringify(address)} is not an http:// or https:// address`);
    }
    if (base.search !== '' || base.hash !== '') {
      throw new Error(`${address}: a mirror's address has no query (?…) or fragment (#…)`);
    }
    if (base.username !== '' || base.password !== '') {
      throw new Error(`${address}: a mirror's address carries no user name or password`);
    }
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    this.#base = base;
    this.location = base.href;
    this.#timeoutMs = timeoutMs;
    this.#deadline = deadline;
  }

  /** Where the file at `sitePath` is served. */
  urlOf(sitePath: string): URL {
    return new URL(sitePath.split('/').map(encodeURIComponent).join('/'), this.#base);
  }

  /** The site path `url` names, if it lies inside the mirror: `…/prefix/en/` → `en/`. */
  sitePathOf(url: URL): string | undefined {
    if (url.origin !== this.#base.origin || !url.pathname.startsWith(this.#base.pathname)) return undefined;
    return url.pathname
      .slice(this.#base.pathname.length)
      .split('/')
      .map((segment) => {
        try {
          return decodeURIComponent(segment);
        } catch {
          return segment;
        }
      })
      .join('/');
  }

  read(sitePath: string, maxBytes: number): Promise<ReadResult> {
    return this.readUrl(this.urlOf(sitePath), maxBytes);
  }

  /** Fetches `url`, following redirects only within the mirror's origin. */
  async readUrl(url: URL, maxBytes: number): Promise<ReadResult> {
    const result = await this.#fetch(url, maxBytes, (next) => next.origin === this.#base.origin);
    if (result.status !== 'redirected') return result;
    return unreadable(`redirected to another origin (${JSON.stringify(result.location.slice(0, 100))})`);
  }

  /**
   * Fetches `url`, following only a redirect that keeps the reader at that address, between a folder's address
   * and its index.html (see `keepsAddress`); any other ends the read, saying where it led.
   */
  async readAt(url: URL, maxBytes: number): Promise<ReadAtResult> {
    const result = await this.#fetch(url, maxBytes, (next) => keepsAddress(url, next));
    if (result.status !== 'redirected') return result;
    const to = result.next?.href ?? JSON.stringify(result.location);
    return { status: 'redirected', to: to.length > 200 ? `${to.slice(0, 200)}…` : to };
  }

  /** Fetches `url`, following the redirects `follows` accepts; at one it does not, says where it led. */
  async #fetch(
    url: URL,
    maxBytes: number,
    follows: (next: URL) => boolean,
  ): Promise<ReadResult | { status: 'redirected'; location: string; next: URL | undefined }> {
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    const signal = this.#deadline === undefined ? timeout : AbortSignal.any([timeout, this.#deadline]);
    try {
      let target = url;
      for (let redirects = 0; redirects <= maxRedirects; redirects += 1) {
        const response = await fetch(target, { redirect: 'manual', signal });
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && location !== null) {
          await response.body?.cancel();
          const next = parseUrl(location, target);
          if (next === undefined || !follows(next)) return { status: 'redirected', location, next };
          target = next;
          continue;
        }
        if (response.status === 404 || response.status === 410) {
          await response.body?.cancel();
          return missing;
        }
        if (response.status !== 200) {
          await response.body?.cancel();
          return unreadable(`HTTP ${response.status}`);
        }
        const bytes = await readLimited(response, maxBytes);
        if (bytes === undefined) return unreadable(`larger than ${formatSize(maxBytes)}`);
        return { status: 'found', bytes, headers: response.headers };
      }
      return unreadable(`more than ${maxRedirects} redirects`);
    } catch (error) {
      if (this.#deadline?.aborted) throw this.#deadline.reason;
      if (signal.aborted) return unreadable(`no complete answer within ${this.#timeoutMs / 1000} s`);
      // fetch() reports network failures as "fetch failed", with the reason as its cause.
      const reason = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      return unreadable(reason instanceof Error ? reason.message : String(reason));
    }
  }
}

/** A path's segments, decoded where they can be, without a last `index.html`: `/en/index.html` and `/en/` alike. */
function pageSegments(pathname: string): string[] {
  const segments = pathname.split('/').map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
  if (segments.length > 1 && segments.at(-1) === 'index.html') segments[segments.length - 1] = '';
  return segments;
}

/**
 * Whether a redirect from `asked` to `next` keeps the reader at the address asked: the same origin and the same
 * path, but for `index.html` added after a folder's slash or taken away, with the query kept or dropped (the
 * fragment aside). A browser resolves the page's relative links from the folder either way; a redirect anywhere
 * else — even to the same bytes — has it resolve them from there, where the server may answer anything.
 */
export function keepsAddress(asked: URL, next: URL): boolean {
  return (
    next.origin === asked.origin &&
    (next.search === '' || next.search === asked.search) &&
    JSON.stringify(pageSegments(next.pathname)) === JSON.stringify(pageSegments(asked.pathname))
  );
}

/** The response body, or undefined if it is longer than `maxBytes`; stops reading as soon as it is. */
async function readLimited(response: Response, maxBytes: number): Promise<Buffer | undefined> {
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await response.body?.cancel();
    return undefined;
  }
  if (response.body === null) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop early cancels the download.
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/** A folder, a `file:` URL or an http(s) address; `deadline` ends every web request when the whole check is out of time. */
export async function openMirror(
  location: string,
  timeoutMs: number,
  deadline?: AbortSignal,
): Promise<FolderMirror | HttpMirror> {
  if (/^https?:/i.test(location)) return new HttpMirror(location, timeoutMs, deadline);
  return FolderMirror.open(location.startsWith('file:') ? fileURLToPath(location) : location);
}
