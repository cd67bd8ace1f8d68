/**
 * One thread of `gzipBest` (pipeline/search-index/zopfli.ts): compresses each buffer it
 * is sent with Zopfli and sends the result back.
 */
import { parentPort } from 'node:worker_threads';
import { gzipAsync } from '@gfx/zopfli';
import type { ZopfliResult, ZopfliTask } from './zopfli.ts';

if (!parentPort)
  throw new Error(
    'pipeline/search-index/zopfli-worker.ts runs only as a worker thread of pipeline/search-index/zopfli.ts',
  );
const port = parentPort;
port.on('message', async ({ content, iterations }: ZopfliTask) => {
  const reply: ZopfliResult = await gzipAsync(content, { numiterations: iterations }).then(
    (output) => ({ output }),
    (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
  );
  port.postMessage(reply);
});
