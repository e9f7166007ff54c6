/**
 * The `seo` prop of Base.astro for each kind of page, so a page adds one attribute:
 * `<Base … seo={getArticleSeo(article, facts, Astro.site)}>`.
 */
import type { SeoExtras } from '@/components/seo/SeoHead.astro';
import type { Article, Category } from '@/lib/content';
import { type ArticleFacts, getLastModified, paths } from '@/lib/seo/article-facts';
import { buildBlogPosting, buildBreadcrumbList, buildWebSite, type Publisher } from '@/lib/seo/json-ld';
import type { TagSummary } from '@/lib/tags';
import { SITE } from '@/site.config';

function requireSite(site: URL | undefined): URL {
  if (!site)
    throw new Error('SITE_URL (astro config `site`) must be set: structured data needs absolute URLs');
  return site;
}

function publisher(site: URL): Publisher {
  return { name: SITE.name, url: new URL('/', site).href, logoUrl: new URL(paths.logo, site).href };
}

/** Article page: its own card, article:* meta, BlogPosting and Home › Category › Article. */
export function getArticleSeo(article: Article, facts: ArticleFacts, siteUrl: URL | undefined): SeoExtras {
  const site = requireSite(siteUrl);
  const url = new URL(paths.article(article.id), site).href;
  const image = paths.articleCard(article.id);
  const section = facts.categories[0];
  const authorName = facts.author?.name ?? SITE.name;
  return {
    image,
    imageAlt: `${article.data.title}, by ${authorName}`,
    article: {
      publishedTime: article.data.pubDate,
      modifiedTime: getLastModified(article),
      section: section?.name,
      tags: article.data.tags,
      authors: [authorName],
    },
    jsonLd: [
      buildBlogPosting({
        url,
        headline: article.data.title,
        description: article.data.description,
        imageUrl: new URL(image, site).href,
        datePublished: article.data.pubDate,
        dateModified: getLastModified(article),
        author: {
          name: authorName,
          url: facts.author ? new URL(paths.author(facts.author.id), site).href : undefined,
        },
        publisher: publisher(site),
        section: section?.name,
        keywords: article.data.tags,
      }),
      buildBreadcrumbList([
        { name: 'Home', url: new URL('/', site).href },
        ...(section ? [{ name: section.name, url: new URL(paths.category(section.id), site).href }] : []),
        { name: article.data.title, url },
      ]),
    ],
    feeds: facts.categories.map((category) => ({
      title: `${category.name} | ${SITE.name}`,
      href: paths.categoryFeed(category.id),
    })),
    twitterCreator: facts.author?.twitter,
  };
}

/** Category page: Home › Category breadcrumbs and the category's own feed. */
export function getCategorySeo(category: Category, siteUrl: URL | undefined): SeoExtras {
  const site = requireSite(siteUrl);
  return {
    jsonLd: [
      buildBreadcrumbList([
        { name: 'Home', url: new URL('/', site).href },
        { name: category.data.name, url: new URL(paths.category(category.id), site).href },
      ]),
    ],
    feeds: [{ title: `${category.data.name} | ${SITE.name}`, href: paths.categoryFeed(category.id) }],
  };
}

/** Tag page: Home › Tags › tag breadcrumbs and the tag's own feed. */
export function getTagSeo(tag: TagSummary, siteUrl: URL | undefined): SeoExtras {
  const site = requireSite(siteUrl);
  return {
    jsonLd: [
      buildBreadcrumbList([
        { name: 'Home', url: new URL('/', site).href },
        { name: 'Tags', url: new URL(paths.tags, site).href },
        { name: tag.name, url: new URL(paths.tag(tag.slug), site).href },
      ]),
    ],
    feeds: [{ title: tagFeedTitle(tag), href: paths.tagFeed(tag.slug) }],
  };
}

/** The title of a tag's feed, as its page advertises it and the feed names itself. */
export function tagFeedTitle(tag: TagSummary): string {
  return `Tagged “${tag.name}” | ${SITE.name}`;
}

/** Home page: WebSite with the search action. */
export function getHomeSeo(siteUrl: URL | undefined): SeoExtras {
  const site = requireSite(siteUrl);
  return {
    jsonLd: [buildWebSite({ name: SITE.name, url: new URL('/', site).href, description: SITE.description })],
  };
}
