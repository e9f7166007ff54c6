import type { APIRoute } from 'astro';
import { getArticles } from '@/lib/content';
import { feedResponse } from '@/lib/feed-content';
import { paths } from '@/lib/seo/article-facts';
import { SITE } from '@/site.config';

/** The site feed: the newest articles of every category. */
export const GET: APIRoute = async ({ site }) => {
  const channel = { title: SITE.name, description: SITE.description, link: '/', self: paths.feed };
  return feedResponse(site, channel, await getArticles());
};
