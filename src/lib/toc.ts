/**
 * The "Jump to" table of contents: h2 entries with their h3 children, from the headings
 * Astro's render() collects (each already carries the id written into the page).
 */

/** A heading as returned by render(): depth 1-6, the element id, the visible text. */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** One TOC entry; `children` holds the h3 entries under an h2. */
export interface TocEntry {
  slug: string;
  text: string;
  children: TocEntry[];
}

/**
 * Nests h3 headings under the preceding h2. Other depths are left out: h1 is the title and
 * deeper levels would make the list longer than useful. An h3 before any h2 becomes a
 * top-level entry rather than being lost.
 */
export function buildToc(headings: readonly Heading[]): TocEntry[] {
  const toc: TocEntry[] = [];
  let parent: TocEntry | undefined;
  for (const { depth, slug, text } of headings) {
    if (depth !== 2 && depth !== 3) continue;
    const entry: TocEntry = { slug, text: text.trim(), children: [] };
    if (depth === 3 && parent) parent.children.push(entry);
    else toc.push(entry);
    if (depth === 2) parent = entry;
  }
  return toc;
}
