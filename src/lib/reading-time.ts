/** Reading time from an article's raw Markdown/MDX source. */

/** Average adult silent reading speed for non-fiction, words per minute. */
export const WORDS_PER_MINUTE = 230;

/**
 * Words a reader reads in Markdown/MDX source: code blocks, import/export lines, HTML/JSX
 * tags, link targets and Markdown punctuation do not count.
 */
export function countWords(source: string): number {
  const prose = source
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^(```|~~~)[\s\S]*?^\1/gm, ' ')
    .replace(/^(import|export)\s.*$/gm, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`|~[\]-]+/g, ' ');
  return prose.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Whole minutes to read `source`, at least 1. */
export function readingMinutes(source: string): number {
  return Math.max(1, Math.round(countWords(source) / WORDS_PER_MINUTE));
}

/** "6 min read". */
export function formatReadingTime(minutes: number): string {
  return `${minutes} min read`;
}
