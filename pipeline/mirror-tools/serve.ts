/**
 * Serves the built site, optionally under a path prefix it was not built for,
 * as a mirror would: `node pipeline/mirror-tools/serve.ts [--port 4321] [--prefix /a/b/] [--dir dist]`.
 * The port is `--port`, else the `PORT` environment variable, else 4321.
 *
 * It behaves like the static hosts the deploy/ configurations set up: GET and
 * HEAD only, a folder without its trailing slash is redirected to it (relative
 * links break otherwise), nothing outside the folder is served — not even
 * through a symbolic link — and a missing file gets the site's own 404 page.
 * `send` does the HTTP work: ranges, conditional requests, content types.
 * With `precompressed`, a file's `.br` or `.gz` twin is sent instead when the
 * browser accepts it, as a host that compresses ahead of time would.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentType } from 'mime-types';
import send from 'send';
import { securityHeaders } from '../after-render/security-headers.ts';

export interface ServeOptions {
  dir: string;
  port: number;
  /** Where the site lives on this server: `/` or `/mirror/a/`. */
  prefix: string;
  host?: string;
  /** Send the `.br` or `.gz` file beside a file, when there is one and the browser accepts it. */
  precompressed?: boolean;
}

/** The encodings a precompressed twin may have, best first. */
const encodings = [
  { name: 'br', extension: '.br' },
  { name: 'gzip', extension: '.gz' },
] as const;

/** Whether an Accept-Encoding header accepts `name` (not with q=0). */
function accepts(acceptEncoding: string | undefined, name: string): boolean {
  return (acceptEncoding ?? '').split(',').some((part) => {
    const [coding = '', ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1]).find(Boolean);
    return coding.trim() === name && (q === undefined || Number(q) > 0);
  });
}

/** Files whose names say nothing of their type, but which are text a reader may open. */
const plainTextFiles = /(?:^|\/)(?:SHA256SUMS|MIRROR_ORIGIN|_headers|LATEST)$|\.minisig$/;

/** `/a//b` → `/a/b/`: the prefix as it appears at the start of every path. */
export function normalisePrefix(prefix: string): string {
  const segments = prefix.split('/').filter(Boolean);
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

/** The path below the site's root that `pathname` names, as decoded segments, or undefined if it names none. */
function siteSegments(pathname: string, prefix: string): string[] | undefined {
  if (!pathname.startsWith(prefix)) return undefined;
  const segments: string[] = [];
  for (const encoded of pathname.slice(prefix.length).split('/')) {
    let segment;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return undefined;
    }
    if (segment === '..' || segment.includes('/') || segment.includes('\\') || segment.includes('\0')) return undefined;
    if (segment !== '' && segment !== '.') segments.push(segment);
  }
  return segments;
}

/** The real path of `file` if it exists inside `root` (itself a real path), following no link out of it. */
async function realPathInside(root: string, file: string): Promise<string | undefined> {
  try {
    const real = await realpath(file);
    return real === root || real.startsWith(`${root}${path.sep}`) ? real : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The security headers a host sends with every file of the site (_headers), so that a preview behaves as a
 * mirror does: no framing, no sniffing. All but HSTS, which means nothing over plain HTTP on a loopback port.
 */
const servedHeaders = Object.entries(securityHeaders).filter(([name]) => name !== 'Strict-Transport-Security');

export async function serve({
  dir,
  port,
  prefix,
  host = '127.0.0.1',
  precompressed = false,
}: ServeOptions): Promise<Server> {
  const sitePrefix = normalisePrefix(prefix);
  const root = await realpath(dir);
  const notFoundPage = await readFile(path.join(root, '404.html'));

  const notFound = (request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'content-length': notFoundPage.length });
    response.end(request.method === 'HEAD' ? undefined : notFoundPage);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    for (const [name, value] of servedHeaders) response.setHeader(name, value);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      response.end('Only GET and HEAD are served here.\n');
      return;
    }
    // Only a path is accepted, read as one: as a reference, `//host/x` would lose its first segment to a host name.
    const target = request.url ?? '';
    if (!target.startsWith('/')) return notFound(request, response);
    const url = new URL(`http://localhost${target}`);
    const segments = siteSegments(url.pathname, sitePrefix);
    if (segments === undefined) return notFound(request, response);
    let file = await realPathInside(root, path.join(root, ...segments));
    if (file === undefined) return notFound(request, response);
    if ((await stat(file)).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        // Relative to the folder's own name, so a path like `//host/x` cannot redirect to another host.
        const name = url.pathname.split('/').at(-1) ?? '';
        response.writeHead(301, { location: `./${name}/${url.search}` });
        response.end();
        return;
      }
      file = await realPathInside(root, path.join(file, 'index.html'));
      if (file === undefined || !(await stat(file)).isFile()) return notFound(request, response);
    }
    const original = file;
    let encoding: string | undefined;
    if (precompressed) {
      for (const candidate of encodings) {
        if (!accepts(request.headers['accept-encoding'], candidate.name)) continue;
        const twin = await realPathInside(root, `${file}${candidate.extension}`);
        if (twin !== undefined && (await stat(twin)).isFile()) {
          file = twin;
          encoding = candidate.name;
          break;
        }
      }
      response.setHeader('vary', 'Accept-Encoding');
    }
    const relative = path.relative(root, file).split(path.sep).map(encodeURIComponent).join('/');
    send(request, `/${relative}`, { root, index: false, dotfiles: 'allow', etag: true })
      .on('headers', (res: ServerResponse) => {
        const type = plainTextFiles.test(original.split(path.sep).join('/'))
          ? 'text/plain; charset=utf-8'
          : contentType(path.extname(original));
        if (type) res.setHeader('content-type', type);
        if (encoding !== undefined) res.setHeader('content-encoding', encoding);
      })
      .on('error', (error: { status?: number; headers?: Record<string, string> }) => {
        const status = error.status ?? 500;
        if (status === 404) return notFound(request, response);
        response.writeHead(status, { ...error.headers, 'content-type': 'text/plain; charset=utf-8' });
        response.end();
      })
      .pipe(response);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return server;
}

/** The command line of `npm run serve` and `npm start`. */
export const serveOptions = {
  port: { type: 'string', default: process.env['PORT'] ?? '4321' },
  prefix: { type: 'string', default: '/' },
  dir: { type: 'string', default: 'dist' },
} as const;

if (import.meta.main) {
  const { values } = parseArgs({ options: serveOptions });
  const port = Number(values.port);
  await serve({ dir: values.dir, port, prefix: values.prefix });
  console.log(`Serving ${values.dir} at http://127.0.0.1:${port}${normalisePrefix(values.prefix)}`);
}
