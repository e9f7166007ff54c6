/**
 * `npm run bench:serve`: the production server against a bare node:http server replaying the
 * same response from memory (headers and compressed body) to the same requests, in the same
 * run, with autocannon (servers on CPU 0, load on CPU 1):
 *   (a) a static article page requested as a browser does (`Accept-Encoding: br, gzip`);
 *   (b) the jobs island over the island URLs of N generated articles (default 1,000);
 *   (c) the server's memory at 3 and at N articles, after start and after the same number of
 *       page and island requests: resident, and what it keeps alive after a garbage collection.
 * (a) and (b) also run against the same server with RESPONSE_CACHE=0 (the figure each of its
 * two response caches is kept for) and against @astrojs/node standalone on the same build (the
 * alternative to sirv in front of Astro's handler). BENCH_DURATION (s per run, default 8),
 * BENCH_ROUNDS (5), BENCH_CONNECTIONS (50) and BENCH_ARTICLES (1000) tune it; BENCH_ONLY=static,
 * island or memory runs one part and saves nothing. Saves bench/results-serve.json.
 */
import { type ChildProcess, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCategoryMapping } from '../../src/server/jobs/category-mapping.ts';
import { getRolesForCategories } from '../../src/server/jobs/job.service.ts';
import { closeDb, getDb } from '../../src/server/platform/db/database.ts';
import { retainedMemory } from './inspect.ts';
import { seedBenchJobs } from './island-data.ts';
import type { Plan, Result } from './load.ts';
import { freeInspectorPort, isStale, rssMb, SITE_SERVER, startChild, stopChild } from './processes.ts';
import { type Figure, saveResult } from './results.ts';
import { compare, loadAverage } from './serve-compare.ts';
import { articlePaths, buildGeneratedSite, islandPaths } from './serve-site.ts';

const root = new URL('../../', import.meta.url).pathname;
const count = Number(process.env['BENCH_ARTICLES'] ?? 1000);
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 50);
const only = process.env['BENCH_ONLY'];
const browser = { 'accept-encoding': 'br, gzip' };

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
const dataReadUs = await timeDataRead();
console.log(`[bench] one island data read from SQLite: ${dataReadUs.toFixed(0)} µs (median of 200)`);
await closeDb();

/**
 * What the island's data cache (src/server/jobs/job-island.ts) saves per render: one read of
 * the roles for an article's categories, here from the benchmark's SQLite database. With the
 * cache, the database sees one per set of categories every 5 s instead of one per render.
 */
async function timeDataRead(): Promise<number> {
  const db = await getDb();
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    await getRolesForCategories(db, ['backend', 'careers'], 5);
    times.push((performance.now() - started) * 1000);
  }
  return times.sort((a, b) => a - b)[100] ?? Number.NaN;
}

const children: ChildProcess[] = [];
async function start(
  script: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<{ origin: string; pid?: number }> {
  const origin = await startChild(
    resolve(root, script),
    { DATABASE_URL: databaseUrl, ...env },
    children,
    nodeArgs,
  );
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

/**
 * Records a response of the measured server as it went over the wire (headers and compressed
 * body) into a file the bare server replays, so both send the same bytes.
 */
function recordResponse(url: string, file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { headers: browser }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers = { ...res.headers };
        for (const name of ['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'])
          delete headers[name];
        writeFileSync(file, JSON.stringify({ headers, body: Buffer.concat(chunks).toString('base64') }));
        resolve(file);
      });
    }).on('error', reject);
  });
}

/** Memory of one server, in MB: resident after start and after use, and what it keeps alive. */
interface Memory {
  started: number;
  afterPages: number;
  afterIslands: number;
  retained: number;
}

/** Requests of each kind every memory reading follows, whatever the size of the site. */
const MEMORY_REQUESTS = 2_000;

/** `count` paths taken in turn from `paths`. */
const inTurn = (paths: string[], count: number) =>
  Array.from({ length: count }, (_, i) => paths[i % paths.length] ?? '/');

/**
 * A fresh server over `dist`, asked the same number of requests at either size: 2,000 article
 * pages, then 2,000 islands, taking the site's own in turn (so at 1,000 articles each is asked
 * twice, at 3 hundreds of times). Resident memory after each step, then what is still alive
 * after a full garbage collection (JavaScript heap and buffers): V8 keeps heap it grew while
 * rendering, so the resident figures also count garbage already collected.
 */
async function memoryAfterUse(dist: string): Promise<Memory> {
  const inspector = await freeInspectorPort();
  const server = await start(SITE_SERVER, { DIST_DIR: dist }, [`--inspect=127.0.0.1:${inspector}`]);
  const started = rssMb(server.pid);
  const articles = articlePaths(dist);
  const islands = await islandPaths(server.origin, articles);
  const ask = async (paths: string[]) => {
    for (const path of inTurn(paths, MEMORY_REQUESTS))
      await (await fetch(`${server.origin}${path}`, { headers: browser })).arrayBuffer();
  };
  await ask(articles);
  const afterPages = rssMb(server.pid);
  await ask(islands);
  const afterIslands = rssMb(server.pid);
  const { heapMb, buffersMb } = await retainedMemory(inspector);
  for (const child of children.splice(0)) await stopChild(child);
  return { started, afterPages, afterIslands, retained: heapMb + buffersMb };
}

