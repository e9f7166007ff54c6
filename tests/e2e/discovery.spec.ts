import { expect, test } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { insertJob } from '../../src/server/jobs/job.repository.ts';
import type { NewJobRow } from '../../src/server/jobs/job.table.ts';
import { createDatabase } from '../../src/server/platform/db/database.ts';
import { migrateToLatest } from '../../src/server/platform/db/migrate.ts';
import { SITE } from '../../src/site.config.ts';
import { jobRow } from '../support/job-rows.ts';
import { allowedByLongestMatch, allowedByPythonRobotParser } from '../support/robots-rules.ts';
import {
  type BuiltPage,
  idsOf,
  jsonLdOf,
  metaContent,
  readBuiltPages,
  referencedUrls,
  siteOrigin,
  titleOf,
} from './support/built-site.ts';
import { type RunningServer, scratchSqliteUrl, startServer } from './support/server.ts';

// The jobs sitemap reads the jobs table. Until the jobs feature's migration is merged, these
// databases get a table with just the columns the sitemap query reads.
let server: RunningServer;
let pages: BuiltPage[];
const xml = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['url', 'sitemap', 'item', 'category'].includes(name),
});

/** A migrated scratch database; `jobs` rows are inserted only into a table this spec created. */
/** A fresh, migrated scratch SQLite database, optionally with rows for the jobs tables. */
async function prepareDatabase(jobs: NewJobRow[] = []): Promise<string> {
  const url = scratchSqliteUrl();
  const db = createDatabase(url);
  await migrateToLatest(db);
  for (const job of jobs) await insertJob(db, job);
  await db.destroy();
  return url;
}

test.beforeAll(async () => {
  server = await startServer({ DATABASE_URL: await prepareDatabase() });
  pages = readBuiltPages();
});

test.afterAll(() => server?.stop());

/** The running server's address for a URL of the built site (absolute with SITE_URL, or root-relative). */
function local(url: string): string {
  const parsed = new URL(url, siteOrigin);
  return `${server.url}${parsed.pathname}${parsed.search}`;
}

async function fetchText(url: string): Promise<{ status: number; body: string; type: string }> {
  const response = await fetch(local(url));
  return {
    status: response.status,
    body: await response.text(),
    type: response.headers.get('content-type') ?? '',
  };
}

