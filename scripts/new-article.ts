/**
 * `npm run new -- "Article title" --category backend [--category careers] [--author slug]`
 * creates content/articles/<slug>.mdx as a draft dated today (site time zone) with a copy of
 * the hero placeholder, and refuses a slug in use or an unknown category or author.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { readArticles, readContentIndex } from '../src/integrations/content-source.ts';
import { LIMITS, SLUG_PATTERN } from '../src/lib/article-schema.ts';
import { renderArticle, slugify } from '../src/lib/article-template.ts';
import { entryId } from '../src/lib/content-check/entry-id.ts';
import { parseFrontmatter } from '../src/lib/content-check/frontmatter.ts';
import { listChoices } from '../src/lib/content-check/suggest.ts';
import { todayIn } from '../src/lib/zoned-time.ts';
import { contentDirectory } from '../src/server/platform/config/paths.ts';
import { SITE } from '../src/site.config.ts';

const USAGE =
  'usage: npm run new -- "Article title" --category <slug> [--category <slug>] [--author <slug>] [--slug <slug>]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(1);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    category: { type: 'string', multiple: true },
    author: { type: 'string' },
    slug: { type: 'string' },
  },
});

const title = positionals.join(' ').trim();
if (!title) fail('Give the article title in quotes.');
if (title.length > LIMITS.title.max)
  fail(`The title is ${title.length} characters long; shorten it to ${LIMITS.title.max} at most.`);

const root = process.cwd();
const contentDir = contentDirectory(root);
const { categories, authors } = readContentIndex(contentDir);

const chosen = (values.category ?? []).flatMap((value) => value.split(',')).map((value) => value.trim());
if (chosen.length === 0) fail(`Give at least one --category; ${listChoices('', categories)}.`);
for (const category of chosen) {
  if (!categories.includes(category))
    fail(`Unknown category '${category}'; ${listChoices(category, categories)}.`);
}

// With one author there is nothing to choose; with several the editor must say who writes.
const author = values.author ?? (authors.length === 1 ? authors[0] : undefined);
if (!author) fail(`Give --author; ${listChoices('', authors)}.`);
if (!authors.includes(author)) fail(`Unknown author '${author}'; ${listChoices(author, authors)}.`);

const slug = values.slug ?? slugify(title);
if (!SLUG_PATTERN.test(slug))
  fail(`'${slug}' cannot be a slug; use lower-case words joined by hyphens, or a title with letters in it.`);

const articlesDir = join(contentDir, 'articles');
const taken = readArticles(contentDir, root).find((article) => {
  const frontmatter = parseFrontmatter(article.source);
  return entryId(article.entry, 'data' in frontmatter ? frontmatter.data : {}) === slug;
});
if (taken) fail(`The slug '${slug}' is already used by ${taken.file}; choose another title or pass --slug.`);
const file = join(articlesDir, `${slug}.mdx`);
const image = join(articlesDir, 'images', `${slug}.png`);
for (const path of [file, image]) {
  if (existsSync(path)) fail(`${relative(root, path)} already exists; choose another title or pass --slug.`);
}

mkdirSync(join(articlesDir, 'images'), { recursive: true });
copyFileSync(new URL('./assets/hero-placeholder.png', import.meta.url), image);
writeFileSync(
  file,
  renderArticle({ title, slug, categories: chosen, author, date: todayIn(SITE.timeZone) }),
  { flag: 'wx' },
);

console.log(`Created ${relative(root, file)} (a draft) and its placeholder picture ${relative(root, image)}.
Next: npm run dev, open http://localhost:4321/blog/${slug}/, write, then npm run check:content.
To publish, set draft: false (docs/editing.md explains every field).`);
