import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getArticles } from '@/lib/content';
import { getFeedEntries } from '@/lib/feed-content';
import { getLastModified, paths } from '@/lib/seo/article-facts';
import { buildFeedOptions, newestOf } from '@/lib/seo/feed';
import { SITE } from '@/site.config';

/** The site feed: the newest articles of every category. */
export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('SITE_URL (astro config `site`) must be set to build the feed');
  const articles = await getArticles();
  const channel = {
    title: SITE.name,
    description: SITE.description,
    link: new URL('/', site).href,
    self: new URL(paths.feed, site).href,
  };
  // A site without articles yet has never changed: the epoch keeps the feed reproducible.
  const updated = newestOf(articles.map(getLastModified)) ?? new Date(0);
  return rss(buildFeedOptions(channel, await getFeedEntries(articles, site), updated));
};
