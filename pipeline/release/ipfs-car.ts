/**
 * The release as an IPFS CAR: the site's files and its signed list, imported
 * as one UnixFS directory by ipfs-unixfs-importer (the importer of Helia and
 * js-ipfs) with the IPIP-499 "unixfs-v1-2025" profile, and written with
 * @ipld/car. `ipfs dag import` loads it into any IPFS node with the same root
 * CID, and a gateway serves it at `/ipfs/<CID>/`, where the site's relative
 * URLs work as under any other prefix.
 *
 * The same files give the same bytes and CID: the blocks are written in the
 * order of a walk from the root, each once, whatever order the importer stored
 * them in. So a build whose files are those of the last one takes the last
 * one's CAR from the build cache.
 */
import { CarReader, CarWriter } from '@ipld/car';
import * as dagPb from '@ipld/dag-pb';
import { importer, type ImportCandidate } from 'ipfs-unixfs-importer';
import type { CID } from 'multiformats/cid';
import { buildCache, producerOf, type BuildCache, type Producer } from '../render/build-cache.ts';

export interface SiteCar {
  bytes: Uint8Array;
  /** The root directory's CID, in base32, as `ipfs` prints it. */
  cid: string;
}

/** Keeps each block the importer stores. */
class MemoryBlocks {
  readonly blocks = new Map<string, Uint8Array>();

  async put(cid: CID, bytes: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<CID> {
    if (bytes instanceof Uint8Array) {
      this.blocks.set(cid.toString(), bytes);
      return cid;
    }
    const chunks: Uint8Array[] = [];
    for await (const chunk of bytes) chunks.push(chunk);
    this.blocks.set(cid.toString(), Buffer.concat(chunks));
    return cid;
  }
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * What decides a CAR's bytes besides the files: this module and all it imports, and the packages that the IPFS
 * packages it drives use to encode blocks (UnixFS, a large folder's hash shards, the CAR's header).
 */
export const carProducer: Producer = producerOf(new URL(import.meta.url), {
  packages: [
    'ipfs-unixfs',
    'hamt-sharding',
    '@multiformats/murmur3',
    '@ipld/dag-cbor',
    'cborg',
    'varint',
    'multiformats',
  ],
});

/**
 * The last CAR made, after the key of the files it holds. One entry, which each CAR of other files replaces: a
 * CAR is as large as the site, and an editor's every rebuild would otherwise keep another.
 */
const lastCar = { cache: buildCache('car', carProducer), entry: 'last-car' };

/**
 * The CAR of `files` (paths relative to the site's root), with the directory that holds them as its root: the
 * one `cache` kept, when it holds these files in this order.
 */
export async function siteCar(
  files: readonly { path: string; bytes: Uint8Array }[],
  cache: BuildCache = lastCar.cache,
): Promise<SiteCar> {
  const key = Buffer.from(cache.key(...files.flatMap((file) => [file.path, file.bytes])));
  const kept = cache.get(lastCar.entry);
  if (kept !== undefined && kept.subarray(0, key.length).equals(key)) {
    const bytes = kept.subarray(key.length);
    return { bytes, cid: await carRootCid(bytes) };
  }
  const made = await importedCar(files);
  cache.set(lastCar.entry, Buffer.concat([key, made.bytes]));
  return made;
}

async function importedCar(files: readonly { path: string; bytes: Uint8Array }[]): Promise<SiteCar> {
  const store = new MemoryBlocks();
  const candidates: ImportCandidate[] = files.map((file) => ({ path: file.path, content: file.bytes }));
  let root: CID | undefined;
  for await (const entry of importer(candidates, store, { profile: 'unixfs-v1-2025', wrapWithDirectory: true })) {
    root = entry.cid;
  }
  if (root === undefined) throw new Error('the IPFS importer gave no root for the release');

  const { writer, out } = CarWriter.create([root]);
  const written = collect(out);
  const seen = new Set<string>();
  const walk = async (cid: CID): Promise<void> => {
    const key = cid.toString();
    if (seen.has(key)) return;
    seen.add(key);
    const bytes = store.blocks.get(key);
    if (bytes === undefined) throw new Error(`the IPFS importer did not store block ${key}`);
    await writer.put({ cid, bytes });
    if (cid.code === dagPb.code) {
      for (const link of dagPb.decode(bytes).Links) await walk(link.Hash);
    }
  };
  await walk(root);
  await writer.close();
  return { bytes: await written, cid: root.toString() };
}

/** The root CID a CAR names in its header, as `ipfs` prints it. */
export async function carRootCid(bytes: Uint8Array): Promise<string> {
  const roots = await (await CarReader.fromBytes(bytes)).getRoots();
  const [root] = roots;
  if (root === undefined || roots.length > 1) throw new Error('a release CAR names exactly one root');
  return root.toString();
}
