/**
 * Browser side of /search/: reads ?q= and ?category= from the URL, asks Pagefind, shows the
 * results ten at a time with "Show more results", and keeps the URL in step with the form so
 * a search can be shared and the back button returns to the previous one. Pagefind's own
 * script and index are fetched from /pagefind/ only when a query runs.
 */
import { type PagefindResultData, renderResult } from './search-render';
import {
  describeResults,
  isEmptyQuery,
  RESULTS_PAGE,
  readQuery,
  type SearchQuery,
  withQuery,
} from './search-state';

interface PagefindResult {
  data(): Promise<PagefindResultData>;
}

type SearchOptions = { filters?: Record<string, string> };

interface Pagefind {
  options(options: { excerptLength?: number }): Promise<void>;
  search(term: string | null, options?: SearchOptions): Promise<{ results: PagefindResult[] }>;
  debouncedSearch(
    term: string | null,
    options?: SearchOptions,
  ): Promise<{ results: PagefindResult[] } | null>;
}

let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  // A runtime URL: the index is written after the build, so the bundler must not resolve it.
  const url = '/pagefind/pagefind.js';
  pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (module) => {
    await module.options({ excerptLength: 30 });
    return module;
  });
  return pagefind;
}

interface SearchElements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  select: HTMLSelectElement;
  status: HTMLElement;
  list: HTMLElement;
  more: HTMLButtonElement;
}

function findElements(root: HTMLElement): SearchElements | undefined {
  const form = root.querySelector('form');
  const input = root.querySelector<HTMLInputElement>('input[name="q"]');
  const select = root.querySelector<HTMLSelectElement>('select[name="category"]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const list = root.querySelector<HTMLElement>('[data-search-results]');
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]');
  if (!form || !input || !select || !status || !list || !more) return undefined;
  return { form, input, select, status, list, more };
}

/** Wires the search form inside `root`: runs the URL's query on load and keeps the two in step. */
export function startSearchPage(root: HTMLElement): void {
  const elements = findElements(root);
  if (!elements) return;
  const { form, input, select, status, list, more } = elements;
  root.querySelector<HTMLElement>('[data-search-fallback]')?.setAttribute('hidden', '');
  const categories = [...select.options].map((option) => option.value).filter(Boolean);
  const formQuery = (): SearchQuery => ({ q: input.value, category: select.value });
  let results: PagefindResult[] = [];
  let shown = 0;
  // Each search gets a number; answers to a superseded one are dropped.
  let current = 0;
  // Typing adds one history entry per burst of keystrokes, not one per key.
  let typing = false;

  async function showMore(search: number, focus: boolean): Promise<void> {
    const next = results.slice(shown, shown + RESULTS_PAGE);
    const items = (await Promise.all(next.map((result) => result.data()))).map(renderResult);
    if (search !== current) return;
    list.append(...items);
    shown += next.length;
    more.hidden = shown >= results.length;
    more.textContent = `Show more results (${results.length - shown} more)`;
    // Keyboard and screen reader users land on the first new result, not back at the top.
    if (focus) items[0]?.querySelector('a')?.focus();
  }

  async function run(query: SearchQuery, debounce: boolean): Promise<void> {
    const search = ++current;
    results = [];
    shown = 0;
    if (isEmptyQuery(query)) {
      status.textContent = '';
      list.replaceChildren();
      more.hidden = true;
      return;
    }
    status.textContent = 'Searching…';
    try {
      const engine = await loadPagefind();
      const term = query.q.trim() || null;
      const options = query.category ? { filters: { category: query.category } } : {};
      const found = debounce
        ? await engine.debouncedSearch(term, options)
        : await engine.search(term, options);
      if (!found || search !== current) return;
      results = found.results;
      list.replaceChildren();
      await showMore(search, false);
      if (search !== current) return;
      const name = [...select.options].find((option) => option.value === query.category)?.text;
      status.textContent = describeResults(results.length, query, query.category ? name : undefined);
    } catch {
      status.textContent =
        'Search is unavailable right now. Please try again later, or browse the categories.';
    }
  }

  function remember(query: SearchQuery, mode: 'push' | 'replace'): void {
    const url = withQuery(new URL(location.href), query);
    if (url.href === location.href) return;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  function showUrlQuery(): void {
    const query = readQuery(new URL(location.href), categories);
    input.value = query.q;
    select.value = query.category;
    typing = false;
    void run(query, false);
  }

  input.addEventListener('input', () => {
    remember(formQuery(), typing ? 'replace' : 'push');
    typing = true;
    void run(formQuery(), true);
  });
  // A search the reader left (blur, Enter) is kept: the next keystroke starts a new entry.
  input.addEventListener('change', () => {
    typing = false;
  });
  select.addEventListener('change', () => {
    typing = false;
    remember(formQuery(), 'push');
    void run(formQuery(), false);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    typing = false;
    remember(formQuery(), 'push');
    void run(formQuery(), false);
  });
  more.addEventListener('click', () => void showMore(current, true));
  window.addEventListener('popstate', showUrlQuery);
  showUrlQuery();
}
