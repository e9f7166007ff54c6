import type { APIRoute, GetStaticPaths } from 'astro';
import { type Article, type Category, getArticles, getCategories } from '@/lib/content';
import { feedResponse } from '@/lib/feed-content';
import { categoryListings, singlePageListings } from '@/lib/listings';
import { paths } from '@/lib/seo/article-facts';
import { SITE } from '@/site.config';

/** One feed per category, including categories without articles yet (an empty, valid feed). */
export const getStaticPaths = (async () => {
  const [articles, categories] = await Promise.all([getArticles(), getCategories()]);
  return singlePageListings(categoryListings(articles, categories));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ category: Category; articles: Article[] }> = ({ props, site }) => {
  const { id, data } = props.category;
  const channel = {
    title: `${data.name} | ${SITE.name}`,
    description: data.description,
    link: paths.category(id),
    self: paths.categoryFeed(id),
  };
  return feedResponse(site, channel, props.articles);
};
