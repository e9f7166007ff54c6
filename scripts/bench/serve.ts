/**
 * `npm run bench:serve`: the production server against a bare node:http server answering the
 * same number of bytes, in the same run, with autocannon (servers on CPU 0, load on CPU 1):
 *   (a) a static article page requested as a browser does (`Accept-Encoding: br, gzip`);
 *   (b) the jobs island over the island URLs of N generated articles (default 1,000);
 *   (c) the server's resident memory at 3 and at N articles, after the same requests.
 * (a) and (b) also run against the same server with RESPONSE_CACHE=0 (the figure each of its
 * two response caches is kept for) and against @astrojs/node standalone on the same build (the
 * alternative to sirv in front of Astro's handler). BENCH_DURATION (s per run, default 8),
 * BENCH_ROUNDS (5), BENCH_CONNECTIONS (50) and BENCH_ARTICLES (1000) tune it; BENCH_ONLY=static,
 * island or memory runs one part and saves nothing. Saves bench/results-serve.json.
 */
import { type ChildProcess, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCategoryMapping } from '../../src/server/jobs/category-mapping.ts';
import { closeDb, getDb } from '../../src/server/platform/db/database.ts';
import { seedBenchJobs } from './island-data.ts';
import type { Plan, Result } from './load.ts';
import { isStale, rssMb, startChild, stopChild } from './processes.ts';
import { type Figure, saveResult } from './results.ts';
import { compare, loadAverage } from './serve-compare.ts';
import { articlePaths, buildGeneratedSite, islandPaths } from './serve-site.ts';

const root = new URL('../../', import.meta.url).pathname;
const count = Number(process.env['BENCH_ARTICLES'] ?? 1000);
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 50);
const only = process.env['BENCH_ONLY'];
const browser = { 'accept-encoding': 'br, gzip' };
const SERVER = 'src/server/http/serve.ts';

if (isStale(root)) {
  console.log('[bench] building the site first');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
}
const small = join(root, 'dist');
const large = buildGeneratedSite(count);

const scratch = mkdtempSync(join(tmpdir(), 'bench-serve-'));
const databaseUrl = `file:${join(scratch, 'site.db')}`;
process.env['DATABASE_URL'] = databaseUrl;
await seedBenchJobs(await getDb(), loadCategoryMapping(join(root, 'content')));
await closeDb();

const children: ChildProcess[] = [];
async function start(script: string, env: Record<string, string>): Promise<{ origin: string; pid?: number }> {
  const origin = await startChild(join(root, script), { DATABASE_URL: databaseUrl, ...env }, children);
  const pid = children.at(-1)?.pid;
  return pid === undefined ? { origin } : { origin, pid };
}

const plan = (origin: string, paths: string[]): Plan => ({
  origin,
  paths,
  headers: browser,
  connections,
  seconds: 0,
});

/** The size of a response's body as sent, compressed (fetch would decompress it). */
function wireBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers: browser }, (res) => {
      let length = 0;
      res.on('data', (chunk: Buffer) => (length += chunk.length));
      res.on('end', () => resolve(length));
    }).on('error', reject);
  });
}

/** A fresh server over `dist`, its RSS after every island once and a run over them all. */
async function memoryAfterUse(dist: string, label: string): Promise<number> {
  const server = await start(SERVER, { DIST_DIR: dist });
  const islands = await islandPaths(server.origin, articlePaths(dist));
  compare(`(c) memory at ${label}`, [[label, plan(server.origin, islands), server.pid]], 1);
  return rssMb(server.pid);
}

