/**
 * Schema.org structured data as plain objects. Pure functions: pages pass in absolute URLs and
 * dates, so the same builders serve the article, category and home pages and the unit tests.
 */

/** A JSON-LD node: a schema.org object with its @type. */
export type JsonLd = { '@context'?: string; '@type': string } & Record<string, unknown>;

/** The organisation that publishes the site, with an absolute logo URL. */
export interface Publisher {
  name: string;
  url: string;
  logoUrl: string;
}

/** What a BlogPosting needs; every URL absolute. */
export interface BlogPostingInput {
  url: string;
  headline: string;
  description: string;
  imageUrl: string;
  datePublished: Date;
  dateModified?: Date | undefined;
  author: { name: string; url?: string | undefined };
  publisher: Publisher;
  section?: string | undefined;
  keywords?: readonly string[] | undefined;
}

/** One step of a breadcrumb trail; the last one is the current page. */
export interface Crumb {
  name: string;
  url: string;
}

const CONTEXT = 'https://schema.org';

/** BlogPosting for an article; dateModified falls back to datePublished as Google advises. */
export function buildBlogPosting(input: BlogPostingInput): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'BlogPosting',
    headline: input.headline,
    description: input.description,
    image: [input.imageUrl],
    datePublished: input.datePublished.toISOString(),
    dateModified: (input.dateModified ?? input.datePublished).toISOString(),
    author: {
      '@type': 'Person',
      name: input.author.name,
      ...(input.author.url ? { url: input.author.url } : {}),
    },
    publisher: buildOrganization(input.publisher),
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    url: input.url,
    ...(input.section ? { articleSection: input.section } : {}),
    ...(input.keywords?.length ? { keywords: input.keywords.join(', ') } : {}),
  };
}

/** Organization with its logo as an ImageObject. */
export function buildOrganization(publisher: Publisher): JsonLd {
  return {
    '@type': 'Organization',
    name: publisher.name,
    url: publisher.url,
    logo: { '@type': 'ImageObject', url: publisher.logoUrl },
  };
}

/** BreadcrumbList with 1-based positions in the order given. */
export function buildBreadcrumbList(crumbs: readonly Crumb[]): JsonLd {
  if (crumbs.length === 0) throw new Error('a breadcrumb trail needs at least one step');
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  };
}

/** WebSite for the home page, with a SearchAction pointing at the site search page. */
export function buildWebSite(input: { name: string; url: string; description: string }): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    name: input.name,
    url: input.url,
    description: input.description,
    potentialAction: {
      '@type': 'SearchAction',
      target: {
        '@type': 'EntryPoint',
        urlTemplate: `${new URL('/search/', input.url).href}?q={search_term_string}`,
      },
      'query-input': 'required name=search_term_string',
    },
  };
}

/**
 * JSON for a <script type="application/ld+json"> body. `<` is escaped so a headline containing
 * "</script>" cannot end the element early; JSON parsers read \u003c back as "<".
 */
export function serializeJsonLd(data: JsonLd | readonly JsonLd[]): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
