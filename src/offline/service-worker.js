// Offline reading: keeps the languages a reader has visited, for this copy only (scripts/build/offline.ts).
const version = '%RELEASE%';
const scope = registration.scope;
const cacheName = `offline ${version} ${scope}`;
const listUrl = new URL('offline-files.json', scope).href;

/** Each language's files, from this release's list: the saved one, else the network's if it is this release's. */
async function languages(cache) {
  let list = await cache.match(listUrl);
  if (!list) {
    const response = await fetch(listUrl, { cache: 'no-cache' });
    if ((await response.clone().json()).release !== version) throw new Error('the copy holds another release');
    await cache.put(listUrl, response.clone());
    list = response;
  }
  return (await list.json()).languages;
}

/** Saves a language's files not yet saved, all or none; true once all are. */
async function save(lang) {
  const cache = await caches.open(cacheName);
  const files = (await languages(cache))[lang];
  if (!files) return false;
  const missing = [];
  for (const file of files) {
    const url = new URL(file, scope).href;
    if (!(await cache.match(url))) missing.push(new Request(url, { cache: 'no-cache' }));
  }
  await cache.addAll(missing);
  return true;
}

addEventListener('install', (event) => {
  skipWaiting();
  // A new release saves again, from itself, each language an earlier one had saved (its home page, listed first).
  event.waitUntil(
    caches.open(cacheName).then(async (cache) => {
      const saved = await languages(cache);
      for (const lang in saved) if (await caches.match(new URL(saved[lang][0], scope))) await save(lang);
    }),
  );
});

addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then(async (names) => {
      for (const name of names) {
        if (name !== cacheName && name.startsWith('offline ') && name.endsWith(` ${scope}`)) await caches.delete(name);
      }
      await clients.claim();
    }),
  );
});

// The network first, so that nothing stale is shown online; the saved copy only when the network fails.
// Pages are checked with the server every time (a short 304 when unchanged), even where a host lets browsers
// keep them for a while; everything else they load is named by its contents or by Pagefind's cache tag.
addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  event.respondWith(
    fetch(request.mode === 'navigate' ? new Request(request, { cache: 'no-cache' }) : request).catch(async (error) => {
      const saved = await caches.match(request, { cacheName, ignoreSearch: true });
      if (saved) return saved;
      throw error;
    }),
  );
});

// A page asks for its language; the worker answers with it once every file of it is saved.
addEventListener('message', (event) => {
  event.waitUntil(save(event.data).then((saved) => saved && event.source.postMessage(event.data)));
});