/** The figures saved, each ratio against the bare server measured beside it. */
function figuresOf(r: Record<string, Result>, small: Memory, large: Memory): Figure[] {
  const ratio = (name: string, base: string) => (r[name]?.rps ?? Number.NaN) / (r[base]?.rps ?? Number.NaN);
  const cpu = (name: string, base: string) => (r[base]?.cpuUs ?? Number.NaN) / (r[name]?.cpuUs ?? Number.NaN);
  const staticRatio = ratio('static', 'bareStatic');
  const islandRatio = ratio('island', 'bareIsland');
  const p99 = r['island']?.p99 ?? Number.NaN;
  const mb = (label: string, value: number, budget?: number) => ({
    label,
    value: Math.round(value),
    unit: 'MB',
    ...(budget === undefined
      ? {}
      : { budget: `<= ${Math.round(budget)} MB (3 articles + 50)`, ok: value <= budget }),
  });
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
      label: 'static article, CPU per request, bare ÷ server',
      value: cpu('static', 'bareStatic'),
      unit: 'x',
    },
    {
      label: 'static article, RESPONSE_CACHE=0 ÷ bare',
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
    { label: 'island, CPU per request, bare ÷ server', value: cpu('island', 'bareIsland'), unit: 'x' },
    { label: 'island, RESPONSE_CACHE=0 ÷ bare', value: ratio('islandUncached', 'bareIsland'), unit: 'x' },
    { label: 'island, standalone ÷ bare', value: ratio('islandStandalone', 'bareIsland'), unit: 'x' },
    { label: 'island p99', value: p99, unit: 'ms', budget: '<= 50 ms', ok: p99 <= 50 },
    {
      label: 'island data read the data cache saves per render (SQLite, median)',
      value: Math.round(dataReadUs),
      unit: 'µs',
    },
    mb('RSS after start, 3 articles', small.started),
    mb(`RSS after start, ${count} articles`, large.started, small.started + 50),
    mb('RSS after 2,000 pages, 3 articles', small.afterPages),
    mb(`RSS after 2,000 pages, ${count} articles`, large.afterPages, small.afterPages + 50),
    mb('RSS after 2,000 islands too, 3 articles', small.afterIslands),
    mb(`RSS after 2,000 islands too, ${count} articles`, large.afterIslands, small.afterIslands + 50),
    mb('retained after GC, 3 articles', small.retained),
    mb(`retained after GC, ${count} articles`, large.retained, small.retained + 50),
  ];
}

const results: Record<string, Result> = {};
const none: Memory = {
  started: Number.NaN,
  afterPages: Number.NaN,
  afterIslands: Number.NaN,
  retained: Number.NaN,
};
let small3 = none;
let largeN = none;
try {
  const ours = await start(SITE_SERVER, { DIST_DIR: large });
  const uncached = await start(SITE_SERVER, { DIST_DIR: large, RESPONSE_CACHE: '0' });
  const standalone = await start('scripts/bench/standalone-server.ts', { DIST_DIR: large });
  const articles = articlePaths(large);
  const article = articles[Math.floor(articles.length / 2)] ?? '/';
  const islands = await islandPaths(ours.origin, articles);
  const bareStatic = await start('scripts/bench/bare-server.ts', {
    BARE_RESPONSE: await recordResponse(`${ours.origin}${article}`, join(scratch, 'article.json')),
  });
  const bareIsland = await start('scripts/bench/bare-server.ts', {
    BARE_RESPONSE: await recordResponse(`${ours.origin}${islands[0]}`, join(scratch, 'island.json')),
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
    ['bareStatic', 'node:http', plan(bareStatic.origin, [article]), bareStatic.pid],
    ['static', 'server', plan(ours.origin, [article]), ours.pid],
    ['staticUncached', 'server, RESPONSE_CACHE=0', plan(uncached.origin, [article]), uncached.pid],
    ['staticStandalone', 'standalone', plan(standalone.origin, [article]), standalone.pid],
  ]);
  run('island', `(b) island over ${islands.length} URLs`, [
    ['bareIsland', 'node:http', plan(bareIsland.origin, islands), bareIsland.pid],
    ['island', 'server', plan(ours.origin, islands), ours.pid],
    ['islandUncached', 'server, RESPONSE_CACHE=0', plan(uncached.origin, islands), uncached.pid],
    ['islandStandalone', 'standalone', plan(standalone.origin, islands), standalone.pid],
  ]);
  for (const child of children.splice(0)) await stopChild(child);
  if (!only || only === 'memory') {
    small3 = await memoryAfterUse(small);
    largeN = await memoryAfterUse(large);
    const show = (m: Memory) =>
      `RSS ${m.started.toFixed(0)} → ${m.afterPages.toFixed(0)} → ${m.afterIslands.toFixed(0)} MB, retained ${m.retained.toFixed(0)} MB`;
    console.log(
      `[bench] (c) memory, 3 articles: ${show(small3)}\n[bench] (c) memory, ${count} articles: ${show(largeN)}`,
    );
  }
  console.log(`[bench] load average after the run: ${loadAverage()}`);
} finally {
  for (const child of children) await stopChild(child);
  rmSync(scratch, { recursive: true, force: true });
}
if (!only) await saveResult('serve', figuresOf(results, small3, largeN));
