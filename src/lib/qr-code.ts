import QRCode from 'qrcode';

/**
 * The QR code that opens `url`, as the pages carry it: drawn at build time as
 * SVG paths (sharp at any print size, no image request), hidden from screen
 * readers, whose caption says what it is. It is written in the form the
 * build's HTML serialiser keeps byte for byte (`<path …></path>`), because
 * `rewrite-origin` redraws it for a mirror's address and `verify` redraws it
 * back: both must produce exactly the bytes of the signed page.
 */
export async function qrCodeSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return svg
    .trim()
    .replace('<svg ', '<svg aria-hidden="true" ')
    .replaceAll(/<path ([^>]*)\/>/g, '<path $1></path>');
}
