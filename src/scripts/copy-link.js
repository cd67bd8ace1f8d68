// Without JavaScript the address stays in a read-only field to select and copy;
// with it, a button copies the address and says so.
{
  const share = document.currentScript.closest('.share');
  const field = share.querySelector('input');
  const button = share.querySelector('button');
  const status = share.querySelector('[role="status"]');
  if (navigator.clipboard) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      await navigator.clipboard.writeText(field.value);
      status.textContent = button.dataset.copied;
    });
  }
  field.addEventListener('focus', () => field.select());
}
