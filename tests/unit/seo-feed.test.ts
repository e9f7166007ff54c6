import { getRssString } from '@astrojs/rss';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { buildFeedOptions, type FeedEntry, newestOf } from '../../src/lib/seo/feed.ts';

const site = 'https://jobs.example.com';
const channel = {
  title: 'Backend | Journal',
  description: 'Server-side engineering.',
  link: `${site}/categories/backend/`,
  self: `${site}/categories/backend/rss.xml`,
};

function entry(slug: string, pubDate: string, updated = pubDate): FeedEntry {
  return {
    link: `${site}/blog/${slug}/`,
    title: `Article ${slug}`,
    description: `About ${slug}.`,
    pubDate: new Date(pubDate),
    updated: new Date(updated),
    categories: ['Backend'],
    authorName: 'Jordan & Co',
    html: `<p>Body of ${slug}</p>`,
    image: {
      url: `${site}/_astro/${slug}.webp?a=1&b=2`,
      type: 'image/webp',
      width: 1200,
      height: 630,
      alt: 'A "hero"',
    },
  };
}

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' });

async function parse(entries: FeedEntry[], emptyUpdated = new Date('2020-01-01T00:00:00Z')) {
  const xml = await getRssString(buildFeedOptions(channel, entries, emptyUpdated));
  return { xml, rss: parser.parse(xml).rss };
}

describe('buildFeedOptions', () => {
  test('links the channel to the page it stands for and names itself with atom:link', async () => {
    const { rss } = await parse([entry('a', '2026-01-01')]);
    expect(rss.channel.link).toBe(`${site}/categories/backend/`);
    expect(rss.channel['atom:link']['@_href']).toBe(`${site}/categories/backend/rss.xml`);
    expect(rss.channel['atom:link']['@_rel']).toBe('self');
  });

  test('dates the channel by its most recently changed entry, revisions included', async () => {
    const { rss } = await parse([entry('new', '2026-03-01'), entry('revised', '2026-01-01', '2026-04-02')]);
    expect(rss.channel.lastBuildDate).toBe('Thu, 02 Apr 2026 00:00:00 GMT');
  });

  test('dates an empty channel by the date it is given, so every feed has a lastBuildDate', async () => {
    const { rss } = await parse([], new Date('2026-02-03T00:00:00Z'));
    expect(rss.channel.lastBuildDate).toBe('Tue, 03 Feb 2026 00:00:00 GMT');
    expect(rss.channel.item).toBeUndefined();
  });

  test('gives each item its image as media:content, in the Media RSS namespace, escaped', async () => {
    const { rss, xml } = await parse([entry('a', '2026-01-01')]);
    expect(rss['@_xmlns:media']).toBe('http://search.yahoo.com/mrss/');
    const media = rss.channel.item[0]['media:content'];
    expect(media['@_url']).toBe(`${site}/_astro/a.webp?a=1&b=2`);
    expect(media).toMatchObject({
      '@_type': 'image/webp',
      '@_medium': 'image',
      '@_width': '1200',
      '@_height': '630',
    });
    expect(media['media:description']['#text']).toBe('A "hero"');
    expect(xml).toContain('?a=1&amp;b=2');
  });

  test('names the author with dc:creator and carries the full body', async () => {
    const { rss } = await parse([entry('a', '2026-01-01')]);
    const [item] = rss.channel.item;
    expect(item['dc:creator']).toBe('Jordan & Co');
    expect(item['content:encoded']).toBe('<p>Body of a</p>');
    expect(item.link).toBe(`${site}/blog/a/`);
  });
});

describe('newestOf', () => {
  test('is the latest date, or undefined for none', () => {
    expect(newestOf([new Date('2026-01-02'), new Date('2026-03-01'), new Date('2025-12-31')])).toEqual(
      new Date('2026-03-01'),
    );
    expect(newestOf([])).toBeUndefined();
  });
});
