// This page answers for every missing address, at any depth, so its links are written
// as if it stood at the site's root. Find the root, the nearest folder above that holds
// the site's SHA256SUMS, and rebase the links on it.
const folders = location.pathname.split('/').slice(0, -1);
for (let depth = folders.length; depth > 0; depth -= 1) {
  // No copy's root has an empty folder in its path, and servers that merge slashes would answer one for the real root.
  if (folders.slice(1, depth).includes('')) continue;
  // Set as a path, not resolved as a reference, which from an address like `//host/x/` would name another host.
  const root = new URL(location.href);
  root.pathname = `${folders.slice(0, depth).join('/')}/`;
  const response = await fetch(new URL('SHA256SUMS', root), { method: 'HEAD' }).catch(() => undefined);
  if (response?.ok) {
    for (const link of document.querySelectorAll('a[href]:not([href^="#"])')) {
      link.href = new URL(link.getAttribute('href'), root).href;
    }
    break;
  }
}