test('robots.txt keeps crawlers out of /admin/ and /api/ under both readings and names both sitemaps', async () => {
  const robots = await fetchText('/robots.txt');
  expect(robots.status).toBe(200);
  const paths = [
    '/',
    '/blog/backend-development-engineering-2026/',
    '/tags/',
    '/admin/',
    '/admin/login/',
    '/api/x',
  ];
  const allowed = paths.map((path) => !/^\/(admin|api)\//.test(path));
  expect(paths.map((path) => allowedByLongestMatch(robots.body, path))).toEqual(allowed);
  expect(allowedByPythonRobotParser(robots.body, siteOrigin, paths)).toEqual(allowed);
  expect(robots.body).toContain(`Sitemap: ${siteOrigin}/sitemap-index.xml`);
  expect(robots.body).toContain(`Sitemap: ${siteOrigin}/sitemap-jobs.xml`);
});

test('every URL in every sitemap answers 200, and static pages carry a lastmod', async () => {
  const index = await fetchText('/sitemap-index.xml');
  expect(SyntaxValidator.validate(index.body)).toBe(true);
  const sitemaps: string[] = xml.parse(index.body).sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
  expect(sitemaps).toContain(`${siteOrigin}/sitemap-jobs.xml`);
  const listed: string[] = [];
  for (const sitemap of sitemaps) {
    const { status, body } = await fetchText(sitemap);
    expect(status, sitemap).toBe(200);
    expect(SyntaxValidator.validate(body), sitemap).toBe(true);
    const urls: { loc: string; lastmod?: string }[] = xml.parse(body).urlset.url ?? [];
    for (const url of urls) {
      expect(url.loc.startsWith(`${siteOrigin}/`), url.loc).toBe(true);
      if (!sitemap.endsWith('sitemap-jobs.xml'))
        expect(url.lastmod, `${url.loc} lastmod`).toMatch(/^\d{4}-\d\d-\d\dT/);
      listed.push(url.loc);
    }
  }
  expect(listed).toContain(`${siteOrigin}/`);
  expect(listed).toContain(`${siteOrigin}/blog/backend-development-engineering-2026/`);
  expect(listed).toContain(`${siteOrigin}/tags/`);
  expect(listed).toContain(`${siteOrigin}/tags/cloud/`);
  expect(listed.some((loc) => /\/(search|admin|api)\//.test(loc))).toBe(false);
  for (const loc of listed) expect((await fetch(local(loc))).status, loc).toBe(200);
});

test('every internal link, image, script and stylesheet on every built page resolves', async () => {
  const idsByPath = new Map(pages.map((page) => [page.path, idsOf(page)]));
  const checked = new Map<string, number>();
  const broken: string[] = [];
  for (const page of pages) {
    for (const { url, source } of referencedUrls(page)) {
      const target = new URL(url, `${siteOrigin}${page.path}`);
      if (target.origin !== siteOrigin) continue;
      if (
        target.hash &&
        idsByPath.has(target.pathname) &&
        !idsByPath.get(target.pathname)?.has(decodeURIComponent(target.hash.slice(1)))
      )
        broken.push(`${page.path}: ${source} ${url} -> no element with that id`);
      // The query matters for on-demand URLs (server islands carry their props in it).
      const key = `${target.pathname}${target.search}`;
      if (!checked.has(key)) checked.set(key, (await fetch(local(key))).status);
      const status = checked.get(key);
      if (status !== 200) broken.push(`${page.path}: ${source} ${url} -> ${status}`);
    }
  }
  expect(checked.size).toBeGreaterThan(5);
  expect(broken).toEqual([]);
});

test('every page has a unique title and description, an absolute canonical URL, social tags and feed discovery', () => {
  const titles = new Map<string, string>();
  const descriptions = new Map<string, string>();
  for (const page of pages) {
    const title = titleOf(page);
    const description = metaContent(page, 'description');
    expect(title, `${page.path} title`).toBeTruthy();
    expect(metaContent(page, 'og:title'), `${page.path} og:title`).toBeTruthy();
    expect(description, `${page.path} description`).toBeTruthy();
    expect(titles.get(title ?? ''), `${page.path} shares its title`).toBeUndefined();
    expect(descriptions.get(description ?? ''), `${page.path} shares its description`).toBeUndefined();
    titles.set(title ?? '', page.path);
    descriptions.set(description ?? '', page.path);
    const noindex = /noindex/.test(metaContent(page, 'robots') ?? '');
    if (!noindex) expect(metaContent(page, 'og:url'), page.path).toBe(`${siteOrigin}${page.path}`);
    expect(metaContent(page, 'og:image'), page.path).toMatch(new RegExp(`^${siteOrigin}/og/.+\\.png$`));
    expect(metaContent(page, 'twitter:card'), page.path).toBe('summary_large_image');
    expect(metaContent(page, 'twitter:site'), page.path).toBe(SITE.twitter);
    const links = referencedUrls(page).map((ref) => ref.url);
    if (!noindex) expect(links, `${page.path} canonical`).toContain(`${siteOrigin}${page.path}`);
    expect(links, `${page.path} feed discovery`).toContain(`${siteOrigin}/rss.xml`);
  }
  const search = pages.find((page) => page.path === '/search/');
  expect(search && metaContent(search, 'robots')).toMatch(/noindex/);
  const article = pages.find((page) => page.path.startsWith('/blog/'));
  expect(article && metaContent(article, 'robots')).toBeUndefined();
  expect(article && metaContent(article, 'twitter:creator')).toBe('@jordanellis_ecj');
});

test('the 404 page names no address of its own: no og:url, no canonical link', () => {
  const notFound = pages.find((page) => page.path === '/404.html');
  if (!notFound) throw new Error('the 404 page was not built');
  expect(metaContent(notFound, 'og:url')).toBeUndefined();
  expect(referencedUrls(notFound).some((ref) => ref.url.includes('/404'))).toBe(false);
  expect(metaContent(notFound, 'robots')).toBe('noindex, follow');
});

test('articles carry article:published_time, modified_time, section and tags', () => {
  const article = pages.find((page) => page.path === '/blog/backend-development-engineering-2026/');
  if (!article) throw new Error('the seed article was not built');
  expect(metaContent(article, 'og:type')).toBe('article');
  expect(metaContent(article, 'article:published_time')).toBe('2026-01-12T00:00:00.000Z');
  expect(metaContent(article, 'article:modified_time')).toMatch(/^2026-/);
  expect(metaContent(article, 'article:section')).toBe('Backend');
  expect(metaContent(article, 'article:tag')).toBe('backend');
});

/** Fields a JSON-LD node of each type must carry to be eligible for rich results. */
function missingFields(node: Record<string, unknown>): string[] {
  const get = (path: string) =>
    path
      .split('.')
      .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], node);
  const required: Record<string, string[]> = {
    BlogPosting: [
      'headline',
      'description',
      'image',
      'datePublished',
      'dateModified',
      'author.name',
      'publisher.name',
      'publisher.logo.url',
      'mainEntityOfPage.@id',
    ],
    BreadcrumbList: ['itemListElement'],
    WebSite: ['name', 'url'],
  };
  const missing = (required[String(node['@type'])] ?? ['@type-is-known']).filter((path) => !get(path));
  if (node['@context'] !== 'https://schema.org') missing.push('@context');
  if (node['@type'] === 'BlogPosting') {
    if (get('author.@type') !== 'Person') missing.push('author as Person');
    if (get('publisher.@type') !== 'Organization') missing.push('publisher as Organization');
    for (const date of ['datePublished', 'dateModified'])
      if (Number.isNaN(Date.parse(String(get(date))))) missing.push(date);
  }
  if (node['@type'] === 'BreadcrumbList') {
    const items = node['itemListElement'] as { position: number; name: string; item: string }[];
    items.forEach((item, index) => {
      if (item.position !== index + 1 || !item.name || !item.item.startsWith(siteOrigin))
        missing.push(`itemListElement[${index}]`);
    });
  }
  return missing;
}

test('every JSON-LD block parses and carries its required fields; articles, categories and home have theirs', () => {
  const typesByPath = new Map<string, string[]>();
  for (const page of pages) {
    const nodes = jsonLdOf(page);
    for (const node of nodes)
      expect(missingFields(node), `${page.path} ${String(node['@type'])}`).toEqual([]);
    typesByPath.set(
      page.path,
      nodes.map((node) => String(node['@type'])),
    );
  }
  expect(typesByPath.get('/')).toContain('WebSite');
  const articles = [...typesByPath].filter(([path]) => /^\/blog\/[^/]+\/$/.test(path));
  expect(articles.length).toBeGreaterThan(0);
  for (const [path, types] of articles)
    expect(types, path).toEqual(expect.arrayContaining(['BlogPosting', 'BreadcrumbList']));
  for (const [path, types] of typesByPath)
    if (/^\/(categories|tags)\/[^/]+\/$/.test(path)) expect(types, path).toContain('BreadcrumbList');
  expect(typesByPath.get('/tags/cloud/')).toContain('BreadcrumbList');
});

test('the RSS feeds are well-formed XML with their page as link, a lastBuildDate, absolute links, images and full content', async () => {
  const feedUrls = pages.flatMap((page) =>
    referencedUrls(page)
      .map((ref) => ref.url)
      .filter((url) => /\/(categories|tags)\/[^/]+\/rss\.xml$/.test(url)),
  );
  const feeds = [...new Set([`${siteOrigin}/rss.xml`, ...feedUrls])];
  expect(feeds.some((feed) => feed.includes('/categories/'))).toBe(true);
  expect(feeds.some((feed) => feed.includes('/tags/'))).toBe(true);
  for (const feed of feeds) {
    const { status, body, type } = await fetchText(feed);
    expect(status, feed).toBe(200);
    expect(type, feed).toMatch(/xml/);
    expect(SyntaxValidator.validate(body), feed).toBe(true);
    const rss = xml.parse(body).rss;
    const channel = rss.channel;
    // The channel stands for the page the feed is the feed of.
    expect(channel.link, feed).toBe(feed.replace(/rss\.xml$/, ''));
    expect((await fetch(local(channel.link))).status, channel.link).toBe(200);
    expect(rss['@_xmlns:media'], feed).toBe('http://search.yahoo.com/mrss/');
    const items: {
      link: string;
      pubDate: string;
      'content:encoded': string;
      'media:content': Record<string, string>;
    }[] = channel.item ?? [];
    expect(items.length, feed).toBeGreaterThan(0);
    expect(items.length, feed).toBeLessThanOrEqual(20);
    const built = Date.parse(channel.lastBuildDate);
    expect(Number.isNaN(built), `${feed} lastBuildDate`).toBe(false);
    for (const item of items) {
      expect(item.link.startsWith(`${siteOrigin}/blog/`), item.link).toBe(true);
      expect(Number.isNaN(Date.parse(item.pubDate)), item.pubDate).toBe(false);
      expect(Date.parse(item.pubDate), `${feed} lastBuildDate is before an item`).toBeLessThanOrEqual(built);
      expect(item['content:encoded'].length, `${item.link} content`).toBeGreaterThan(500);
      expect(item['content:encoded'], `${item.link} relative URL`).not.toMatch(/(href|src)="\/(?!\/)/);
      const image = item['media:content'];
      expect(image?.['@_medium'], `${item.link} media:content`).toBe('image');
      const response = await fetch(local(image?.['@_url'] ?? ''));
      expect(response.status, image?.['@_url']).toBe(200);
      expect(response.headers.get('content-type'), image?.['@_url']).toBe(image?.['@_type']);
    }
  }
  const site = xml.parse((await fetchText('/rss.xml')).body).rss.channel;
  expect(site.link).toBe(`${siteOrigin}/`);
  expect(site.lastBuildDate).toBe(new Date('2026-01-12T00:00:00Z').toUTCString());
  expect(site.item[0].title).toBe(
    'Backend Development Engineering in 2026: Skills, Systems and Career Paths',
  );
  expect(site.item[0].category).toEqual(expect.arrayContaining(['Backend']));
  expect(site.item[0]['dc:creator']).toBe('Jordan Ellis');
  expect(site.item[0]['content:encoded']).toContain('observability');
  expect(site.item[0]['media:content']['@_width']).toBe('1200');
});

test("an article's Open Graph image is a 1200x630 PNG", async () => {
  const article = pages.find((page) => page.path === '/blog/backend-development-engineering-2026/');
  const image = article && metaContent(article, 'og:image');
  if (!image) throw new Error('the article has no og:image');
  const response = await fetch(local(image));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('image/png');
  const png = Buffer.from(await response.arrayBuffer());
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
});

test('the jobs sitemap is built per request from the open roles, with lastmod', async () => {
  const url = await prepareDatabase([
    jobRow('role-open', { closed_at: null, updated_at: '2026-04-20T08:00:00.000Z' }),
    jobRow('role-closed', { closed_at: '2026-04-21T00:00:00.000Z', updated_at: '2026-04-21T00:00:00.000Z' }),
  ]);
  const jobsServer = await startServer({ DATABASE_URL: url });
  try {
    const response = await fetch(`${jobsServer.url}/sitemap-jobs.xml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
    const body = await response.text();
    expect(SyntaxValidator.validate(body)).toBe(true);
    expect(xml.parse(body).urlset.url).toEqual([
      { loc: `${siteOrigin}/jobs/`, lastmod: '2026-04-20T08:00:00.000Z' },
      { loc: `${siteOrigin}/jobs/role-open/`, lastmod: '2026-04-20T08:00:00.000Z' },
    ]);
  } finally {
    await jobsServer.stop();
  }
});
