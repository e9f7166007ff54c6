/**
 * A minimal Astro + MDX site over the same generated articles: the baseline the build
 * benchmark measures in the same run, the floor of what Astro itself costs. It is barer than
 * the official blog starter (`npm create astro -- --template blog`, which cannot be installed
 * here): one list page and one page per article, default Markdown processor, no layout,
 * styling, images, feed or sitemap.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const files: Record<string, string> = {
  'package.json': '{ "name": "bench-minimal", "private": true, "type": "module" }\n',
  'astro.config.mjs': `import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
export default defineConfig({ site: 'http://localhost', integrations: [mdx()] });
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
const articles = defineCollection({
  loader: glob({ base: process.env.CONTENT_DIR + '/articles', pattern: '**/*.{md,mdx}' }),
  schema: z.object({ title: z.string(), description: z.string(), pubDate: z.coerce.date() }),
});
export const collections = { articles };
`,
  'src/pages/index.astro': `---
import { getCollection } from 'astro:content';
const articles = (await getCollection('articles')).sort((a, b) => b.data.pubDate.valueOf() - a.data.pubDate.valueOf());
---
<html lang="en"><head><meta charset="utf-8" /><title>Blog</title></head>
<body><ul>{articles.map((a) => <li><a href={\`/blog/\${a.id}/\`}>{a.data.title}</a></li>)}</ul></body></html>
`,
  'src/pages/blog/[slug].astro': `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('articles')).map((article) => ({ params: { slug: article.id }, props: { article } }));
}
const { article } = Astro.props;
const { Content } = await render(article);
---
<html lang="en"><head><meta charset="utf-8" /><title>{article.data.title}</title></head>
<body><article><h1>{article.data.title}</h1><Content /></article></body></html>
`,
};

/** Replaces `dir` with the minimal site (it reads articles from CONTENT_DIR). */
export function writeMinimalProject(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}
