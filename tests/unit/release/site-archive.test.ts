import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { isCompressed, siteArchive } from '../../../pipeline/after-render/take-away';
import { pngSignature } from '../../../pipeline/render/preview-image';

const text = new TextEncoder().encode('<!DOCTYPE html><p>'.padEnd(4000, 'x'));
const png = new Uint8Array([...pngSignature, ...new Uint8Array(4000).fill(7)]);
const gzip = new Uint8Array([0x1f, 0x8b, ...new Uint8Array(4000).fill(9)]);
const files = [
  { path: 'en/index.html', bytes: text },
  { path: 'og/en/index.png', bytes: png },
  { path: 'pagefind/fragment/x.pf_fragment', bytes: gzip },
];

/** The compression method of each entry, from the zip's central directory: 0 stored, 8 deflated. */
function methods(zip: Uint8Array): Record<string, number> {
  const bytes = Buffer.from(zip);
  const found: Record<string, number> = {};
  for (let at = bytes.indexOf('PK\x01\x02', 0, 'latin1'); at >= 0; at = bytes.indexOf('PK\x01\x02', at + 4, 'latin1')) {
    const nameLength = bytes.readUInt16LE(at + 28);
    found[bytes.toString('utf8', at + 46, at + 46 + nameLength)] = bytes.readUInt16LE(at + 10);
  }
  return found;
}

describe('siteArchive', () => {
  it('deflates text and stores what is compressed already', () => {
    expect(isCompressed(png)).toBe(true);
    expect(isCompressed(gzip)).toBe(true);
    expect(isCompressed(text)).toBe(false);
    expect(methods(siteArchive(files))).toEqual({
      'en/index.html': 8,
      'og/en/index.png': 0,
      'pagefind/fragment/x.pf_fragment': 0,
    });
  });

  it('holds every file unchanged', () => {
    const unpacked = unzipSync(siteArchive(files));
    for (const file of files) expect(Buffer.from(unpacked[file.path] ?? []).equals(Buffer.from(file.bytes))).toBe(true);
  });

  it('writes the same bytes in every time zone, with the release date on every entry', () => {
    const releaseDate = new Date(Date.UTC(2021, 2, 31, 14, 30, 0));
    const script = `
      import { siteArchive } from './pipeline/after-render/take-away.ts';
      const bytes = siteArchive([{ path: 'a.txt', bytes: new TextEncoder().encode('a') }], new Date(${releaseDate.getTime()}));
      process.stdout.write(Buffer.from(bytes).toString('base64'));
    `;
    const inZone = (TZ: string) =>
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TZ } }).toString();
    const utc = inZone('UTC');
    expect(inZone('Europe/Minsk')).toBe(utc);
    expect(inZone('America/Los_Angeles')).toBe(utc);
    // DOS date and time fields of the local header: 2021-03-31 14:30:00.
    const header = Buffer.from(utc, 'base64');
    expect(header.readUInt16LE(10)).toBe((14 << 11) | (30 << 5));
    expect(header.readUInt16LE(12)).toBe(((2021 - 1980) << 9) | (3 << 5) | 31);
  }, 60_000);

  it('unpacks with unzip as the mirror guide says, file for file', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'site-archive-'));
    try {
      await writeFile(path.join(folder, 'belarus-unions-record.zip'), siteArchive(files));
      execFileSync('unzip', ['-q', 'belarus-unions-record.zip', '-d', 'site'], { cwd: folder, stdio: 'pipe' });
      for (const file of files) {
        expect((await readFile(path.join(folder, 'site', file.path))).equals(Buffer.from(file.bytes)), file.path).toBe(
          true,
        );
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
