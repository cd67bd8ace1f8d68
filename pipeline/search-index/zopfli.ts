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

/**
 * Gzips the content of each item with Zopfli, on worker threads; each item comes back with its bytes. `claim`,
 * asked as a thread is free for the next item, says whether this call compresses it: one it refuses (another
 * process is compressing it) is passed over, and is not in the result.
 */
export async function gzipBest<Item>(
  items: readonly Item[],
  contentOf: (item: Item) => Uint8Array,
  { iterations = defaultIterations, threads = availableParallelism() }: ZopfliOptions = {},
  claim: (item: Item) => boolean = () => true,
): Promise<[Item, Buffer][]> {
  const compressed: [Item, Buffer][] = [];
  const all = items.values();
  const queue = {
    next(): IteratorResult<Item> {
      for (let next = all.next(); ; next = all.next()) if (next.done === true || claim(next.value)) return next;
    },
  };
  let failed = false;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      // Started with the first item this thread takes: another process may be making every one.
      let worker: Worker | undefined;
      const fail = (error: unknown) => {
        failed = true;
        void worker?.terminate();
        reject(error);
      };
      const sendNext = () => {
        let next: IteratorResult<Item> | undefined;
        try {
          next = failed ? undefined : queue.next();
        } catch (error) {
          fail(error);
          return;
        }
        if (!next || next.done) {
          if (worker === undefined) resolve();
          else void worker.terminate().then(() => resolve(), reject);
          return;
        }
        const item = next.value;
        if (worker === undefined) {
          worker = new Worker(new URL('./zopfli-worker.ts', import.meta.url));
          worker.on('error', reject);
        }
        worker.once('message', (result: ZopfliResult) => {
          if ('error' in result) {
            fail(new Error(`Zopfli could not compress: ${result.error}`));
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
