/**
 * Zopfli on every core. It writes gzip streams about 5 % smaller than zlib's
 * best, and takes a hundred times longer; @gfx/zopfli compresses on the thread
 * that calls it, so the build hands the files to one worker thread per core.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

export interface ZopfliTask {
  content: Uint8Array;
  iterations: number;
}

export type ZopfliResult = { output: Uint8Array } | { error: string };

/** As many passes as @gfx/zopfli's default, which the search budget was set with. */
const defaultIterations = 15;

export interface ZopfliOptions {
  iterations?: number;
  /** At most this many worker threads; one per core unless said. */
  threads?: number;
}

/** Gzips the content of each item with Zopfli, on worker threads; each item comes back with its bytes. */
export async function gzipBest<Item>(
  items: readonly Item[],
  contentOf: (item: Item) => Uint8Array,
  { iterations = defaultIterations, threads = availableParallelism() }: ZopfliOptions = {},
): Promise<[Item, Buffer][]> {
  const compressed: [Item, Buffer][] = [];
  const queue = items.values();
  let failed = false;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL('./zopfli-worker.ts', import.meta.url));
      worker.on('error', reject);
      const sendNext = () => {
        const next = failed ? undefined : queue.next();
        if (!next || next.done) {
          void worker.terminate().then(() => resolve(), reject);
          return;
        }
        const item = next.value;
        worker.once('message', (result: ZopfliResult) => {
          if ('error' in result) {
            failed = true;
            void worker.terminate();
            reject(new Error(`Zopfli could not compress: ${result.error}`));
            return;
          }
          compressed.push([item, Buffer.from(result.output)]);
          sendNext();
        });
        const task: ZopfliTask = { content: contentOf(item), iterations };
        worker.postMessage(task);
      };
      sendNext();
    });
  await Promise.all(Array.from({ length: Math.min(threads, items.length) }, runWorker));
  return compressed;
}
