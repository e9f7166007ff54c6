/**
 * RSS 2.0 channels (the site feed, a category's, a tag's) as options for @astrojs/rss, built
 * from entries whose HTML and image the content side has already rendered. Pure: the same
 * entries always give the same feed, so a rebuild that changes no article changes no feed.
 */
import type { RSSOptions } from '@astrojs/rss';
import { SITE } from '@/site.config';
import { escapeXml } from './sitemap-xml.ts';

/** The picture an item shows in feed readers: the hero image, or the article's social card. */
export interface FeedImage {
  /** Absolute URL. */
  url: string;
  /** MIME type, e.g. image/webp. */
  type: string;
  width: number;
  height: number;
  /** Text alternative, sent as media:description. */
  alt: string;
}

/** One article as a feed item, its references resolved and its body rendered. */
export interface FeedEntry {
  /** Absolute URL of the article page. */
  link: string;
  title: string;
  description: string;
  pubDate: Date;
  /** Last meaningful change: the revision date, else pubDate. */
  updated: Date;
  /** Category names, primary first. */
  categories: string[];
  authorName: string | undefined;
  /** The full article body, every URL in it absolute. */
  html: string;
  image: FeedImage;
}

/** What distinguishes one channel from another. */
export interface FeedChannel {
  title: string;
  description: string;
  /** Absolute URL of the page the channel stands for: the home, a category or a tag page. */
  link: string;
  /** Absolute URL of the feed itself, for the atom:link self reference. */
  self: string;
}

const NAMESPACES = {
  atom: 'http://www.w3.org/2005/Atom',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
};

/** The newest of `dates`; undefined for none. */
export function newestOf(dates: readonly Date[]): Date | undefined {
  return dates.reduce<Date | undefined>(
    (newest, date) => (!newest || date > newest ? date : newest),
    undefined,
  );
}

function mediaContent(image: FeedImage): string {
  return (
    `<media:content url="${escapeXml(image.url)}" type="${escapeXml(image.type)}" medium="image" ` +
    `width="${image.width}" height="${image.height}">` +
    `<media:description type="plain">${escapeXml(image.alt)}</media:description></media:content>`
  );
}

/**
 * The @astrojs/rss options of a channel. `lastBuildDate` is the newest change among the
 * entries; a channel without entries takes `emptyUpdated` (the site's newest change), so every
 * feed carries one and it moves only when content does.
 */
export function buildFeedOptions(
  channel: FeedChannel,
  entries: readonly FeedEntry[],
  emptyUpdated: Date,
): RSSOptions {
  const updated = newestOf(entries.map((entry) => entry.updated)) ?? emptyUpdated;
  return {
    title: channel.title,
    description: channel.description,
    // @astrojs/rss writes `site` as the channel's <link>; item links are absolute already.
    site: channel.link,
    trailingSlash: true,
    xmlns: NAMESPACES,
    customData: [
      `<language>${SITE.locale}</language>`,
      `<lastBuildDate>${updated.toUTCString()}</lastBuildDate>`,
      `<atom:link href="${escapeXml(channel.self)}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
    items: entries.map((entry) => ({
      title: entry.title,
      link: entry.link,
      description: entry.description,
      pubDate: entry.pubDate,
      categories: entry.categories,
      content: entry.html,
      // RSS's <author> must be an e-mail address; Dublin Core's creator takes a name.
      customData:
        (entry.authorName ? `<dc:creator>${escapeXml(entry.authorName)}</dc:creator>` : '') +
        mediaContent(entry.image),
    })),
  };
}
