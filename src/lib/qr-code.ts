import { encode } from 'uqr';

/**
 * An address as a QR code in SVG, drawn at build time: sharp at any print
 * size, and no image request. Each row's dark modules are drawn as runs of a
 * one-module-wide stroke, the smallest markup for the pattern (a third of the
 * size of a rectangle per module); the light quiet zone is part of the image,
 * so the code also scans on a dark page.
 */
export function qrCodeSvg(text: string): string {
  const { data, size } = encode(text, { ecc: 'M', border: 2 });
  const rows = data.map((row, y) => {
    let path = '';
    let pen = -1;
    for (let x = 0; x < size;) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (row[x]) x += 1;
      path += pen < 0 ? `M${start} ${y + 0.5}h${x - start}` : `m${start - pen} 0h${x - start}`;
      pen = x;
    }
    return path;
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">` +
    `<path fill="#fff" d="M0 0h${size}v${size}H0z"/><path stroke="#000" d="${rows.join('')}"/></svg>`
  );
}

/**
 * The QR code as a page carries it: hidden from screen readers, whose caption
 * says what it is, and written as the build's HTML serialiser writes it
 * (`<path …></path>`). `rewrite-origin` redraws it for a mirror's address and
 * `verify` redraws it back, so both must produce these bytes exactly; a
 * browser test checks that the built pages do.
 */
export function qrCodeMarkup(url: string): string {
  return qrCodeSvg(url)
    .replace('<svg ', '<svg aria-hidden="true" ')
    .replaceAll(/<path ([^>]*)\/>/g, '<path $1></path>');
}
