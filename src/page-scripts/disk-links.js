// Opened from a folder on disk, a link to a folder shows the folder, not its page:
// there, point each relative link to a folder at the folder's index.html.
if (location.protocol === 'file:') {
  for (const link of document.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href');
    const [, path, rest] = /^([^?#]*)(.*)$/.exec(href);
    const isFolder = path.endsWith('/') || path === '.' || path === '..';
    if (isFolder && !/^([a-z][a-z\d+.-]*:|\/\/)/i.test(href)) {
      link.setAttribute('href', `${path.endsWith('/') ? path : `${path}/`}index.html${rest}`);
    }
  }
}
