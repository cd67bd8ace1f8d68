/**
 * Serves the built site, optionally under a path prefix it was not built for,
 * as a mirror would: `node scripts/serve.ts [--port 4321] [--prefix /a/b/] [--dir dist]`.
 * The port is `--port`, else the `PORT` environment variable, else 4321.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';

export interface ServeOptions {
  dir: string;
  port: number;
  /** Where the site lives on this server: `/` or `/mirror/a/`. */
  prefix: string;
  host?: string;
  /** Send the `.br` or `.gz` file beside a file, when there is one and the browser accepts it. */
  precompressed?: boolean;
}

export async function serve({
  dir,
  port,
  prefix,
  host = '127.0.0.1',
  precompressed = false,
}: ServeOptions): Promise<Server> {
  const normalisedPrefix = `/${prefix.split('/').filter(Boolean).join('/')}/`.replace('//', '/');
  const files = sirv(dir, {
    dev: false,
    etag: true,
    extensions: ['html'],
    brotli: precompressed,
    gzip: precompressed,
  });
  const notFoundPage = await readFile(path.join(dir, '404.html'));
  const notFound = (response: import('node:http').ServerResponse) => {
    response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(notFoundPage);
  };
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (!url.startsWith(normalisedPrefix)) return notFound(response);
    request.url = `/${url.slice(normalisedPrefix.length)}`;
    files(request, response, () => notFound(response));
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
  console.log(`Serving ${values.dir} at http://127.0.0.1:${port}${values.prefix}`);
}
