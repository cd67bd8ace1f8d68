import jsQR from 'jsqr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { qrCodeMarkup, qrCodePng } from '../../src/lib/qr-code';

/** What a phone's camera would read: the PNG decoded and scaled up without smoothing, as the page shows it, read by jsQR. */
async function scan(png: Uint8Array): Promise<string | undefined> {
  const { data, info } = await sharp(png)
    .resize(400, 400, { kernel: 'nearest' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
}

describe('qrCodePng', () => {
  it.each([
    'https://belarus-unions.example/be/petition-to-the-ilo/',
    'https://mirror.example/a/very/long/path/with/many/segments/ru/industriall-letter-to-the-ilo/',
    'http://abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuv.onion/en/',
  ])('draws a code that scans back to %s', async (url) => {
    expect(await scan(qrCodePng(url))).toBe(url);
  });

  it('is a one-bit image with a white quiet zone of two modules', async () => {
    const png = qrCodePng('https://belarus-unions.example/en/');
    expect((await sharp(png).metadata()).bitsPerSample).toBe(1);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect(new Set(data)).toEqual(new Set([0, 255]));
    const pixel = (x: number, y: number) => data[(y * info.width + x) * info.channels];
    for (let i = 0; i < info.width; i += 1) {
      expect([pixel(i, 0), pixel(i, 1), pixel(0, i), pixel(1, i)]).toEqual([255, 255, 255, 255]);
    }
    // The finder pattern's dark corner starts where the quiet zone ends.
    expect(pixel(2, 2)).toBe(0);
  });

  it('is the same for the same address, and different for another', () => {
    const url = 'https://belarus-unions.example/en/';
    expect(qrCodePng(url)).toEqual(qrCodePng(url));
    expect(qrCodePng(url)).not.toEqual(qrCodePng('https://mirror.example/en/'));
  });
});

describe('qrCodeMarkup', () => {
  it('carries the PNG in the page, an image no screen reader announces', async () => {
    const url = 'https://belarus-unions.example/ru/ilo-urges-belarus/';
    const [, base64] = /^<img alt="" src="data:image\/png;base64,([A-Za-z0-9+/=]+)">$/.exec(qrCodeMarkup(url)) ?? [];
    expect(base64).toBeDefined();
    expect(await scan(Buffer.from(base64 ?? '', 'base64'))).toBe(url);
  });

  it('stays small enough to inline in every document page', () => {
    expect(qrCodeMarkup('https://belarus-unions.example/be/industriall-letter-to-the-ilo/').length).toBeLessThan(600);
  });
});
