/**
 * `npm start`: builds the site and serves it, as one process, so that
 * stopping it (Ctrl-C, or a signal to its process id) stops the server too.
 *
 *   npm start -- [--port 4321] [--prefix /] (the port also from PORT)
 */
import { parseArgs } from 'node:util';
import { build } from './build.ts';
import { serve, serveOptions } from './mirror-tools/serve.ts';

const { values } = parseArgs({ options: serveOptions });
try {
  await build({ outDir: values.dir });
} catch (error) {
  console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const port = Number(values.port);
await serve({ dir: values.dir, port, prefix: values.prefix });
console.log(`Serving ${values.dir} at http://127.0.0.1:${port}${values.prefix}`);