/** The figures saved, each ratio against the bare server measured beside it. */
function figuresOf(r: Record<string, Result>, rss3: number, rssN: number): Figure[] {
  const ratio = (name: string, base: string) => (r[name]?.rps ?? Number.NaN) / (r[base]?.rps ?? Number.NaN);
  const staticRatio = ratio('static', 'bareStatic');
  const islandRatio = ratio('island', 'bareIsland');
  const p99 = r['island']?.p99 ?? Number.NaN;
  return [
    {
      label: 'static article, bare node:http (baseline)',
      value: Math.round(r['bareStatic']?.rps ?? 0),
      unit: 'req/s',
    },
    {
      label: 'static article ÷ bare',
      value: staticRatio,
      unit: 'x',
      budget: '>= 0.53x',
      ok: staticRatio >= 0.53,
    },
    {
      label: 'static article, no response cache ÷ bare',
      value: ratio('staticUncached', 'bareStatic'),
      unit: 'x',
    },
    { label: 'static article, standalone ÷ bare', value: ratio('staticStandalone', 'bareStatic'), unit: 'x' },
    {
      label: 'island, bare node:http (baseline)',
      value: Math.round(r['bareIsland']?.rps ?? 0),
      unit: 'req/s',
    },
    {
      label: `island over ${count} URLs ÷ bare`,
      value: islandRatio,
      unit: 'x',
      budget: '>= 0.54x',
      ok: islandRatio >= 0.54,
    },
    { label: 'island, no response cache ÷ bare', value: ratio('islandUncached', 'bareIsland'), unit: 'x' },
    { label: 'island, standalone ÷ bare', value: ratio('islandStandalone', 'bareIsland'), unit: 'x' },
    { label: 'island p99', value: p99, unit: 'ms', budget: '<= 50 ms', ok: p99 <= 50 },
    { label: 'RSS at 3 articles', value: Math.round(rss3), unit: 'MB' },
    {
      label: `RSS at ${count} articles`,
      value: Math.round(rssN),
      unit: 'MB',
      budget: '<= RSS at 3 + 50 MB',
      ok: rssN <= rss3 + 50,
    },
  ];
}

const results: Record<string, Result> = {};
let rss3 = Number.NaN;
let rssN = Number.NaN;
try {
  const ours = await start(SERVER, { DIST_DIR: large });
  const uncached = await start(SERVER, { DIST_DIR: large, RESPONSE_CACHE: '0' });
  const standalone = await start('scripts/bench/standalone-server.ts', { DIST_DIR: large });
  const articles = articlePaths(large);
  const article = articles[Math.floor(articles.length / 2)] ?? '/';
  const islands = await islandPaths(ours.origin, articles);
  const bareStatic = await start('scripts/bench/bare-server.ts', {
    BARE_BYTES: String(await wireBytes(`${ours.origin}${article}`)),
  });
  const bareIsland = await start('scripts/bench/bare-server.ts', {
    BARE_BYTES: String(await wireBytes(`${ours.origin}${islands[0]}`)),
  });
  console.log(`[bench] ${articles.length} articles, ${new Set(islands).size} distinct island URLs`);

  const run = (part: string, title: string, targets: Array<[string, string, Plan, number | undefined]>) => {
    if (only && only !== part) return;
    const medians = compare(
      title,
      targets.map(([, name, load, pid]) => [name, load, pid]),
    );
    targets.forEach(([key], i) => {
      const median = medians[i];
      if (median) results[key] = median;
    });
  };
  run('static', '(a) static article', [
    ['bareStatic', 'node:http', plan(bareStatic.origin, ['/']), bareStatic.pid],
    ['static', 'server', plan(ours.origin, [article]), ours.pid],
    ['staticUncached', 'server, RESPONSE_CACHE=0', plan(uncached.origin, [article]), uncached.pid],
    ['staticStandalone', 'standalone', plan(standalone.origin, [article]), standalone.pid],
  ]);
  run('island', `(b) island over ${islands.length} URLs`, [
    ['bareIsland', 'node:http', plan(bareIsland.origin, ['/']), bareIsland.pid],
    ['island', 'server', plan(ours.origin, islands), ours.pid],
    ['islandUncached', 'server, RESPONSE_CACHE=0', plan(uncached.origin, islands), uncached.pid],
    ['islandStandalone', 'standalone', plan(standalone.origin, islands), standalone.pid],
  ]);
  for (const child of children.splice(0)) await stopChild(child);
  if (!only || only === 'memory') {
    rss3 = await memoryAfterUse(small, '3 articles');
    rssN = await memoryAfterUse(large, `${count} articles`);
    console.log(`[bench] RSS ${rss3.toFixed(0)} MB at 3 articles, ${rssN.toFixed(0)} MB at ${count}`);
  }
  console.log(`[bench] load average after the run: ${loadAverage()}`);
} finally {
  for (const child of children) await stopChild(child);
  rmSync(scratch, { recursive: true, force: true });
}
if (!only) await saveResult('serve', figuresOf(results, rss3, rssN));
