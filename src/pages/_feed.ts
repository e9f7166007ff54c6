/**
 * Shared by /rss.xml and /categories/<slug>/rss.xml: the newest articles with their full
 * rendered content. MDX bodies are rendered with Astro's container API, the way Astro's RSS
 * recipe recommends for MDX (compiledContent() exists only for plain Markdown).
 */

import { loadRenderers } from 'astro:container';
import { render } from 'astro:content';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import rss from '@astrojs/rss';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { mdxComponents } from '@/components/article/mdx-components';
import { type Article, getAuthors, getCategories } from '@/lib/content';
import { getArticleFacts, paths } from '@/lib/seo/article-facts';
import { absolutizeHtml, FEED_SIZE } from '@/lib/seo/feed-html';
import { escapeXml } from '@/lib/seo/sitemap-xml';
import { SITE } from '@/site.config';

let container: Promise<AstroContainer> | undefined;

function getContainer(): Promise<AstroContainer> {
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) =>
    AstroContainer.create({ renderers }),
  );
  return container;
}

async function renderArticleHtml(article: Article, pageUrl: string): Promise<string> {
  const { Content } = await render(article);
  // The same components the article page passes, so Callout and Figure render in feeds too.
  const html = await (await getContainer()).renderToString(Content, { props: { components: mdxComponents } });
  return absolutizeHtml(html, pageUrl);
}

/** What distinguishes one feed from another. */
export interface FeedOptions {
  title: string;
  description: string;
  /** Articles, newest first; only the first FEED_SIZE are included. */
  articles: readonly Article[];
  /** Absolute origin of the site. */
  site: URL;
  /** Path of the feed itself, for the atom:link self reference. */
  selfPath: string;
}

/** An RSS 2.0 response for these articles. */
export async function feedResponse(options: FeedOptions): Promise<Response> {
  const [categories, authors] = await Promise.all([getCategories(), getAuthors()]);
  const items = await Promise.all(
    options.articles.slice(0, FEED_SIZE).map(async (article) => {
      const link = new URL(paths.article(article.id), options.site).href;
      const facts = getArticleFacts(article, categories, authors);
      return {
        title: article.data.title,
        link,
        description: article.data.description,
        pubDate: article.data.pubDate,
        categories: facts.categories.map((category) => category.name),
        // RSS's <author> must be an e-mail address; Dublin Core's creator takes a name.
        ...(facts.author ? { customData: `<dc:creator>${escapeXml(facts.author.name)}</dc:creator>` } : {}),
        content: await renderArticleHtml(article, link),
      };
    }),
  );
  return rss({
    title: options.title,
    description: options.description,
    site: options.site,
    items,
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: [
      `<language>${SITE.locale}</language>`,
      `<atom:link href="${new URL(options.selfPath, options.site).href}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
  });
}
