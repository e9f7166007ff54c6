import { SITE } from '../../site.config.ts';

/** A run of a comment's text: plain text, a line break, or a link to an http(s) URL. */
export type TextSegment =
  | { kind: 'text'; text: string }
  | { kind: 'break' }
  | { kind: 'link'; text: string; href: string };

const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+|\bwww\.[^\s<>"'`]+/giu;
/** Characters that end a sentence rather than a URL when they close it. */
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '"', ']', ')', '}']);

function count(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) n += 1;
  return n;
}

/**
 * Drops trailing punctuation that ends a sentence rather than the URL, keeping a ")" that
 * closes a "(" inside it. One pass from the end over counts taken once: a comment can hold
 * thousands of ")" and every island render formats every comment.
 */
function trimUrl(candidate: string): string {
  const open = count(candidate, '(');
  let close = count(candidate, ')');
  let end = candidate.length;
  while (end > 0) {
    const last = candidate[end - 1] as string;
    if (!TRAILING.has(last) || (last === ')' && open >= close)) break;
    if (last === ')') close -= 1;
    end -= 1;
  }
  return candidate.slice(0, end);
}

function toHref(text: string): string | undefined {
  try {
    const url = new URL(text.toLowerCase().startsWith('www.') ? `https://${text}` : text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function linkify(line: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of line.matchAll(URL_CANDIDATE)) {
    const text = trimUrl(match[0]);
    const href = toHref(text);
    if (!href || text.length === 0) continue;
    if (match.index > last) segments.push({ kind: 'text', text: line.slice(last, match.index) });
    segments.push({ kind: 'link', text, href });
    last = match.index + text.length;
  }
  if (last < line.length) segments.push({ kind: 'text', text: line.slice(last) });
  return segments;
}

/**
 * Turns a comment's plain text into paragraphs (blank-line separated) of text, line breaks
 * and autolinked URLs. The result is data, never HTML: the template escapes every piece.
 */
export function formatCommentText(body: string): TextSegment[][] {
  return body
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .flatMap((line, index) => [...(index > 0 ? [{ kind: 'break' } as const] : []), ...linkify(line)]),
    );
}

// Built once: constructing an Intl formatter costs far more than formatting with it.
const DATE_FORMAT = new Intl.DateTimeFormat(SITE.locale, {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: SITE.timeZone,
});

/** A comment's date as readers see it, in the site's locale and time zone. */
export function formatCommentDate(date: Date): string {
  return DATE_FORMAT.format(date);
}
