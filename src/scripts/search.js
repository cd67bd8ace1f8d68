// Search in place with Pagefind. Module scripts and fetch do not run without JavaScript or from a
// folder on disk; there the page keeps its notice and the list of every document.
const form = document.querySelector('[data-search-form]');
const input = form.querySelector('input[name="q"]');
const status = document.querySelector('[data-search-status]');
const results = document.querySelector('[data-search-results]');
const strings = JSON.parse(form.dataset.strings);
const unavailable = document.querySelector('[data-search-unavailable]');
unavailable.hidden = true;

let engine;
/** Pagefind and its index load on the first search, so opening the page costs only the page. */
function searchEngine() {
  engine ??= import(new URL(form.dataset.engine, location.href).href).then(async (pagefind) => {
    // The index is tiny: searching on the page's own thread saves downloading Pagefind's worker script.
    await pagefind.options({ baseUrl: new URL(form.dataset.root, location.href).pathname, noWorker: true });
    return pagefind;
  });
  return engine;
}

/** A link that opens the document scrolled to the words the excerpt marks (a text fragment). */
function linkToMatch(url, excerpt) {
  const word = /<mark>(.*?)<\/mark>/.exec(excerpt)?.[1].replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  return word ? `${url}#:~:text=${encodeURIComponent(word)}` : url;
}

function resultItem({ url, meta, excerpt }) {
  const item = document.createElement('li');
  const link = Object.assign(document.createElement('a'), { href: linkToMatch(url, excerpt), textContent: meta.title });
  const details = Object.assign(document.createElement('p'), { className: 'document-meta' });
  details.textContent = [meta.published, meta.author].filter(Boolean).join(' · ');
  const text = document.createElement('p');
  // Pagefind's excerpt is text from our own index, escaped, with <mark> around the matches.
  text.innerHTML = excerpt;
  item.append(link, details, text);
  return item;
}

let latest = 0;
async function search(query) {
  const current = ++latest;
  results.replaceChildren();
  if (!query) {
    status.textContent = '';
    return;
  }
  status.textContent = strings.searching;
  let response;
  try {
    response = await (await searchEngine()).search(query);
  } catch {
    // The engine or its index could not load: say so, and keep the list of documents.
    unavailable.hidden = false;
    status.textContent = '';
    return;
  }
  if (current !== latest) return;
  status.textContent = response.results.length
    ? strings.found.replace('{{count}}', String(response.results.length))
    : strings.nothing.replace('{{query}}', query);
  // One at a time, in order: the first result shows as soon as its own fragment arrives.
  for (const result of response.results) {
    const data = await result.data();
    if (current !== latest) return;
    results.append(resultItem(data));
  }
}

const queryInAddress = () => new URLSearchParams(location.search).get('q')?.trim() ?? '';
input.value = queryInAddress();
search(input.value);

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const query = input.value.trim();
  history.pushState(null, '', query ? `?q=${encodeURIComponent(query)}` : location.pathname);
  search(query);
});
addEventListener('popstate', () => {
  input.value = queryInAddress();
  search(input.value);
});
