/** What `npm run new` writes: the slug of a title and the text of a new article. */
import { PLACEHOLDERS } from './article-schema.ts';

/** URL slug of a title: lower-case ASCII words joined by hyphens, at most 80 characters. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 80) return slug;
  // Cut at a word boundary so the URL does not end mid-word.
  return slug.slice(0, 81).replace(/-[^-]*$/, '');
}

/** A YAML single-quoted string: safe for colons, quotes and leading digits. */
function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Inputs of a new article. */
export interface NewArticle {
  title: string;
  slug: string;
  categories: string[];
  author: string;
  /** `YYYY-MM-DD` in the site's time zone. */
  date: string;
}

/** The full text of a new draft article with a valid frontmatter and a short template. */
export function renderArticle(article: NewArticle): string {
  return `---
title: ${quote(article.title)}
# One or two sentences, 50-200 characters: the summary on cards and in search results.
description: ${quote(PLACEHOLDERS.description)}
# Publication date (YYYY-MM-DD, or YYYY-MM-DDTHH:mm). A future date schedules the article.
pubDate: ${article.date}
categories: [${article.categories.join(', ')}]
tags: []
author: ${article.author}
# The placeholder picture: replace images/${article.slug}.png with your own (1200x630 or larger).
heroImage: ./images/${article.slug}.png
# Describe what the picture shows for readers who cannot see it.
heroAlt: ${quote(PLACEHOLDERS.heroAlt)}
# Drafts show only in the preview (npm run dev). Set to false to publish.
draft: true
---

{/* Write in Markdown below. The editors' guide is docs/editing.md; preview with npm run dev. */}

Open with a short paragraph that tells readers what they will learn and why it matters now.

## The first point

Explain the first idea. Link to related articles with their address, like
[more in this category](/categories/${article.categories[0]}/).

<Callout type="tip">
  Callouts highlight a note, a tip or a warning. Delete this one if the article does not need it.
</Callout>

## The second point

{/* To add a picture with a caption, save it in content/articles/images/ and write:
<Figure src="./images/your-picture.png" alt="What the picture shows" caption="What readers should take from it" />
*/}

Close with what readers should do next.
`;
}
