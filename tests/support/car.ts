/**
 * A CAR unpacked with a real UnixFS implementation (ipfs-unixfs-exporter),
 * independent of the writer (pipeline/release/ipfs-car.ts), for the unit tests
 * of the writer and the browser tests of the built release.
 */
import { createHash } from 'node:crypto';
import { CarReader } from '@ipld/car';
import { exporter, recursive } from 'ipfs-unixfs-exporter';
import type { CID } from 'multiformats/cid';

/** The multihash code of SHA-256, the only hash a block of the release may use. */
const sha256Code = 0x12;

/**
 * Every file the CAR holds, by path under its one root, as an IPFS gateway
 * would serve it. Throws on a CAR with other than one root, or with a block
 * that is not what its CID says: a CAR must not smuggle other bytes under a
 * known address.
 */
export async function unpackCar(car: Uint8Array): Promise<{ root: string; files: Map<string, Buffer> }> {
  const reader = await CarReader.fromBytes(car);
  const roots = await reader.getRoots();
  const [root] = roots;
  if (root === undefined || roots.length !== 1) throw new Error(`the CAR has ${roots.length} roots, not one`);
  for await (const block of reader.blocks()) {
    const digest = createHash('sha256').update(block.bytes).digest();
    if (block.cid.multihash.code !== sha256Code || !digest.equals(block.cid.multihash.digest)) {
      throw new Error(`block ${block.cid.toString()} is not the SHA-256 of its bytes`);
    }
  }
  const blockstore = {
    async *get(cid: CID) {
      const block = await reader.get(cid);
      if (block === undefined) throw new Error(`the CAR lacks block ${cid.toString()}`);
      yield block.bytes;
    },
  };
  const files = new Map<string, Buffer>();
  for await (const listed of recursive(root, blockstore)) {
    const entry = await exporter(listed.cid, blockstore);
    if (entry.type !== 'file' && entry.type !== 'raw') continue;
    const chunks: Uint8Array[] = [];
    for await (const chunk of entry.content()) chunks.push(chunk);
    files.set(listed.path.slice(root.toString().length + 1), Buffer.concat(chunks));
  }
  return { root: root.toString(), files };
}
