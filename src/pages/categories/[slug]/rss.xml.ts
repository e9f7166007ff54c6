import type { APIRoute, GetStaticPaths } from 'astro';
import { type Category, getArticles, getCategories } from '@/lib/content';
import { paths } from '@/lib/seo/article-facts';
import { SITE } from '@/site.config';
import { feedResponse } from '../../_feed';

/** One feed per category, including categories without articles yet (an empty, valid feed). */
export const getStaticPaths = (async () => {
  const categories = await getCategories();
  return categories.map((category) => ({ params: { slug: category.id }, props: { category } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ category: Category }> = async ({ props, site }) => {
  if (!site) throw new Error('SITE_URL (astro config `site`) must be set to build the feed');
  const { category } = props;
  const articles = await getArticles();
  return feedResponse({
    title: `${category.data.name} | ${SITE.name}`,
    description: category.data.description,
    articles: articles.filter((article) => article.data.categories.some((ref) => ref.id === category.id)),
    site,
    selfPath: paths.categoryFeed(category.id),
  });
};
