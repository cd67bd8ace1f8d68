import { encode } from 'uqr';

/** An address as QR modules: error correction M, and a quiet zone of two modules, part of the image so that the code also scans on a dark page. */
function qrModules(text: string) {
  return encode(text, { ecc: 'M', border: 2 });
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

const uint32 = (n: number) => [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

function pngChunk(type: string, body: Uint8Array): number[] {
  const typed = new Uint8Array([...type].map((char) => char.charCodeAt(0)).concat([...body]));
  return [...uint32(body.length), ...typed, ...uint32(crc32(typed))];
}

/**
 * The code as a PNG of one bit a module, black on white. Its rows are stored,
 * not deflated: the modules are as good as random, so deflate gains nothing,
 * and stored bytes are the same from every zlib, which `rewrite-origin` and
 * `verify` rely on when they redraw a code.
 */
export function qrCodePng(text: string): Uint8Array {
  const { data, size } = qrModules(text);
  const stride = Math.ceil(size / 8) + 1; // each row: its filter byte (none), then its modules, 1 for white
  const rows = new Uint8Array(stride * size);
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      const at = y * stride + 1 + (x >> 3);
      if (!dark) rows[at] = (rows[at] ?? 0) | (0x80 >> (x & 7));
    }),
  );
  const header = new Uint8Array([...uint32(size), ...uint32(size), 1, 0, 0, 0, 0]); // 1-bit greyscale
  // A zlib stream of one stored block: header, LEN and its complement, the bytes, their Adler-32.
  const zlib = new Uint8Array([
    0x78,
    0x01,
    0x01,
    rows.length & 0xff,
    rows.length >> 8,
    ~rows.length & 0xff,
    (~rows.length >> 8) & 0xff,
    ...rows,
    ...uint32(adler32(rows)),
  ]);
  return new Uint8Array([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...pngChunk('IHDR', header),
    ...pngChunk('IDAT', zlib),
    ...pngChunk('IEND', new Uint8Array()),
  ]);
}

/**
 * The QR code as a page carries it: an image in the page itself, so no
 * request, drawn from a one-bit PNG (about half the bytes of the same code in
 * SVG, even as base64) and scaled without smoothing by the stylesheet, so it
 * stays sharp at any size and on paper. Its caption says what it is, so the
 * image itself is left to no screen reader. `rewrite-origin` redraws it for a
 * mirror's address and `verify` redraws it back, so both must produce these
 * bytes exactly; a browser test checks that the built pages do.
 */
export function qrCodeMarkup(url: string): string {
  return `<img alt="" src="data:image/png;base64,${btoa(String.fromCharCode(...qrCodePng(url)))}">`;
}
