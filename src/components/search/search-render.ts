/** One search result as a list item: title link, category and the highlighted excerpt. */

/** What the page shows of a Pagefind result (its `data()`). */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; category?: string };
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

/** The list item of one result. */
export function renderResult(data: PagefindResultData): HTMLLIElement {
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
