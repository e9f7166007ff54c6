/**
 * The feed side of reading content: renders the newest articles' bodies and hero images into
 * the entries src/lib/seo/feed.ts turns into a channel, and answers a feed route with it. MDX bodies are rendered with Astro's
 * container API, the way Astro's RSS recipe recommends for MDX (compiledContent() exists only
 * for plain Markdown).
 */

import { getImage } from 'astro:assets';
import { loadRenderers } from 'astro:container';
import { render } from 'astro:content';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import rss from '@astrojs/rss';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { mdxComponents } from '@/components/article/mdx-components';
import { type Article, getArticles, getAuthors, getCategories } from '@/lib/content';
import { getArticleFacts, getLastModified, paths } from '@/lib/seo/article-facts';
import { buildFeedOptions, type FeedChannel, type FeedEntry, type FeedImage, newestOf } from '@/lib/seo/feed';
import { absolutizeHtml, FEED_SIZE } from '@/lib/seo/feed-html';

/** Width of the hero image sent to feed readers: the largest the article page serves. */
const IMAGE_WIDTH = 1200;

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

/** The hero image at feed size, or the article's social card when it has no hero. */
async function feedImage(article: Article, site: URL): Promise<FeedImage> {
  const { heroImage, heroAlt, title } = article.data;
  if (!heroImage)
    return {
      url: new URL(paths.articleCard(article.id), site).href,
      type: 'image/png',
      width: 1200,
      height: 630,
      alt: title,
    };
  const image = await getImage({ src: heroImage, width: Math.min(IMAGE_WIDTH, heroImage.width) });
  const format = String(image.options.format ?? heroImage.format);
  return {
    url: new URL(image.src, site).href,
    type: format === 'svg' ? 'image/svg+xml' : `image/${format === 'jpg' ? 'jpeg' : format}`,
    width: Number(image.attributes['width']),
    height: Number(image.attributes['height']),
    alt: heroAlt ?? title,
  };
}

/** The first FEED_SIZE of `articles` (newest first) as feed entries, rendered for `site`. */
async function getFeedEntries(articles: readonly Article[], site: URL): Promise<FeedEntry[]> {
  const [categories, authors] = await Promise.all([getCategories(), getAuthors()]);
  return Promise.all(
    articles.slice(0, FEED_SIZE).map(async (article) => {
      const link = new URL(paths.article(article.id), site).href;
      const facts = getArticleFacts(article, categories, authors);
      return {
        link,
        title: article.data.title,
        description: article.data.description,
        pubDate: article.data.pubDate,
        updated: getLastModified(article),
        categories: facts.categories.map((category) => category.name),
        authorName: facts.author?.name,
        html: await renderArticleHtml(article, link),
        image: await feedImage(article, site),
      };
    }),
  );
}

/**
 * The RSS answer of a feed route: `channel` (its `link` and `self` may be paths on the site)
 * with the newest of `articles`. A channel without articles is dated by the site's newest
 * change, the epoch while the site has none, so the feed moves only when content does.
 */
export async function feedResponse(
  site: URL | undefined,
  channel: FeedChannel,
  articles: readonly Article[],
): Promise<Response> {
  if (!site) throw new Error('SITE_URL (astro config `site`) must be set to build the feed');
  const link = new URL(channel.link, site).href;
  const self = new URL(channel.self, site).href;
  const entries = await getFeedEntries(articles, site);
  const updated = newestOf((await getArticles()).map(getLastModified)) ?? new Date(0);
  return rss(buildFeedOptions({ ...channel, link, self }, entries, updated));
}
