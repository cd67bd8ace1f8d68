// Offline reading is the reader's choice, made on the note for readers (src/page-scripts/offline-choice.js): this
// never registers a worker and stores nothing. Where the reader has kept this page's language, the line says so.
{
  const line = document.querySelector('.site-footer [data-offline-worker]');
  const workers = navigator.serviceWorker;
  const lang = document.documentElement.lang;
  const scope = new URL('./', new URL(line.dataset.offlineWorker, location.href)).href;
  if (workers && location.protocol !== 'file:') {
    workers.getRegistration(scope).then(
      (registration) => {
        // Another copy on the same host may have a worker of its own; only this copy's counts.
        if (registration?.scope !== scope || !registration.active) return;
        // A port of its own: the note for readers asks the worker too (src/page-scripts/offline-choice.js).
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => {
          if (event.data?.kept?.includes(lang)) line.hidden = false;
        };
        registration.active.postMessage('kept?', [channel.port2]);
      },
      () => {},
    );
  }
}
