import { type DefaultTreeAdapterMap, parseFragment } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];

/** What markup may contain to count as safe. */
export interface SafeHtmlRules {
  /** Element names allowed anywhere in the fragment. */
  tags: ReadonlySet<string>;
  /** URL schemes an href may use; relative hrefs are allowed only when `relativeLinks` is set. */
  schemes: readonly string[];
  relativeLinks?: boolean;
}

/**
 * Parses `html` as a browser would and lists every way it is unsafe: an element outside the
 * rules, an event-handler or style attribute, an href with another scheme, or raw `<script`.
 * Empty means safe.
 */
export function findUnsafeHtml(html: string, rules: SafeHtmlRules): string[] {
  const problems: string[] = [];
  // Outside quoted attribute values (where "<" is inert text), "<script" must never survive.
  if (/<script/i.test(html.replace(/="[^"]*"/g, '=""'))) problems.push('raw <script in the markup');
  const visit = (node: Node) => {
    if ('tagName' in node) {
      if (!rules.tags.has(node.tagName)) problems.push(`element <${node.tagName}>`);
      for (const attr of node.attrs) {
        if (/^on/i.test(attr.name) || attr.name === 'style' || attr.name === 'src')
          problems.push(`attribute ${attr.name} on <${node.tagName}>`);
        if (attr.name === 'href' && !isAllowedHref(attr.value, rules))
          problems.push(`href "${attr.value}" on <${node.tagName}>`);
      }
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(parseFragment(html));
  return problems;
}

function isAllowedHref(href: string, rules: SafeHtmlRules): boolean {
  if (!URL.canParse(href)) return rules.relativeLinks === true && URL.canParse(href, 'https://site.example');
  return rules.schemes.includes(new URL(href).protocol.slice(0, -1));
}
