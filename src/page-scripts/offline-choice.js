// The reader's choice to keep this language's pages on this device, and to delete everything kept
// (src/components/KeepOffline.astro). Nothing is stored until "keep" is pressed: then the choice is written
// first, and the worker (src/offline/service-worker.js) keeps what it names. A keep that fails leaves the
// choice as it was; "delete" works at any time, even while pages are being kept.
{
  const box = document.querySelector('[data-offline-choice]');
  const { dataset } = box;
  const state = box.querySelector('[data-offline-state]');
  const buttons = box.querySelector('[data-offline-buttons]');
  const keepButton = box.querySelector('[data-offline-keep]');
  const workers = navigator.serviceWorker;
  const lang = document.documentElement.lang;
  const workerUrl = new URL(dataset.offlineWorker, location.href);
  const scope = new URL('./', workerUrl).href;
  const choiceCache = `${OFFLINE_STORAGE.choiceCache} ${scope}`;
  const choiceUrl = new URL(OFFLINE_STORAGE.choiceFile, scope).href;
  const names = JSON.parse(dataset.languageNames);
  const say = (text) => (state.textContent = text);
  // Each press outdates what an earlier one would say when it ends: a keep that ends after "delete" says nothing.
  let lastPress = 0;

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
      // A port of its own, so that another question to the worker (the footer's) cannot take this answer.
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => resolve(event.data?.kept ?? []);
      worker.postMessage('kept?', [channel.port2]);
    });
  };
  const show = (languages) => {
    if (languages.includes(lang)) say(dataset.kept);
    else if (languages.length > 0)
      say(dataset.keptLanguages.replace('{{languages}}', languages.map((code) => names[code]).join(', ')));
    else say(dataset.notKept);
  };
  const readChoice = async () => {
    const choice = await caches.match(choiceUrl, { cacheName: choiceCache });
    return choice ? choice.json() : [];
  };
  const writeChoice = async (languages) =>
    (await caches.open(choiceCache)).put(
      choiceUrl,
      new Response(JSON.stringify(languages), { headers: { 'content-type': 'application/json' } }),
    );
  /** Deletes the choice first, so that a worker still keeping pages stops and keeps none of them. */
  const forget = async () => {
    await caches.delete(choiceCache);
    for (const registration of await workers.getRegistrations()) {
      if (registration.scope === scope) await registration.unregister();
    }
    for (const name of await caches.keys()) {
      if (name.startsWith(`${OFFLINE_STORAGE.pagesCache} `) && name.endsWith(` ${scope}`)) await caches.delete(name);
    }
  };

  // Inside a frame, another site could lay its own page over the buttons and have a reader press one unknowing.
  if (!workers || location.protocol === 'file:' || window.top !== window) say(dataset.unsupported);
  else {
    buttons.hidden = false;
    workers
      .getRegistration(scope)
      .then(kept)
      .then(show, () => say(dataset.notKept));
    keepButton.onclick = async () => {
      const press = ++lastPress;
      keepButton.disabled = true;
      say(dataset.saving);
      let prior = [];
      try {
        prior = await readChoice();
        await writeChoice([...new Set([...prior, lang])]);
        const languages = await kept(await workers.register(workerUrl));
        if (!languages.includes(lang)) throw new Error('the pages could not all be fetched');
        if (press === lastPress) show(languages);
      } catch {
        // Where the reader had kept nothing before, a failed keep leaves nothing stored.
        if (press === lastPress) {
          await (prior.length > 0 ? writeChoice(prior) : forget()).catch(() => {});
          say(dataset.failed);
        }
      }
      keepButton.disabled = false;
    };
    box.querySelector('[data-offline-delete]').onclick = async () => {
      const press = ++lastPress;
      await forget();
      if (press === lastPress) say(dataset.deleted);
    };
  }
}
