import { zipSync, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zip } from '../../../pipeline/after-render/zip';

const mtime = new Date(2024, 5, 7, 12, 34, 56);
const entries = [
  { path: 'mimetype', bytes: new TextEncoder().encode('application/epub+zip'), deflate: false },
  { path: 'en/index.html', bytes: new TextEncoder().encode('<!DOCTYPE html><p>'.padEnd(5000, 'x')), deflate: true },
  { path: 'be/ўсё/файл.txt', bytes: new TextEncoder().encode('Прафсаюзы. '.repeat(300)), deflate: true },
  { path: 'og/en/index.png', bytes: new Uint8Array(3000).fill(7), deflate: false },
];

describe('zip', () => {
  it('writes the very bytes fflate’s zipSync writes, names in UTF-8 among them', () => {
    const byFflate = zipSync(
      Object.fromEntries(entries.map((entry) => [entry.path, [entry.bytes, { level: entry.deflate ? 9 : 0, mtime }]])),
    );
    expect(Buffer.from(zip(entries, mtime)).equals(Buffer.from(byFflate))).toBe(true);
  });

  it('gives the same bytes again, from the deflated files it keeps, and unpacks to the files given', () => {
    const first = zip(entries, mtime);
    expect(Buffer.from(zip(entries, mtime)).equals(Buffer.from(first))).toBe(true);
    const unpacked = unzipSync(first);
    expect(Object.keys(unpacked)).toEqual(entries.map((entry) => entry.path));
    for (const entry of entries) expect(unpacked[entry.path]).toEqual(entry.bytes);
  });

  it('refuses a date zip cannot hold', () => {
    expect(() => zip(entries, new Date(1970, 0, 1))).toThrow(/cannot hold the date/);
  });
});
