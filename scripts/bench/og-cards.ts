/**
 * `npm run bench:og [-- --count N]`: how much the social cards cost a build. Generates N
 * articles (default 1,000) into bench/.scratch/og/content, then builds them twice: cold (card
 * cache emptied) and warm (every card cached). The warm build is the baseline measured in the
 * same run: the difference is the time spent drawing cards. Prints seconds, and writes
 * bench/.scratch/og/results.json.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const scratch = join(root, 'bench/.scratch/og');
const contentDir = join(scratch, 'content');
const cacheDir = join(scratch, 'og-cache');
const outDir = join(scratch, 'dist');
const countFlag = process.argv.indexOf('--count');
const count = countFlag > 0 ? Number(process.argv[countFlag + 1]) : 1000;
if (!Number.isInteger(count) || count < 1) throw new Error('--count needs a positive whole number');

const categories = readdirSync(join(root, 'content/categories')).map((file) => file.replace(/\.ya?ml$/, ''));
const authors = readdirSync(join(root, 'content/authors')).map((file) => file.replace(/\.ya?ml$/, ''));

function generate(): void {
  rmSync(contentDir, { recursive: true, force: true });
  mkdirSync(join(contentDir, 'articles'), { recursive: true });
  cpSync(join(root, 'content/categories'), join(contentDir, 'categories'), { recursive: true });
  cpSync(join(root, 'content/authors'), join(contentDir, 'authors'), { recursive: true });
  const paragraph =
    'Teams that ship reliable services invest in observability, careful API design and databases they understand. ';
  for (let i = 1; i <= count; i++) {
    const day = new Date(Date.UTC(2024, 0, 1) + i * 3_600_000 * 6).toISOString().slice(0, 10);
    const text = [
      '---',
      `title: 'Engineering note ${i}: scaling services, teams and careers in practice'`,
      `description: 'Generated article ${i} for the social card benchmark, long enough to satisfy the schema.'`,
      `pubDate: ${day}`,
      `categories: [${categories[i % categories.length]}]`,
      `author: ${authors[i % authors.length]}`,
      '---',
      '',
      `## Section ${i}`,
      '',
      paragraph.repeat(8),
      '',
    ].join('\n');
    writeFileSync(join(contentDir, 'articles', `note-${i}.mdx`), text);
  }
}

function build(label: string): number {
  const started = performance.now();
  const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: contentDir, OG_CACHE_DIR: cacheDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`${label} build failed:\n${result.stdout}\n${result.stderr}`);
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label.padEnd(5)} ${seconds.toFixed(1)} s`);
  return seconds;
}

generate();
rmSync(cacheDir, { recursive: true, force: true });
console.log(`${count} articles, ${cpus().length} CPU cores`);
const cold = build('cold');
const cards = readdirSync(cacheDir).length;
const warm = build('warm');
console.log(`cards drawn on the cold build: ${cards}; card cost ${(cold - warm).toFixed(1)} s`);
console.log(`(${(((cold - warm) / cards) * 1000).toFixed(1)} ms per card; warm build is the baseline)`);
writeFileSync(
  join(scratch, 'results.json'),
  `${JSON.stringify({ count, cores: cpus().length, coldSeconds: cold, warmSeconds: warm, cards }, null, 2)}\n`,
);
