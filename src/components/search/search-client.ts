/**
 * Browser side of /search/: reads ?q=, asks Pagefind, renders title, category and a highlighted
 * excerpt. Pagefind's own script and index are fetched from /pagefind/ only when a query runs.
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; category?: string };
}

interface Pagefind {
  options(options: { excerptLength?: number }): Promise<void>;
  debouncedSearch(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const MAX_RESULTS = 10;
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

/** Copies the excerpt's text and <mark> highlights only, so no other markup can reach the page. */
function renderExcerpt(excerpt: string, into: HTMLElement): void {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html');
  for (const node of parsed.body.firstElementChild?.childNodes ?? []) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      into.append(mark);
    } else into.append(node.textContent ?? '');
  }
}

function renderResult(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  heading.className = 'text-xl font-semibold';
  const link = document.createElement('a');
  link.href = data.url;
  link.className = 'hover:underline';
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  item.append(heading);
  if (data.meta.category) {
    const category = document.createElement('p');
    category.className = 'text-sm font-medium text-blue-700 dark:text-blue-300';
    category.textContent = data.meta.category;
    item.append(category);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'mt-1 text-slate-700 dark:text-slate-300';
  renderExcerpt(data.excerpt, excerpt);
  item.append(excerpt);
  return item;
}

async function runSearch(query: string, status: HTMLElement, list: HTMLElement): Promise<void> {
  if (!query.trim()) {
    status.textContent = '';
    list.replaceChildren();
    return;
  }
  status.textContent = 'Searching…';
  try {
    const search = await (await loadPagefind()).debouncedSearch(query);
    if (!search) return; // superseded by a newer keystroke
    const results = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
    list.replaceChildren(...results.map(renderResult));
    const more = search.results.length > MAX_RESULTS ? ` (showing the first ${MAX_RESULTS})` : '';
    status.textContent =
      results.length === 0
        ? `No articles match “${query}”.`
        : `${search.results.length} ${search.results.length === 1 ? 'article matches' : 'articles match'} “${query}”${more}.`;
  } catch {
    status.textContent = 'Search is unavailable right now. Please try again later, or browse the categories.';
  }
}

/** Wires the search form inside `root`: runs ?q= on load and searches as the reader types. */
export function startSearchPage(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>('input[name="q"]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const list = root.querySelector<HTMLElement>('[data-search-results]');
  if (!input || !status || !list) return;
  root.querySelector<HTMLElement>('[data-search-fallback]')?.setAttribute('hidden', '');
  const initial = new URLSearchParams(location.search).get('q') ?? '';
  input.value = initial;
  void runSearch(initial, status, list);
  input.addEventListener('input', () => {
    const url = new URL(location.href);
    if (input.value) url.searchParams.set('q', input.value);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    void runSearch(input.value, status, list);
  });
  root.querySelector('form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    void runSearch(input.value, status, list);
  });
}
