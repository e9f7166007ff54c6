import type { APIRoute } from 'astro';
import { getArticles } from '@/lib/content';
import { paths } from '@/lib/seo/article-facts';
import { SITE } from '@/site.config';
import { feedResponse } from './_feed';

/** The site feed: the newest articles of every category. */
export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('SITE_URL (astro config `site`) must be set to build the feed');
  return feedResponse({
    title: SITE.name,
    description: SITE.description,
    articles: await getArticles(),
    site,
    selfPath: paths.feed,
  });
};
