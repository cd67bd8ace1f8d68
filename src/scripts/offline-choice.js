// The reader's choice to keep this language's pages on this device, and to delete everything kept
// (src/components/KeepOffline.astro). Nothing is stored until "keep" is pressed: then the choice is written
// first, and the worker (src/offline/service-worker.js) keeps what it names.
{
  const box = document.querySelector('[data-offline-choice]');
  const { dataset } = box;
  const state = box.querySelector('[data-offline-state]');
  const buttons = box.querySelector('[data-offline-buttons]');
  const workers = navigator.serviceWorker;
  const lang = document.documentElement.lang;
  const workerUrl = new URL(dataset.offlineWorker, location.href);
  const scope = new URL('./', workerUrl).href;
  const choiceCache = `offline-choice ${scope}`;
  const choiceUrl = new URL('offline-choice.json', scope).href;
  const names = JSON.parse(dataset.languageNames);
  const say = (text) => (state.textContent = text);
  const busy = (on) => buttons.querySelectorAll('button').forEach((button) => (button.disabled = on));

  /** A registration's worker once it is active; a worker that fails to install fails this. */
  const active = (registration) =>
    registration.active
      ? Promise.resolve(registration.active)
      : new Promise((resolve, reject) => {
          const worker = registration.installing ?? registration.waiting;
          worker.addEventListener('statechange', () => {
            if (worker.state === 'activated') resolve(worker);
            if (worker.state === 'redundant') reject(new Error('the worker did not install'));
          });
        });
  /** The languages this copy's worker keeps, as it answers once it has kept them; none where there is no worker. */
  const kept = async (registration) => {
    if (registration?.scope !== scope) return [];
    const worker = await active(registration);
    return new Promise((resolve) => {
      workers.addEventListener('message', (event) => resolve(event.data?.kept ?? []), { once: true });
      workers.startMessages();
      worker.postMessage('kept?');
    });
  };
  const show = (languages) => {
    if (languages.includes(lang)) say(dataset.kept);
    else if (languages.length > 0)
      say(dataset.keptLanguages.replace('{{languages}}', languages.map((code) => names[code]).join(', ')));
    else say(dataset.notKept);
  };

  if (!workers || location.protocol === 'file:') say(dataset.unsupported);
  else {
    buttons.hidden = false;
    workers
      .getRegistration(scope)
      .then(kept)
      .then(show, () => say(dataset.notKept));
    box.querySelector('[data-offline-keep]').onclick = async () => {
      busy(true);
      say(dataset.saving);
      try {
        const choices = await caches.open(choiceCache);
        const prior = await choices.match(choiceUrl);
        const languages = [...new Set([...(prior ? await prior.json() : []), lang])];
        await choices.put(
          choiceUrl,
          new Response(JSON.stringify(languages), { headers: { 'content-type': 'application/json' } }),
        );
        show(await kept(await workers.register(workerUrl)));
      } catch {
        say(dataset.failed);
      }
      busy(false);
    };
    box.querySelector('[data-offline-delete]').onclick = async () => {
      busy(true);
      for (const registration of await workers.getRegistrations()) {
        if (registration.scope === scope) await registration.unregister();
      }
      for (const name of await caches.keys()) {
        if (name.startsWith('offline') && name.endsWith(` ${scope}`)) await caches.delete(name);
      }
      say(dataset.deleted);
      busy(false);
    };
  }
}
