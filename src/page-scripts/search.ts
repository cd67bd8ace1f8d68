// Search in place with Pagefind. Module scripts and fetch do not run without JavaScript or from a folder on
// disk; there the page keeps its notice and the list of every document.
import type { Locale } from '../i18n/locales';
import { expandQuery, nameLetterOf, type NameForms } from '../lib/name-search';
import { paragraphId } from '../lib/paragraph-number';
import { contentWords, paragraphExcerpt, type BlockStarts } from '../lib/search-excerpt';
import { hasEveryQueryWord, queryWords, searchTerms } from '../lib/word-stems';

/** What Pagefind's `pagefind.js` offers this page. */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string): Promise<{ results: PagefindResult[] }>;
}

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindFragment>;
}

interface PagefindFragment {
  url: string;
  content: string;
  locations: number[];
  /** Where the page's paragraphs start, which the build adds (pipeline/search-index/search-index.ts). */
  blocks: BlockStarts;
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
    'found' | 'nothing' | 'searching' | 'failed' | 'namesIndex',
    string
  >;
  const { engine = '', cacheTag = '' } = preload.dataset;
  const { nameForms = '', namesPage = '' } = form.dataset;

  /** Each letter's part of the table of names, fetched once; without it, search still finds the words typed. */
  const namesByLetter = new Map<string, Promise<NameForms[]>>();
  const namesOfLetter = (letter: string) => {
    let names = namesByLetter.get(letter);
    if (!names) {
      names = fetch(new URL(`${letter}.json`, new URL(nameForms, location.href)))
        .then((response) => (response.ok ? (response.json() as Promise<NameForms[]>) : []))
        .catch(() => []);
      namesByLetter.set(letter, names);
    }
    return names;
  };
  /** The names any word of the query may write. */
  const namesFor = async (query: string) => {
    const letters = new Set(queryWords(query).map(nameLetterOf));
    const parts = await Promise.all([...letters].map((letter) => (letter ? namesOfLetter(letter) : [])));
    return [...new Map(parts.flat().map((name) => [name.anchor, name])).values()];
  };

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
        });
        return loaded;
      },
    );
    return pagefind;
  };

  const listItem = (href: string, title: string, details: string, paragraph?: number) => {
    const item = document.createElement('li');
    const link = Object.assign(document.createElement('a'), { href, textContent: title });
    if (paragraph !== undefined) {
      link.append(' ', Object.assign(document.createElement('span'), { textContent: `¶\u00a0${paragraph}` }));
    }
    const line = Object.assign(document.createElement('p'), { className: 'document-meta', textContent: details });
    item.append(link, line);
    return item;
  };

  /** A document found: its link leads to the paragraph the excerpt is from, whose number it shows. */
  const resultItem = ({ url, meta, content, locations, blocks }: PagefindFragment) => {
    const excerpt = paragraphExcerpt(content, locations, blocks);
    const href = excerpt.paragraph === undefined ? url : `${url}#${paragraphId(excerpt.paragraph)}`;
    const details = [meta['published'], meta['author']].filter(Boolean).join(' · ');
    const item = listItem(href, meta['title'] ?? url, details, excerpt.paragraph);
    const text = Object.assign(document.createElement('p'), { className: 'search-excerpt' });
    if (excerpt.cutBefore) text.append('…');
    for (const { text: part, marked } of excerpt.parts) {
      text.append(marked ? Object.assign(document.createElement('mark'), { textContent: part }) : part);
    }
    if (excerpt.cutAfter) text.append('…');
    item.append(text);
    return item;
  };

  /** A names-index entry the query names: it lists every paragraph that mentions the name. */
  const nameItem = ({ anchor, name }: NameForms) => listItem(`${namesPage}#${anchor}`, name, strings.namesIndex);

  /** The words Pagefind matched in a result, and the words of its title, author and the like. */
  const matchedWords = ({ content, locations, meta }: PagefindFragment) => {
    const words = contentWords(content);
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
      document.documentElement.classList.remove('search-pending', 'search-found');
      status.textContent = '';
      hint.hidden = true;
      more.hidden = true;
      list.replaceChildren();
      return;
    }
    document.documentElement.classList.add('search-pending');
    document.documentElement.classList.remove('search-found');
    status.textContent = strings.searching;
    let shown: PagefindFragment[];
    let found: PagefindResult[];
    let named: NameForms[];
    try {
      const [pagefind, table] = await Promise.all([searchEngine(), namesFor(query)]);
      const expanded = expandQuery(table, query);
      named = expanded.names;
      const byId = new Map<string, PagefindResult>();
      for (const asked of expanded.queries) {
        const { results } = await pagefind.search(searchTerms(lang, asked));
        // When no indexed word starts with a query word, Pagefind answers for a shorter word the query
        // word starts with («за» for «забастоўка»), in every result alike: the first result tells.
        const first = await results[0]?.data();
        if (first === undefined || !hasEveryQueryWord(lang, asked, matchedWords(first))) continue;
        // A document found by the query as typed keeps that result, whose excerpt marks the words typed.
        for (const result of results) if (!byId.has(result.id)) byId.set(result.id, result);
      }
      found = [...byId.values()].sort((a, b) => b.score - a.score);
      shown = await Promise.all(found.slice(0, pageSize).map((result) => result.data()));
    } catch {
      if (current !== latest) return;
      status.textContent = strings.failed;
      document.documentElement.classList.remove('search-pending');
      return;
    }
    if (current !== latest) return;
    remaining = found.slice(pageSize);
    const count = found.length + named.length;
    // A function, so that `$&` and the like in the query are shown as typed, not read as replacement patterns.
    status.textContent = count
      ? strings.found.replace('{{count}}', () => String(count))
      : strings.nothing.replace('{{query}}', () => query);
    hint.hidden = count > 0;
    list.replaceChildren(...named.map(nameItem), ...shown.map(resultItem));
    more.hidden = remaining.length === 0;
    // The results are the documents to read now: the list of every document below them would repeat them.
    document.documentElement.classList.toggle('search-found', count > 0);
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

  // The names of each word's letter are fetched while the reader types, so that they are in when the search starts.
  input.addEventListener('input', () => void namesFor(input.value));

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
