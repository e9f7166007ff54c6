/**
 * The one rule deciding whether an article is public. src/lib/content.ts applies it to every
 * query, so pages, listings, feeds, the sitemap and related lists all agree.
 */

/** The frontmatter fields the rule reads. */
export interface PublishingFields {
  draft: boolean;
  pubDate: Date;
}

/** Where an article stands: hidden by the editor, waiting for its date, or public. */
export type PublicationStatus = 'draft' | 'scheduled' | 'published';

/** Status of an article at `now`; a draft stays a draft whatever its date. */
export function getPublicationStatus(data: PublishingFields, now: Date): PublicationStatus {
  if (data.draft) return 'draft';
  return data.pubDate.getTime() > now.getTime() ? 'scheduled' : 'published';
}

/**
 * True when the article belongs in the site built at `now`. The dev server shows drafts and
 * scheduled articles so editors can preview them; production builds show neither.
 */
export function isPublished(data: PublishingFields, now: Date, options: { dev: boolean }): boolean {
  return options.dev || getPublicationStatus(data, now) === 'published';
}
