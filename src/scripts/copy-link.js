// Without JavaScript the address stays in a read-only field to select and copy;
// with it, a button copies the address and says so, and where the browser can
// hand the page to the phone's own apps (the Web Share API), a button does that.
{
  const share = document.currentScript.closest('.share');
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
}
