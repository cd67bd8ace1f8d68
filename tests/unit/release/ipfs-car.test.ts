/** The release's CAR, unpacked with a real UnixFS implementation (tests/support/car.ts), independent of the writer. */
import { CID } from 'multiformats/cid';
import { describe, expect, it } from 'vitest';
import { siteCar } from '../../../pipeline/release/ipfs-car.ts';
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
});
