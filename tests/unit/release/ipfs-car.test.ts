/** The release's CAR, unpacked with a real UnixFS implementation (ipfs-unixfs-exporter), independent of the writer. */
import { createHash } from 'node:crypto';
import { CarReader } from '@ipld/car';
import { exporter, recursive } from 'ipfs-unixfs-exporter';
import { CID } from 'multiformats/cid';
import { describe, expect, it } from 'vitest';
import { siteCar } from '../../../scripts/release/ipfs-car.ts';

const sha256Code = 0x12;

const files = [
  { path: 'index.html', bytes: Buffer.from('<!doctype html><title>Home</title>') },
  { path: 'SHA256SUMS', bytes: Buffer.from(`${'0'.repeat(64)}  index.html\n`) },
  { path: 'be/пэтыцыя/index.html', bytes: Buffer.from('<p>Пэтыцыя</p>') },
  // Larger than one chunk (1 MiB in the unixfs-v1-2025 profile), so the file spans several blocks.
  { path: 'downloads/big.bin', bytes: Buffer.from(Array.from({ length: 2_500_000 }, (_, i) => (i * 7919) % 251)) },
  { path: 'og/same-a.png', bytes: Buffer.from('identical bytes') },
  { path: 'og/same-b.png', bytes: Buffer.from('identical bytes') },
];

/** Every file the CAR holds, as a real UnixFS exporter reads it, and its root. */
async function unpack(car: Uint8Array): Promise<{ root: string; files: Map<string, Buffer> }> {
  const reader = await CarReader.fromBytes(car);
  const roots = await reader.getRoots();
  expect(roots).toHaveLength(1);
  const [root] = roots;
  if (root === undefined) throw new Error('no root');
  for await (const block of reader.blocks()) {
    // Each block is what its CID says: the CAR cannot smuggle other bytes under a known address.
    expect(block.cid.multihash.code).toBe(sha256Code);
    expect(Buffer.from(block.cid.multihash.digest)).toEqual(createHash('sha256').update(block.bytes).digest());
  }
  const blockstore = {
    async *get(cid: CID) {
      const block = await reader.get(cid);
      if (block === undefined) throw new Error(`the CAR lacks block ${cid.toString()}`);
      yield block.bytes;
    },
  };
  const unpacked = new Map<string, Buffer>();
  for await (const listed of recursive(root, blockstore)) {
    const entry = await exporter(listed.cid, blockstore);
    if (entry.type !== 'file' && entry.type !== 'raw') continue;
    const chunks: Uint8Array[] = [];
    for await (const chunk of entry.content()) chunks.push(chunk);
    unpacked.set(listed.path.slice(root.toString().length + 1), Buffer.concat(chunks));
  }
  return { root: root.toString(), files: unpacked };
}

describe('the release as an IPFS CAR', () => {
  it('unpacks, with a real UnixFS exporter, to every file byte for byte under one root', async () => {
    const car = await siteCar(files);
    const unpacked = await unpack(car.bytes);
    expect(unpacked.root).toBe(car.cid);
    expect([...unpacked.files.keys()].sort()).toEqual(files.map((file) => file.path).sort());
    for (const file of files) expect(unpacked.files.get(file.path)?.equals(file.bytes), file.path).toBe(true);
    expect(CID.parse(car.cid).version).toBe(1);
  });

  it('has the same bytes and root CID every time, whatever order the files come in', async () => {
    const first = await siteCar(files);
    const second = await siteCar([...files].reverse());
    expect(second.cid).toBe(first.cid);
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });

  it('has another root CID when one byte of one file changes', async () => {
    const changed = files.map((file) =>
      file.path === 'index.html' ? { ...file, bytes: Buffer.from('<!doctype html><title>Home!</title>') } : file,
    );
    expect((await siteCar(changed)).cid).not.toBe((await siteCar(files)).cid);
  });
});
