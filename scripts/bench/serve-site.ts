/**
 * The sites `npm run bench:serve` serves: the project's own build (3 articles) and a scratch
 * build of N generated articles in bench/.scratch/serve/, rebuilt only when the sources or N
 * changed since the last run; and the island URLs a reader's browser would request on them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateContent } from './generate-articles.ts';
import { newestMtime } from './processes.ts';

const root = new URL('../../', import.meta.url).pathname;
const scratch = join(root, 'bench/.scratch/serve');

/** Builds `count` generated articles into a scratch folder (unless that build is current); returns its dist. */
export function buildGeneratedSite(count: number): string {
  const dist = join(scratch, 'dist');
  const stamp = join(scratch, 'articles.txt');
  const builtAt = existsSync(join(dist, 'server/entry.mjs'))
    ? statSync(join(dist, 'server/entry.mjs')).mtimeMs
    : 0;
  const sourcesAt = Math.max(
    ...['src', 'astro.config.mjs', 'package-lock.json'].map((s) => newestMtime(join(root, s))),
  );
  if (builtAt > sourcesAt && existsSync(stamp) && readFileSync(stamp, 'utf8') === String(count)) return dist;
  console.log(`[bench] building ${count} generated articles into ${dist}`);
  const content = join(scratch, 'content');
  generateContent(content, count);
  execFileSync(join(root, 'node_modules/.bin/astro'), ['build', '--outDir', dist], {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: content, ASTRO_CACHE_DIR: join(scratch, 'cache') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  writeFileSync(stamp, String(count));
  return dist;
}

/** The article pages of a build (`/blog/<slug>/`). */
export function articlePaths(dist: string): string[] {
  return readdirSync(join(dist, 'client/blog'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `/blog/${entry.name}/`);
}

/** The jobs-island URL of each article, as the page's island loader requests it. */
export async function islandPaths(origin: string, articles: string[]): Promise<string[]> {
  const paths: string[] = [];
  for (const article of articles) {
    const html = await (await fetch(`${origin}${article}`)).text();
    const island = /\/_server-islands\/HiringNowRoles\/[^"'\s]+/.exec(html)?.[0]?.replaceAll('&amp;', '&');
    if (!island) throw new Error(`${article} has no jobs island`);
    paths.push(island);
  }
  return paths;
}
