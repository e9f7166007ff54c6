/**
 * Reads the built site in dist/client for the built-site checks: every HTML page, the links and
 * images in it, and its JSON-LD blocks. Parsing uses parse5 (the HTML spec's algorithm), so
 * what the checks see is what a browser or a crawler sees.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { type DefaultTreeAdapterMap, parse } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** The client half of the build, as the server serves it. */
export const clientDir = new URL('../../../dist/client/', import.meta.url).pathname;

/** The origin the site was built for (astro config `site`). */
export const siteOrigin = new URL(process.env['SITE_URL'] ?? 'http://localhost:4321').origin;

/** One built HTML page. */
export interface BuiltPage {
  /** URL path the page is served at, e.g. /blog/x/. */
  path: string;
  document: DefaultTreeAdapterMap['document'];
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Every prerendered HTML page except Pagefind's own files. */
export function readBuiltPages(): BuiltPage[] {
  return walk(clientDir)
    .filter((file) => file.endsWith('.html') && !file.includes(`${sep}pagefind${sep}`))
    .map((file) => {
      const rel = relative(clientDir, file).split(sep).join('/');
      const path = `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
      return { path, document: parse(readFileSync(file, 'utf8')) };
    });
}

/** Every element below `node`, depth first. */
export function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) yield* elements(child);
  if ('content' in node && node.content) yield* elements(node.content);
}

/** The value of an attribute, if present. */
export function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

/** Concatenated text of an element (for <script> and <title>). */
export function textOf(element: Element): string {
  return element.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
}

/** Every URL a page makes the browser fetch or lets the reader follow, with where it came from. */
export function referencedUrls(page: BuiltPage): { url: string; source: string }[] {
  const found: { url: string; source: string }[] = [];
  for (const el of elements(page.document)) {
    const add = (value: string | undefined, what: string) => {
      if (value) found.push({ url: value, source: `<${el.tagName} ${what}>` });
    };
    if (el.tagName === 'a' || el.tagName === 'link') add(attr(el, 'href'), 'href');
    if (el.tagName === 'img' || el.tagName === 'script' || el.tagName === 'source')
      add(attr(el, 'src'), 'src');
    if (el.tagName === 'form') add(attr(el, 'action'), 'action');
    for (const candidate of (attr(el, 'srcset') ?? '').split(','))
      add(candidate.trim().split(/\s+/)[0], 'srcset');
    if (el.tagName === 'meta' && /^(og|twitter):image$/.test(attr(el, 'property') ?? attr(el, 'name') ?? ''))
      add(attr(el, 'content'), 'content');
  }
  return found;
}

/** Every id in the page, for checking #fragment links. */
export function idsOf(page: BuiltPage): Set<string> {
  return new Set([...elements(page.document)].flatMap((el) => attr(el, 'id') ?? []));
}

/** The parsed JSON-LD blocks of a page; throws, naming the page, if one is not valid JSON. */
export function jsonLdOf(page: BuiltPage): Record<string, unknown>[] {
  return [...elements(page.document)]
    .filter((el) => el.tagName === 'script' && attr(el, 'type') === 'application/ld+json')
    .map((el) => {
      try {
        return JSON.parse(textOf(el)) as Record<string, unknown>;
      } catch (error) {
        throw new Error(`${page.path}: JSON-LD does not parse: ${(error as Error).message}`);
      }
    });
}

/** Content of the first <meta> whose name or property is `key`. */
export function metaContent(page: BuiltPage, key: string): string | undefined {
  for (const el of elements(page.document)) {
    if (el.tagName === 'meta' && (attr(el, 'name') === key || attr(el, 'property') === key))
      return attr(el, 'content');
  }
  return undefined;
}

/** Text of the page's <title>. */
export function titleOf(page: BuiltPage): string | undefined {
  for (const el of elements(page.document)) if (el.tagName === 'title') return textOf(el);
  return undefined;
}
