// Offline reading: keeps the languages a reader chose to keep, for this copy only (pipeline/after-render/offline.ts).
// Nothing registers this worker until the reader presses "keep" (src/page-scripts/offline-choice.js).
const version = '%RELEASE%';
const scope = registration.scope;
const cacheName = `${OFFLINE_STORAGE.pagesCache} ${version} ${scope}`;
const listUrl = new URL('offline-files.json', scope).href;
/**
 * Which languages the reader chose to keep, written by the page when the reader presses "keep", before it
 * registers this worker (src/page-scripts/offline-choice.js), and deleted with everything else by "delete".
 */
const choiceCache = `${OFFLINE_STORAGE.choiceCache} ${scope}`;
const choiceUrl = new URL(OFFLINE_STORAGE.choiceFile, scope).href;

/**
 * This release's list: the saved one, else the network's if it is this release's. It makes no cache before it
 * knows: a worker that a new release has just replaced may still be asked, and must not make its deleted cache
 * again.
 */
async function list() {
  const saved = await caches.match(listUrl, { cacheName });
  if (saved) return saved.json();
  const response = await fetch(listUrl, { cache: 'no-cache' });
  const files = await response.clone().json();
  if (files.release !== version) throw new Error('the copy holds another release');
  await (await caches.open(cacheName)).put(listUrl, response);
  return files;
}

/** The languages the reader chose to keep; the choice outlives a release. */
async function chosen() {
  // Not caches.open(), which would make the cache: where the reader chose nothing, nothing is stored.
  const choice = await caches.match(choiceUrl, { cacheName: choiceCache });
  return choice ? choice.json() : [];
}

/** Saves a language's files not yet saved, all or none; true once all are. Fails when a file cannot be fetched. */
async function keep(lang) {
  const files = (await list()).languages[lang];
  if (!files) return false;
  const cache = await caches.open(cacheName);
  const missing = [];
  for (const file of files) {
    const url = new URL(file, scope).href;
    if (!(await cache.match(url))) missing.push(new Request(url, { cache: 'no-cache' }));
  }
  await cache.addAll(missing);
  // The reader may have pressed "delete" while the files came: then none of them stays.
  const languages = await chosen();
  if (languages.length === 0) await caches.delete(cacheName);
  return languages.includes(lang);
}

addEventListener('install', (event) => {
  skipWaiting();
  // The first worker keeps nothing while it installs: the page that registered it asks it to once it is active,
  // and until then "delete", which waits for an install to end, could not stop it.
  if (!registration.active) return;
  // A new release keeps again, from itself, each language the reader chose to keep, before it replaces the old.
  event.waitUntil(
    chosen().then(async (languages) => {
      for (const lang of languages) await keep(lang);
    }),
  );
});

addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then(async (names) => {
      for (const name of names) {
        if (name !== cacheName && name.startsWith(`${OFFLINE_STORAGE.pagesCache} `) && name.endsWith(` ${scope}`))
          await caches.delete(name);
      }
      // Where the reader chose nothing (a worker an earlier release registered without asking), it keeps nothing.
      if ((await chosen()).length === 0) {
        await caches.delete(cacheName);
        await registration.unregister();
        return;
      }
      await clients.claim();
    }),
  );
});

/** What a page of a language not kept says offline, in its language: there is no connection, and what is kept. */
async function notKept(request) {
  const { languages, messages } = await list();
  const path = request.url.slice(scope.length);
  const lang = Object.keys(messages).find((code) => path.startsWith(`${code}/`)) ?? Object.keys(messages)[0];
  const { title, text, open } = messages[lang];
  const escape = (value) => value.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
  const kept = [];
  for (const code of await chosen()) {
    if (await caches.match(new URL(languages[code][0], scope).href, { cacheName })) kept.push(code);
  }
  const links = kept
    .map(
      (kept) =>
        `<li><a href="${escape(new URL(languages[kept][0], scope).href)}" lang="${kept}">${escape(messages[kept].name)}</a>`,
    )
    .join('');
  const page = `<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>${escape(title)}</title><h1>${escape(title)}</h1><p>${escape(text)}</p><p>${escape(open)}</p><ul>${links}</ul>`;
  return new Response(page, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

// The network first, so that nothing stale is shown online; the kept copy only when the network fails.
// Pages are checked with the server every time (a short 304 when unchanged), even where a host lets browsers
// keep them for a while; everything else they load is named by its contents or by Pagefind's cache tag.
addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  event.respondWith(
    fetch(request.mode === 'navigate' ? new Request(request, { cache: 'no-cache' }) : request).catch(async (error) => {
      const saved = await caches.match(request, { cacheName, ignoreSearch: true });
      if (saved) return saved;
      if (request.mode === 'navigate') return notKept(request);
      throw error;
    }),
  );
});

// A page asks which languages are kept, on a port of its own; the worker keeps every one the reader chose
// that it can, then answers with those. It always answers: a language it cannot fetch now is tried next time.
addEventListener('message', (event) => {
  const [reply] = event.ports;
  if (!reply) return;
  event.waitUntil(
    chosen().then(async (languages) => {
      const kept = [];
      for (const lang of languages) if (await keep(lang).catch(() => false)) kept.push(lang);
      reply.postMessage({ kept });
    }),
  );
});
