// Search in place with Pagefind. Module scripts and fetch do not run without JavaScript or from a folder on
// disk; there the page keeps its notice and the list of every document.
import type { Locale } from '../i18n/locales';
import { hasEveryQueryWord, queryWords, searchTerms } from '../lib/word-stems';

/** What Pagefind's `pagefind.js` offers this page. */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string): Promise<{ results: PagefindResult[] }>;
}

interface PagefindResult {
  data(): Promise<PagefindFragment>;
}

interface PagefindFragment {
  url: string;
  content: string;
  excerpt: string;
  locations: number[];
  meta: Record<string, string | undefined>;
}

/** Results shown at first, and at each press of "more": few enough to load at once on a slow link. */
const pageSize = 5;

const preload = document.querySelector<HTMLScriptElement>('script[data-search-preload]');
const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
const status = document.querySelector<HTMLElement>('[data-search-status]');
const hint = document.querySelector<HTMLElement>('[data-search-hint]');
const list = document.querySelector<HTMLOListElement>('[data-search-results]');
const more = document.querySelector<HTMLButtonElement>('[data-search-more]');
const lang = document.documentElement.lang as Locale;

// Only the built site has a search index; without one (under `npm run dev`) the form simply reloads the page.
if (preload && form && input && status && hint && list && more && location.protocol !== 'file:') {
  const strings = JSON.parse(form.dataset['strings'] ?? '{}') as Record<
    'found' | 'nothing' | 'searching' | 'failed',
    string
  >;
  const { engine = '', cacheTag = '' } = preload.dataset;

  let pagefind: Promise<Pagefind> | undefined;
  /** Pagefind and its index: already on their way if the page opened with a query (see search-preload.js). */
  const searchEngine = () => {
    pagefind ??= (import(/* @vite-ignore */ new URL(engine, location.href).href) as Promise<Pagefind>).then(
      async (loaded) => {
        await loaded.options({
          baseUrl: new URL(form.dataset['root'] ?? '/', location.href).pathname,
          // The same name for the entry file as the one preloaded; Pagefind would otherwise add the time.
          metaCacheTag: cacheTag,
          // The index is tiny: searching on the page's own thread saves downloading Pagefind's worker script.
          noWorker: true,
          excerptLength: 24,
        });
        return loaded;
      },
    );
    return pagefind;
  };

  /** A link that opens the document scrolled to the first word the excerpt marks (a text fragment). */
  const linkToMatch = (url: string, excerpt: string) => {
    const word = /<mark>(.*?)<\/mark>/.exec(excerpt)?.[1]?.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    return word ? `${url}#:~:text=${encodeURIComponent(word)}` : url;
  };

  const resultItem = ({ url, meta, excerpt }: PagefindFragment) => {
    const item = document.createElement('li');
    const link = Object.assign(document.createElement('a'), {
      href: linkToMatch(url, excerpt),
      textContent: meta['title'] ?? url,
    });
    const details = Object.assign(document.createElement('p'), { className: 'document-meta' });
    details.textContent = [meta['published'], meta['author']].filter(Boolean).join(' · ');
    const text = Object.assign(document.createElement('p'), { className: 'search-excerpt' });
    // Pagefind's excerpt is text from this site's own index, with < and > escaped and <mark> around the matches.
    text.innerHTML = excerpt;
    item.append(link, details, text);
    return item;
  };

  /** The words Pagefind matched in a result, and the words of its title, author and the like. */
  const matchedWords = ({ content, locations, meta }: PagefindFragment) => {
    const words = content.split(/[^\S\uFEFF]+/);
    return [
      ...locations.map((location) => words[location] ?? ''),
      ...Object.values(meta).flatMap((value) => queryWords(value ?? '')),
    ];
  };

  /** Each language's search page and the language switcher carry the query along. */
  const carryQuery = (query: string) => {
    for (const link of document.querySelectorAll<HTMLAnchorElement>('.language-switcher a, [data-search-hint] a')) {
      link.search = query ? `?q=${encodeURIComponent(query)}` : '';
    }
  };

  let latest = 0;
  let remaining: PagefindResult[] = [];

  /**
   * Shows the results in one change to the page, once the first five have loaded together: nothing
   * appears piece by piece, and nothing the reader sees moves. The list of every document waits
   * (hidden) until then, so the results take its place instead of pushing it down.
   */
  const search = async (query: string) => {
    const current = ++latest;
    carryQuery(query);
    if (!query) {
      document.documentElement.classList.remove('search-pending');
      status.textContent = '';
      hint.hidden = true;
      more.hidden = true;
      list.replaceChildren();
      return;
    }
    document.documentElement.classList.add('search-pending');
    status.textContent = strings.searching;
    let shown: PagefindFragment[];
    let found: PagefindResult[];
    try {
      const { results } = await (await searchEngine()).search(searchTerms(lang, query));
      shown = await Promise.all(results.slice(0, pageSize).map((result) => result.data()));
      // When no indexed word starts with a query word, Pagefind answers for a shorter word the query
      // word starts with («за» for «забастоўка»), in every result alike: the first result tells.
      const genuine = shown[0] !== undefined && hasEveryQueryWord(lang, query, matchedWords(shown[0]));
      found = genuine ? results : [];
      if (!genuine) shown = [];
    } catch {
      if (current !== latest) return;
      status.textContent = strings.failed;
      document.documentElement.classList.remove('search-pending');
      return;
    }
    if (current !== latest) return;
    remaining = found.slice(pageSize);
    // A function, so that `$&` and the like in the query are shown as typed, not read as replacement patterns.
    status.textContent = found.length
      ? strings.found.replace('{{count}}', () => String(found.length))
      : strings.nothing.replace('{{query}}', () => query);
    hint.hidden = found.length > 0;
    list.replaceChildren(...shown.map(resultItem));
    more.hidden = remaining.length === 0;
    document.documentElement.classList.remove('search-pending');
  };

  more.addEventListener('click', async () => {
    const current = latest;
    const next = remaining.slice(0, pageSize);
    more.disabled = true;
    try {
      const items = (await Promise.all(next.map((result) => result.data()))).map(resultItem);
      if (current !== latest) return;
      remaining = remaining.slice(next.length);
      list.append(...items);
      more.hidden = remaining.length === 0;
      // The reader pressed "more" to read on: the first new result takes the focus.
      items[0]?.querySelector('a')?.focus();
    } finally {
      more.disabled = false;
    }
  });

  const queryInAddress = () => new URLSearchParams(location.search).get('q')?.trim() ?? '';
  input.value = queryInAddress();
  void search(input.value);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = input.value.trim();
    history.pushState(null, '', query ? `?q=${encodeURIComponent(query)}` : location.pathname);
    void search(query);
  });
  addEventListener('popstate', () => {
    input.value = queryInAddress();
    void search(input.value);
  });
}
