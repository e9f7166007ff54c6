/**
 * Reads an article's frontmatter the way editors see it: raw text, with the line of every
 * field. The `yaml` core schema keeps dates as the text typed, so the date rule sees them as
 * written rather than as js-yaml's UTC guesses.
 */
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';

/** Frontmatter values plus where each field and list item sits in the file. */
export interface ParsedFrontmatter {
  data: Record<string, unknown>;
  /** 1-based line of the opening `---`'s following line, i.e. of the first field. */
  firstLine: number;
  /** 1-based line of the closing `---`. */
  endLine: number;
  /** Line of `path` (['categories', 1]); the nearest enclosing field when unknown. */
  lineOf(path: readonly PropertyKey[]): number;
  /** The body after the frontmatter, and its first line number. */
  body: string;
  bodyLine: number;
}

/** A YAML or delimiter error, with its line and, when the line names one, its field. */
export interface FrontmatterError {
  line: number;
  field?: string;
  message: string;
}

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/** Parses the frontmatter of an `.md`/`.mdx` source, or says why it cannot. */
export function parseFrontmatter(source: string): ParsedFrontmatter | FrontmatterError {
  const match = FRONTMATTER.exec(source);
  if (!match) {
    return {
      line: 1,
      message: 'is missing; start the file with a line of ---, the fields, then another line of ---',
    };
  }
  const raw = match[1] ?? '';
  const lineCounter = new LineCounter();
  const doc = parseDocument(raw, { lineCounter, schema: 'core', uniqueKeys: true });
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + 1;
  const [error] = doc.errors;
  if (error) {
    const line = toFileLine(error.pos[0]);
    const field = /^([A-Za-z][\w-]*)\s*:/.exec(source.split('\n')[line - 1] ?? '')?.[1];
    const reason = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
    return {
      line,
      ...(field ? { field } : {}),
      message: `is not valid YAML (${reason}); put text that contains ": " or starts with a quote in quotes, and check the indentation`,
    };
  }
  const data = doc.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { line: 2, message: 'must be a list of `field: value` lines' };
  }
  const endLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0);
  return {
    data,
    firstLine: 2,
    endLine,
    body: source.slice(match[0].length),
    bodyLine: endLine + 1,
    lineOf(path) {
      let node: unknown = doc.contents;
      let offset: number | undefined;
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
          if (!pair) break;
          offset = (pair.key as { range?: [number, number, number] } | null)?.range?.[0] ?? offset;
          node = pair.value;
        } else if (isSeq(node) && typeof key === 'number') {
          const item = node.items[key] as { range?: [number, number, number] } | undefined;
          if (!item) break;
          offset = item.range?.[0] ?? offset;
          node = item;
        } else break;
      }
      return offset === undefined ? 1 : toFileLine(offset);
    },
  };
}
