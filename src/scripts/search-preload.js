// Runs in the head, before the page is first drawn. Unless the page was opened from a folder on disk, where
// search cannot work, it hides the notice that search needs JavaScript, and fetches together the files a
// first search needs (listed by the build) when the page opens with a query or the search box is focused.
(() => {
  if (location.protocol === 'file:') return;
  const script = document.currentScript;
  const { classList } = document.documentElement;
  classList.add('search-ready');
  let started = false;
  const preload = () => {
    if (started) return;
    started = true;
    const link = (rel, href) => {
      const element = Object.assign(document.createElement('link'), { rel, href });
      if (rel === 'preload') Object.assign(element, { as: 'fetch', crossOrigin: 'anonymous' });
      document.head.append(element);
    };
    link('modulepreload', script.dataset.engine);
    for (const href of JSON.parse(script.dataset.fetched)) link('preload', href);
  };
  if (new URLSearchParams(location.search).get('q')?.trim()) {
    // Until the results are in, the list of every document waits: the results push nothing down.
    classList.add('search-pending');
    preload();
  } else {
    addEventListener('focusin', (event) => event.target.name === 'q' && preload());
  }
})();
