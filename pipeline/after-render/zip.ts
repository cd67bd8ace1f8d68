/**
 * The zips the build writes (the site's archive, the books): entries in the
 * order given, one date for all, each deflated or stored, laid out as fflate's
 * zipSync lays them out. Each file is deflated once: its deflated bytes are
 * kept in the build cache by what it holds, so a rebuild deflates only the
 * files that changed, and packing the archive again to write its own size
 * into the pages it holds (file-sizes.ts) costs only the copying.
 */
import { deflateSync } from 'fflate';
import { crc32 } from 'node:zlib';
import { buildCache, producerOf } from '../render/build-cache.ts';

export interface ZipEntry {
  path: string;
  bytes: Uint8Array;
  /** Deflated at the best level, or stored as it is. */
  deflate: boolean;
}

const deflated = buildCache('deflate', producerOf(new URL(import.meta.url)));
/**
 * This process's deflated bytes and CRCs too, by the bytes they were made of: the archive is packed again to write
 * its own size into the pages it holds, and every other file's bytes are the same object then, which need not be
 * hashed again to find its entry. Bytes are replaced, never changed in place.
 */
const deflatedHere = new WeakMap<Uint8Array, Buffer>();
const crcs = new WeakMap<Uint8Array, number>();

function deflateBest(bytes: Uint8Array): Buffer {
  let result = deflatedHere.get(bytes);
  if (result === undefined) {
    result = deflated.through(deflated.key(bytes), () => deflateSync(bytes, { level: 9 }));
    deflatedHere.set(bytes, result);
  }
  return result;
}

function crcOf(bytes: Uint8Array): number {
  const crc = crcs.get(bytes) ?? crc32(bytes);
  crcs.set(bytes, crc);
  return crc;
}

/** A date as zip stores it (MS-DOS's date and time, in two-second steps), from its local fields. */
function dosDateTime(date: Date): number {
  const year = date.getFullYear() - 1980;
  if (year < 0 || year > 119) throw new Error(`a zip cannot hold the date ${date.toISOString()}`);
  return (
    ((year << 25) |
      ((date.getMonth() + 1) << 21) |
      (date.getDate() << 16) |
      (date.getHours() << 11) |
      (date.getMinutes() << 5) |
      (date.getSeconds() >> 1)) >>>
    0
  );
}

const localHeaderBytes = 30;
const centralHeaderBytes = 46;
const endBytes = 22;

/** The zip of `entries`, every one dated `mtime`. */
export function zip(entries: readonly ZipEntry[], mtime: Date): Uint8Array {
  const time = dosDateTime(mtime);
  const files = entries.map((entry) => {
    const name = Buffer.from(entry.path, 'utf8');
    if (name.length > 0xffff) throw new Error(`a zip cannot hold a name as long as ${entry.path}`);
    return {
      name,
      // Bit 11 of the flags: the name is UTF-8, which zip needs said only when it is not ASCII.
      utf8: name.length !== entry.path.length,
      method: entry.deflate ? 8 : 0,
      crc: crcOf(entry.bytes),
      size: entry.bytes.length,
      data: entry.deflate ? deflateBest(entry.bytes) : entry.bytes,
    };
  });
  const localBytes = files.reduce((sum, file) => sum + localHeaderBytes + file.name.length + file.data.length, 0);
  const centralBytes = files.reduce((sum, file) => sum + centralHeaderBytes + file.name.length, 0);
  const out = Buffer.alloc(localBytes + centralBytes + endBytes);
  /** What a local and a central header share, from "version needed" to the name's length. */
  const common = (at: number, file: (typeof files)[number]) => {
    out.writeUInt16LE(20, at);
    out.writeUInt16LE(file.utf8 ? 0x800 : 0, at + 2);
    out.writeUInt16LE(file.method, at + 4);
    out.writeUInt32LE(time, at + 6);
    out.writeUInt32LE(file.crc, at + 10);
    out.writeUInt32LE(file.data.length, at + 14);
    out.writeUInt32LE(file.size, at + 18);
    out.writeUInt16LE(file.name.length, at + 22);
    // The extra field's length stays 0.
  };
  let offset = 0;
  let central = localBytes;
  for (const file of files) {
    out.writeUInt32LE(0x04034b50, offset);
    common(offset + 4, file);
    file.name.copy(out, offset + localHeaderBytes);
    out.set(file.data, offset + localHeaderBytes + file.name.length);
    out.writeUInt32LE(0x02014b50, central);
    // Made by version 2.0, on MS-DOS (0): what fflate writes.
    out.writeUInt16LE(20, central + 4);
    common(central + 6, file);
    // The comment's length, the disk, the internal and external attributes stay 0.
    out.writeUInt32LE(offset, central + 42);
    file.name.copy(out, central + centralHeaderBytes);
    offset += localHeaderBytes + file.name.length + file.data.length;
    central += centralHeaderBytes + file.name.length;
  }
  out.writeUInt32LE(0x06054b50, central);
  out.writeUInt16LE(files.length, central + 8);
  out.writeUInt16LE(files.length, central + 10);
  out.writeUInt32LE(centralBytes, central + 12);
  out.writeUInt32LE(localBytes, central + 16);
  return out;
}
