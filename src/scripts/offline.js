// Offline reading: once the page has loaded, the worker saves its language, and the hidden line says so.
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
        // Where a browser refuses a worker, the page stays as it is.
        .catch(() => {}),
    );
  }
}
