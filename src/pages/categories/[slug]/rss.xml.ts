import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { type Category, getArticles, getCategories } from '@/lib/content';
import { getFeedEntries } from '@/lib/feed-content';
import { filterByCategory } from '@/lib/posts';
import { getLastModified, paths } from '@/lib/seo/article-facts';
import { buildFeedOptions, newestOf } from '@/lib/seo/feed';
import { SITE } from '@/site.config';

/** One feed per category, including categories without articles yet (an empty, valid feed). */
export const getStaticPaths = (async () => {
  const categories = await getCategories();
  return categories.map((category) => ({ params: { slug: category.id }, props: { category } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ category: Category }> = async ({ props, site }) => {
  if (!site) throw new Error('SITE_URL (astro config `site`) must be set to build the feed');
  const { category } = props;
  const articles = await getArticles();
  const channel = {
    title: `${category.data.name} | ${SITE.name}`,
    description: category.data.description,
    link: new URL(paths.category(category.id), site).href,
    self: new URL(paths.categoryFeed(category.id), site).href,
  };
  const entries = await getFeedEntries(filterByCategory(articles, category.id), site);
  const updated = newestOf(articles.map(getLastModified)) ?? new Date(0);
  return rss(buildFeedOptions(channel, entries, updated));
};
