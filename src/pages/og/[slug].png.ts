import type { APIRoute, GetStaticPaths } from 'astro';
import { type Article, getArticles, getAuthors, getCategories } from '@/lib/content';
import { getArticleFacts } from '@/lib/seo/article-facts';
import { SITE } from '@/site.config';
import { pngResponse, renderOgPng } from './_render';

/** One card per published article: title, primary category, author, site name. */
export const getStaticPaths = (async () => {
  const [articles, categories, authors] = await Promise.all([getArticles(), getCategories(), getAuthors()]);
  return articles.map((article) => {
    const facts = getArticleFacts(article, categories, authors);
    return {
      params: { slug: article.id },
      props: { article, category: facts.categories[0]?.name, author: facts.author?.name },
    };
  });
}) satisfies GetStaticPaths;

interface Props {
  article: Article;
  category: string | undefined;
  author: string | undefined;
}

export const GET: APIRoute<Props> = async ({ props }) =>
  pngResponse(
    await renderOgPng({
      title: props.article.data.title,
      siteName: SITE.name,
      category: props.category,
      author: props.author,
    }),
  );
