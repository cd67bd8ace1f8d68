import { Resvg } from '@resvg/resvg-js';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrCodeSvg } from '../../src/lib/qr-code';

/** What a phone's camera would read: the SVG rendered to pixels by resvg, decoded by jsQR. */
function scan(svg: string): string | undefined {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: 400 } }).render();
  return jsQR(new Uint8ClampedArray(image.pixels), image.width, image.height)?.data;
}

describe('qrCodeSvg', () => {
  it.each([
    'https://belarus-unions.example/be/petition-to-the-ilo/',
    'https://mirror.example/a/very/long/path/with/many/segments/ru/industriall-letter-to-the-ilo/',
    'http://abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuv.onion/en/',
  ])('draws a code that scans back to %s', (url) => {
    expect(scan(qrCodeSvg(url))).toBe(url);
  });

  it('is the same for the same address, and different for another', () => {
    const url = 'https://belarus-unions.example/en/';
    expect(qrCodeSvg(url)).toBe(qrCodeSvg(url));
    expect(qrCodeSvg(url)).not.toBe(qrCodeSvg('https://mirror.example/en/'));
  });

  it('stays small enough to inline in every document page', () => {
    expect(qrCodeSvg('https://belarus-unions.example/be/industriall-letter-to-the-ilo/').length).toBeLessThan(3000);
  });
});
