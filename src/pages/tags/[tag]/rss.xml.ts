import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { type Article, getArticles } from '@/lib/content';
import { getFeedEntries } from '@/lib/feed-content';
import { paths } from '@/lib/seo/article-facts';
import { buildFeedOptions } from '@/lib/seo/feed';
import { tagFeedTitle } from '@/lib/seo/page-seo';
import { collectTags, filterByTag, type TagSummary } from '@/lib/tags';

/** One feed per tag; a tag exists only while an article carries it, so none is empty. */
export const getStaticPaths = (async () => {
  const articles = await getArticles();
  return collectTags(articles).map((tag) => ({
    params: { tag: tag.slug },
    props: { tag, articles: filterByTag(articles, tag.slug) },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ tag: TagSummary; articles: Article[] }> = async ({ props, site }) => {
  if (!site) throw new Error('SITE_URL (astro config `site`) must be set to build the feed');
  const { tag, articles } = props;
  const channel = {
    title: tagFeedTitle(tag),
    description: `Articles tagged “${tag.name}”, newest first.`,
    link: new URL(paths.tag(tag.slug), site).href,
    self: new URL(paths.tagFeed(tag.slug), site).href,
  };
  // Never empty (see above), so the fallback date is never used.
  return rss(buildFeedOptions(channel, await getFeedEntries(articles, site), new Date(0)));
};
