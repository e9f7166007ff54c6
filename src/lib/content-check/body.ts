/**
 * Finds, line by line, what the check verifies in an article body: link targets, Markdown
 * images and the Figure and Callout components. Code blocks and inline code are skipped, since
 * examples there are not links. A scanner rather than an MDX parse keeps exact line numbers
 * and reports every problem even when the MDX itself would not compile.
 */

/** A link target and the line it is on. */
export interface FoundLink {
  line: number;
  href: string;
}

/** A component tag with its string attributes (`{…}` expressions are recorded as null). */
export interface FoundTag {
  line: number;
  name: string;
  attributes: Map<string, string | null>;
}

/** A Markdown image `![alt](src)`. */
export interface FoundImage {
  line: number;
  alt: string;
  src: string;
}

/** What a body contains that the check looks at. */
export interface BodyScan {
  links: FoundLink[];
  images: FoundImage[];
  tags: FoundTag[];
}

const FENCE = /^\s{0,3}(```|~~~)/;
const INLINE_CODE = /`[^`\n]*`/g;
const MARKDOWN_LINK = /(!?)\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+["'(][^)]*)?\)/g;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})/g;
const AUTOLINK = /<(https?:\/\/[^>\s]+)>/g;
const TAG_START = /<(Figure|Callout)\b/g;
const ATTRIBUTE = /([A-Za-z][\w-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|(\{(?:[^{}]|\{[^{}]*\})*\})))?/g;

const MDX_COMMENT = /\{\/\*[\s\S]*?\*\/\}/g;

/** Blanks code, fenced blocks and MDX comments so their contents are never read as links or tags. */
function proseLines(body: string): string[] {
  let fence: string | null = null;
  const uncommented = body.replace(MDX_COMMENT, (comment) => comment.replace(/[^\n]/g, ' '));
  return uncommented.split('\n').map((line) => {
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      if (marker === fence) fence = null;
      return '';
    }
    if (marker) {
      fence = marker;
      return '';
    }
    return line.replace(INLINE_CODE, (code) => ' '.repeat(code.length));
  });
}

function scanTag(text: string, from: number): Map<string, string | null> {
  const attributes = new Map<string, string | null>();
  let end = text.indexOf('>', from);
  // A `>` inside an attribute expression or string does not close the tag.
  while (end !== -1 && /=\s*\{[^}]*$|="[^"]*$/.test(text.slice(from, end))) end = text.indexOf('>', end + 1);
  const inside = text.slice(from, end === -1 ? undefined : end).replace(/\/$/, '');
  for (const match of inside.matchAll(ATTRIBUTE)) {
    const [, name, double, single, expression] = match;
    if (!name) continue;
    attributes.set(name, double ?? single ?? (expression === undefined ? '' : null));
  }
  return attributes;
}

/** Scans an article body; `firstLine` is the file line the body starts on. */
export function scanBody(body: string, firstLine: number): BodyScan {
  const lines = proseLines(body);
  const text = lines.join('\n');
  const lineAt = (index: number) => firstLine + text.slice(0, index).split('\n').length - 1;
  const scan: BodyScan = { links: [], images: [], tags: [] };
  lines.forEach((line, i) => {
    const lineNumber = firstLine + i;
    for (const [, bang, label, target] of line.matchAll(MARKDOWN_LINK)) {
      if (bang) scan.images.push({ line: lineNumber, alt: (label ?? '').trim(), src: target ?? '' });
      else if (target) scan.links.push({ line: lineNumber, href: target });
    }
    const reference = REFERENCE_DEFINITION.exec(line)?.[1];
    if (reference) scan.links.push({ line: lineNumber, href: reference });
    for (const [, a, b, c] of line.matchAll(HREF))
      scan.links.push({ line: lineNumber, href: a ?? b ?? c ?? '' });
    for (const [, url] of line.matchAll(AUTOLINK)) if (url) scan.links.push({ line: lineNumber, href: url });
  });
  for (const match of text.matchAll(TAG_START)) {
    const start = match.index + match[0].length;
    scan.tags.push({ line: lineAt(match.index), name: match[1] ?? '', attributes: scanTag(text, start) });
  }
  return scan;
}
