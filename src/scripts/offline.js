// Offline reading, once the page has loaded: the worker at the copy's root saves this page's language, and
// the hidden line says so when it has. Browsers allow no worker from a file:, so none is asked for there.
{
  const line = document.querySelector('[data-offline-worker]');
  const workers = navigator.serviceWorker;
  const lang = document.documentElement.lang;
  if (workers && location.protocol !== 'file:') {
    workers.onmessage = (event) => {
      if (event.data === lang) line.hidden = false;
    };
    addEventListener('load', () =>
      workers
        .register(line.dataset.offlineWorker)
        .then(() => workers.ready)
        .then((registration) => registration.active.postMessage(lang))
        // An extra: where a browser refuses it, the page stays as it is.
        .catch(() => {}),
    );
  }
}
