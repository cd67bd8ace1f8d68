// Without JavaScript the address stays in a read-only field to select and copy;
// with it, a button copies the address and says so, and where the browser can
// hand the page to the phone's own apps (the Web Share API), a button does that. It runs at the end of the page,
// inlined with the layout's scripts as one (document-page.js).
{
  const share = document.querySelector('.share');
  const field = share.querySelector('input');
  const [shareButton, copyButton] = share.querySelectorAll('button');
  const status = share.querySelector('[role="status"]');
  if (navigator.share) {
    shareButton.hidden = false;
    shareButton.addEventListener('click', () =>
      navigator.share({ title: shareButton.dataset.title, url: field.value }).catch(() => {}),
    );
  }
  if (navigator.clipboard) {
    copyButton.hidden = false;
    copyButton.addEventListener('click', async () => {
      await navigator.clipboard.writeText(field.value);
      status.textContent = copyButton.dataset.copied;
    });
  }
  field.addEventListener('focus', () => field.select());

  // On a copy at another address than the one its pages name (a mirror that kept the main address, a copy on a
  // local server), this copy's address is offered first, then the main one, which may be the blocked one. The
  // QR code keeps the main address, and says so.
  const main = document.querySelector('link[rel="canonical"]')?.href;
  // A folder's address, also where a host serves its index.html by name.
  const here = /^https?:$/.test(location.protocol)
    ? location.origin + location.pathname.replace(/\/index\.html$/, '/')
    : undefined;
  if (main && here && here !== main) {
    const title = shareButton.dataset.title;
    // As `link.href` reads: encoded as the page wrote it (src/lib/share.ts), with `'` encoded.
    const encode = (text) => encodeURIComponent(text).replaceAll("'", '%27');
    field.value = here;
    for (const link of share.querySelectorAll('.share-links a')) {
      link.href = link.href.includes(`url=${encode(main)}`)
        ? link.href
            .replace(`url=${encode(main)}`, `url=${encode(here)}`)
            .replace(`text=${encode(title)}`, `text=${encode(`${title}\n${main}`)}`)
        : link.href.replace(encode(main), encode(`${here}\n${main}`));
    }
    share.querySelector('.share-main').hidden = false;
    const qrNote = document.querySelector('.qr-main');
    if (qrNote) qrNote.hidden = false;
  }
}
