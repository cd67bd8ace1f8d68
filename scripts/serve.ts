/**
 * Serves the built site, optionally under a path prefix it was not built for,
 * as a mirror would: `node scripts/serve.ts [--port 4321] [--prefix /a/b/] [--dir dist]`.
 * The port is `--port`, else the `PORT` environment variable, else 4321.
 *
 * It behaves like the static hosts the deploy/ configurations set up: GET and
 * HEAD only, a folder without its trailing slash is redirected to it (relative
 * links break otherwise), nothing outside the folder is served — not even
 * through a symbolic link — and a missing file gets the site's own 404 page.
 * `send` does the HTTP work: ranges, conditional requests, content types.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import send from 'send';

export interface ServeOptions {
  dir: string;
  port: number;
  /** Where the site lives on this server: `/` or `/mirror/a/`. */
  prefix: string;
  host?: string;
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

export async function serve({ dir, port, prefix, host = '127.0.0.1' }: ServeOptions): Promise<Server> {
  const sitePrefix = normalisePrefix(prefix);
  const root = await realpath(dir);
  const notFoundPage = await readFile(path.join(root, '404.html'));

  const notFound = (request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'content-length': notFoundPage.length });
    response.end(request.method === 'HEAD' ? undefined : notFoundPage);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      response.end('Only GET and HEAD are served here.\n');
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    const segments = siteSegments(url.pathname, sitePrefix);
    if (segments === undefined) return notFound(request, response);
    let file = await realPathInside(root, path.join(root, ...segments));
    if (file === undefined) return notFound(request, response);
    if ((await stat(file)).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        response.writeHead(301, { location: `${url.pathname}/${url.search}` });
        response.end();
        return;
      }
      file = await realPathInside(root, path.join(file, 'index.html'));
      if (file === undefined || !(await stat(file)).isFile()) return notFound(request, response);
    }
    const relative = path.relative(root, file).split(path.sep).map(encodeURIComponent).join('/');
    send(request, `/${relative}`, { root, index: false, dotfiles: 'allow', etag: true })
      .on('headers', (res: ServerResponse, filePath: string) => {
        if (plainTextFiles.test(filePath.split(path.sep).join('/'))) {
          res.setHeader('content-type', 'text/plain; charset=utf-8');
        }
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
