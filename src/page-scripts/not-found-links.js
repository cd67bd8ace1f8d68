// This page answers for every missing address, at any depth, so its links are the site's
// absolute addresses, which work without JavaScript. Find the root of the copy the reader
// is on, the deepest folder above that holds the site's SHA256SUMS, and point them there.
const site = document.querySelector('[data-site-address]')?.dataset.siteAddress;
const folders = location.pathname.split('/').slice(0, -1);
// No copy's root has an empty folder in its path, and servers that merge slashes would answer one for the real root.
const depths = folders.map((_, index) => index + 1).filter((depth) => !folders.slice(1, depth).includes(''));
const candidates = depths.map((depth) => {
  // Set as a path, not resolved as a reference, which from an address like `//host/x/` would name another host.
  const root = new URL(location.href);
  root.pathname = `${folders.slice(0, depth).join('/')}/`;
  return root;
});
// Asked all at once, so a slow connection waits for one round trip, not one per folder.
const found = await Promise.all(
  candidates.map((root) =>
    fetch(new URL('SHA256SUMS', root), { method: 'HEAD' }).then(
      (response) => response.ok,
      () => false,
    ),
  ),
);
const root = candidates.findLast((_, index) => found[index]);
if (site && root) {
  for (const link of document.querySelectorAll('a[href]')) {
    // The lists of addresses name the site itself: they stay as they are.
    if (link.href.startsWith(site) && !link.closest('[data-site-address]')) {
      link.href = new URL(link.href.slice(site.length), root).href;
    }
  }
}
