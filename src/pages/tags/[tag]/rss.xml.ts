import type { APIRoute, GetStaticPaths } from 'astro';
import { type Article, getArticles } from '@/lib/content';
import { feedResponse } from '@/lib/feed-content';
import { singlePageListings, tagListings } from '@/lib/listings';
import { paths } from '@/lib/seo/article-facts';
import { tagFeedTitle } from '@/lib/seo/page-seo';
import type { TagSummary } from '@/lib/tags';

/** One feed per tag; a tag exists only while an article carries it, so none is empty. */
export const getStaticPaths = (async () =>
  singlePageListings(tagListings(await getArticles()))) satisfies GetStaticPaths;

export const GET: APIRoute<{ tag: TagSummary; articles: Article[] }> = ({ props, site }) => {
  const { tag, articles } = props;
  const channel = {
    title: tagFeedTitle(tag),
    description: `Articles tagged “${tag.name}”, newest first.`,
    link: paths.tag(tag.slug),
    self: paths.tagFeed(tag.slug),
  };
  return feedResponse(site, channel, articles);
};
