/**
 * The URL slug Astro's glob() loader gives an entry: the frontmatter `slug` when set, else the
 * file path without extension, each segment slugified like github-slugger does.
 */
function slugifySegment(segment: string): string {
  return segment
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Entry id of an article at `relativePath` (posix, relative to the articles folder). */
export function entryId(relativePath: string, data: Record<string, unknown>): string {
  if (data['slug']) return String(data['slug']);
  const withoutExtension = relativePath.replace(/\.[^./]+$/, '');
  return withoutExtension
    .split('/')
    .map(slugifySegment)
    .join('/')
    .replace(/\/index$/, '');
}
