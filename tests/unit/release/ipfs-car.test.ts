/** The release's CAR, unpacked with a real UnixFS implementation (tests/support/car.ts), independent of the writer. */
import { CID } from 'multiformats/cid';
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { carProducer, siteCar } from '../../../pipeline/release/ipfs-car.ts';
import { buildCache } from '../../../pipeline/render/build-cache.ts';
import { unpackCar } from '../../support/car.ts';

const files = [
  { path: 'index.html', bytes: Buffer.from('<!doctype html><title>Home</title>') },
  { path: 'SHA256SUMS', bytes: Buffer.from(`${'0'.repeat(64)}  index.html\n`) },
  { path: 'be/пэтыцыя/index.html', bytes: Buffer.from('<p>Пэтыцыя</p>') },
  // Larger than one chunk (1 MiB in the unixfs-v1-2025 profile), so the file spans several blocks.
  { path: 'downloads/big.bin', bytes: Buffer.from(Array.from({ length: 2_500_000 }, (_, i) => (i * 7919) % 251)) },
  { path: 'og/same-a.png', bytes: Buffer.from('identical bytes') },
  { path: 'og/same-b.png', bytes: Buffer.from('identical bytes') },
];

describe('the release as an IPFS CAR', () => {
  it('unpacks, with a real UnixFS exporter, to every file byte for byte under one root', async () => {
    const car = await siteCar(files);
    const unpacked = await unpackCar(car.bytes);
    expect(unpacked.root).toBe(car.cid);
    expect([...unpacked.files.keys()].sort()).toEqual(files.map((file) => file.path).sort());
    for (const file of files) expect(unpacked.files.get(file.path)?.equals(file.bytes), file.path).toBe(true);
    expect(CID.parse(car.cid).version).toBe(1);
  });

  it('is refused when a byte of a block is not what its CID says', async () => {
    const car = Buffer.from((await siteCar(files)).bytes);
    const text = car.indexOf(Buffer.from('Пэтыцыя'));
    expect(text).toBeGreaterThan(0);
    car[text] = 0x20;
    await expect(unpackCar(car)).rejects.toThrow('is not the SHA-256 of its bytes');
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

  describe('kept between builds', () => {
    const folders: string[] = [];
    afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

    it('gives the last CAR while the files are the same, and makes another when one changes', async () => {
      const folder = await mkdtemp(path.join(tmpdir(), 'car-cache-'));
      folders.push(folder);
      const cache = buildCache('car', carProducer, folder);
      const made = await siteCar(files, cache);
      const entry = path.join(folder, 'car', 'la', 'last-car');
      const kept = await readFile(entry);
      expect(kept.subarray(-made.bytes.length).equals(Buffer.from(made.bytes))).toBe(true);
      // A stand-in for the kept CAR, with its key, shows that the next build reads it rather than make it again.
      const standIn = await siteCar(files.slice(0, 1), buildCache('stand-in', carProducer, folder));
      await writeFile(entry, Buffer.concat([kept.subarray(0, 64), standIn.bytes]));
      expect((await siteCar(files, cache)).cid).toBe(standIn.cid);
      // One byte of one file changed, or the files in another order: the CAR is made again, and replaces the last.
      const changed = files.map((file) =>
        file.path === 'index.html' ? { ...file, bytes: Buffer.from('<!doctype html><title>Home!</title>') } : file,
      );
      const remade = await siteCar(changed, cache);
      expect(remade.cid).not.toBe(made.cid);
      expect(remade.cid).toBe((await unpackCar(remade.bytes)).root);
      expect((await siteCar([...files].reverse(), cache)).cid).toBe(made.cid);
      expect((await readFile(entry)).subarray(64).equals(Buffer.from(made.bytes))).toBe(true);
      // Another version of the IPFS packages, or of this module, keys every CAR anew.
      expect(carProducer.packages).toEqual(
        expect.arrayContaining(['ipfs-unixfs-importer', 'ipfs-unixfs', '@ipld/car', '@ipld/dag-pb', 'multiformats']),
      );
      expect(carProducer.modules.map((module) => path.basename(module.pathname))).toContain('ipfs-car.ts');
    });
  });
});
