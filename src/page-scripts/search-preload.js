// Before the first paint: hides the notice and shows the form (not on disk); fetches what search needs when wanted.
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
    classList.add('search-pending');
    preload();
  } else {
    addEventListener('focusin', (event) => event.target.name === 'q' && preload());
  }
})();
