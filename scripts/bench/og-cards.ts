/**
 * `npm run bench:og [-- --count N]`: what the social cards cost now that the server draws
 * them on request. Builds N generated articles (default 200) and serves the build with the
 * production server (pinned to one core where taskset exists, its card worker thread
 * included, so drawing competes with serving; the load generator gets the other), then measures:
 * - the build: its time, and that it holds no article card (only the site card);
 * - the drawing the build no longer does: N × one card drawn in this process, as the build did;
 * - first-request latency of N uncached cards, one at a time, then while they are drawn in
 *   bursts: the latency of a static file meanwhile, against the same static file idle;
 * - first-request latency after a restart (cards read from the disk cache);
 * - in this process, a card read back from the disk cache against one drawn (what the disk
 *   cache saves per request, and what a memory cache in front of it could still save);
 * - throughput and server CPU per request of a served card (read from the disk cache) against
 *   the prerendered /og/site.png served from memory by the same server (the baseline, same run).
 * BENCH_DURATION (s per load run, default 5) and BENCH_CONNECTIONS (default 20) tune the load.
 * Saves the figures as bench/results-og.json and writes them into docs/performance.md.
 */
import { type ChildProcess, execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CardManifest } from '../../src/server/cards/card.ts';
import { CardCache } from '../../src/server/cards/card-cache.ts';
import { cardHash, drawCardPng, loadCardFonts } from '../../src/server/cards/card-draw.ts';
import { generateContent } from './generate-articles.ts';
import { canPin, cpuMs, SITE_SERVER, startChild, stopChild } from './processes.ts';
import { type Figure, saveResult } from './results.ts';

const root = new URL('../../', import.meta.url).pathname;
const scratch = join(root, 'bench/.scratch/og');
const contentDir = join(scratch, 'content');
const outDir = join(scratch, 'dist');
const cacheDir = join(scratch, 'og-cache');
const countFlag = process.argv.indexOf('--count');
const count = countFlag > 0 ? Number(process.argv[countFlag + 1]) : 200;
if (!Number.isInteger(count) || count < 2) throw new Error('--count needs a whole number of at least 2');
const duration = Number(process.env['BENCH_DURATION'] ?? 5);
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 20);
/** Cards drawn at once in the burst phase: more than the server's one worker, so a queue forms. */
const burst = 8;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

function round(value: number, digits = 1): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

/** Milliseconds to fetch `url` completely; throws on anything but 200. */
async function timedFetch(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

/** Fetches `urls` `parallel` at a time; returns each one's latency. */
async function fetchAll(urls: readonly string[], parallel: number): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < urls.length) {
        const url = urls[next++] as string;
        latencies.push(await timedFetch(url));
      }
    }),
  );
  return latencies;
}

/** Latencies of `url` fetched every 20 ms until `until` settles. */
async function probe(url: string, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => {
    done = true;
  });
  const latencies: number[] = [];
  while (!done) {
    latencies.push(await timedFetch(url));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return latencies;
}

interface Load {
  rps: number;
  p99: number;
  /** Server CPU time per request, in µs: unlike req/s, barely moved by the load generator. */
  cpuUs: number;
  failed: number;
}

/** autocannon's CLI (it ships no types) on the other core; figures from its JSON report. */
function load(url: string, seconds: number, pid: number | undefined): Load {
  const command = [
    join(root, 'node_modules/.bin/autocannon'),
    ...['-c', String(connections), '-d', String(seconds), '-j', url],
  ];
  const [file = 'node', ...args] = canPin ? ['taskset', '-c', '1', ...command] : command;
  const cpuBefore = cpuMs(pid);
  const report = JSON.parse(
    execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  );
  return {
    rps: report.requests.average,
    p99: report.latency.p99,
    cpuUs: ((cpuMs(pid) - cpuBefore) * 1000) / report.requests.total,
    failed: report.non2xx + report.errors,
  };
}

/** Alternates baseline and card for two rounds after a warm-up; keeps each one's better round. */
function compareThroughput(baseline: string, card: string, pid: number | undefined) {
  load(baseline, 1, pid);
  load(card, 1, pid);
  const rounds = [1, 2].map(() => ({
    baseline: load(baseline, duration, pid),
    card: load(card, duration, pid),
  }));
  const best = (key: 'baseline' | 'card') => rounds.map((r) => r[key]).sort((a, b) => b.rps - a.rps)[0];
  const [b, c] = [best('baseline'), best('card')];
  if (!b || !c) throw new Error('nothing was measured');
  return { baseline: b, card: c };
}

function log(line: string): void {
  console.log(`[bench:og] ${line}`);
}

mkdirSync(scratch, { recursive: true });
generateContent(contentDir, count);
rmSync(cacheDir, { recursive: true, force: true });
log(`building ${count} generated articles …`);
const buildStarted = performance.now();
const build = spawnSync(
  process.execPath,
  [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
  {
    cwd: root,
    env: {
      ...process.env,
      CONTENT_DIR: contentDir,
      ASTRO_CACHE_DIR: join(scratch, 'astro-cache'),
      OG_CACHE_DIR: cacheDir,
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  },
);
if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}\n${build.stderr}`);
const buildSeconds = (performance.now() - buildStarted) / 1000;
const pngsInBuild = readdirSync(join(outDir, 'client/og')).filter((name) => name.endsWith('.png'));
const manifest = JSON.parse(readFileSync(join(outDir, 'og-cards.json'), 'utf8')) as CardManifest;
const slugs = Object.keys(manifest.cards);
if (slugs.length !== count) throw new Error(`the manifest lists ${slugs.length} cards, not ${count}`);
log(
  `build ${buildSeconds.toFixed(1)} s; PNGs in the build: ${pngsInBuild.join(', ')}; cards listed: ${slugs.length}`,
);

// What the build used to spend: one card after another on its main thread (after a warm-up,
// as a build of many cards is warm after its first few).
const fonts = loadCardFonts(join(root, 'src/assets/fonts'));
const inProcess: number[] = [];
for (const [i, slug] of slugs.slice(0, Math.min(25, count)).entries()) {
  const started = performance.now();
  await drawCardPng(manifest.cards[slug] as NonNullable<(typeof manifest.cards)[string]>, fonts);
  if (i >= 5) inProcess.push(performance.now() - started);
}
const drawMs = percentile(inProcess, 0.5);
log(
  `one card drawn in this process: ${drawMs.toFixed(1)} ms (median of ${inProcess.length}, after 5 to warm up)`,
);

const children: ChildProcess[] = [];
const figures: Figure[] = [];
try {
  const env = { DIST_DIR: outDir, OG_CACHE_DIR: cacheDir, DATABASE_URL: `file:${join(scratch, 'site.db')}` };
  let site = await startChild(SITE_SERVER, env, children);
  const cardUrl = (slug: string) => `${site}/og/${slug}.png`;
  const staticUrl = () => `${site}/robots.txt`;
  // Warm the server up (and let its worker load) before taking the idle baseline.
  await fetchAll(Array(100).fill(staticUrl()), 1);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const idle = await fetchAll(Array(100).fill(staticUrl()), 1);

  const half = Math.floor(count / 2);
  const sequential = await fetchAll(slugs.slice(0, half).map(cardUrl), 1);
  log(
    `uncached, one at a time: p50 ${percentile(sequential, 0.5).toFixed(0)} ms, p99 ${percentile(sequential, 0.99).toFixed(0)} ms`,
  );
  const bursting = fetchAll(slugs.slice(half).map(cardUrl), burst);
  const [bursts, during] = await Promise.all([bursting, probe(staticUrl(), bursting)]);
  log(
    `uncached, ${burst} at a time: p50 ${percentile(bursts, 0.5).toFixed(0)} ms; /robots.txt meanwhile p99 ${percentile(during, 0.99).toFixed(1)} ms (idle ${percentile(idle, 0.99).toFixed(1)} ms)`,
  );

  const cached = readdirSync(cacheDir).length;
  await stopChild(children.pop() as ChildProcess);
  site = await startChild(SITE_SERVER, env, children);
  const restarted = await fetchAll(slugs.map(cardUrl), 1);
  log(
    `after a restart, from disk: p50 ${percentile(restarted, 0.5).toFixed(1)} ms, p99 ${percentile(restarted, 0.99).toFixed(1)} ms`,
  );
  if (readdirSync(cacheDir).length !== cached) throw new Error('the restarted server drew cards again');

  // What a card costs once it is in the disk cache, in this process: one read of its file.
  const diskCache = new CardCache(cacheDir);
  const reads: number[] = [];
  for (const slug of slugs) {
    const hash = cardHash(manifest.cards[slug] as NonNullable<(typeof manifest.cards)[string]>, fonts.digest);
    const started = performance.now();
    if (!(await diskCache.read(hash))) throw new Error(`the card of ${slug} is not in the disk cache`);
    reads.push(performance.now() - started);
  }
  const readMs = percentile(reads, 0.5);
  log(
    `one card read back from the disk cache in this process: ${(readMs * 1000).toFixed(0)} µs (median of ${reads.length}); drawn: ${drawMs.toFixed(1)} ms`,
  );

  log(`throughput: ${connections} connections, 2 rounds of ${duration} s each …`);
  const { baseline, card } = compareThroughput(
    `${site}/og/site.png`,
    cardUrl(slugs[0] as string),
    children.at(-1)?.pid,
  );
  if (baseline.failed || card.failed) throw new Error('some load requests failed');
  log(
    `/og/site.png (static, from memory) ${baseline.rps.toFixed(0)} req/s, ${baseline.cpuUs.toFixed(0)} µs CPU each; card from the disk cache ${card.rps.toFixed(0)} req/s, ${card.cpuUs.toFixed(0)} µs CPU each`,
  );

  const savedSeconds = (drawMs * count) / 1000;
  figures.push(
    { label: `build of ${count} articles`, value: round(buildSeconds), unit: 's' },
    {
      label: 'article cards in the build',
      value: pngsInBuild.filter((name) => name !== 'site.png').length,
      unit: '',
      budget: '0',
      ok: pngsInBuild.length === 1,
    },
    { label: 'one card drawn in-process (what the build spent per card)', value: round(drawMs), unit: 'ms' },
    { label: `card drawing left out of the build (${count} cards)`, value: round(savedSeconds), unit: 's' },
    // drawMs milliseconds a card × 1,000 cards = drawMs seconds.
    { label: 'card drawing left out of the build, per 1,000 articles', value: round(drawMs), unit: 's' },
    { label: 'uncached card, first request, p50', value: round(percentile(sequential, 0.5)), unit: 'ms' },
    { label: 'uncached card, first request, p99', value: round(percentile(sequential, 0.99)), unit: 'ms' },
    { label: `uncached cards ${burst} at a time, p50`, value: round(percentile(bursts, 0.5)), unit: 'ms' },
    { label: 'static file while cards are drawn, p99', value: round(percentile(during, 0.99)), unit: 'ms' },
    { label: 'static file idle (baseline), p99', value: round(percentile(idle, 0.99)), unit: 'ms' },
    { label: 'card after a restart (disk cache), p50', value: round(percentile(restarted, 0.5)), unit: 'ms' },
    {
      label: 'card after a restart (disk cache), p99',
      value: round(percentile(restarted, 0.99)),
      unit: 'ms',
    },
    {
      label: `card read from the disk cache, in-process, p50 (drawn: ${round(drawMs)} ms)`,
      value: Math.round(readMs * 1000),
      unit: 'µs',
    },
    { label: '/og/site.png from memory (baseline)', value: Math.round(baseline.rps), unit: 'req/s' },
    { label: 'served card (from the disk cache)', value: Math.round(card.rps), unit: 'req/s' },
    { label: 'served card ÷ static site card', value: round(card.rps / baseline.rps, 2), unit: 'x' },
    { label: 'served card p99', value: card.p99, unit: 'ms' },
    {
      label: '/og/site.png server CPU per request (baseline)',
      value: Math.round(baseline.cpuUs),
      unit: 'µs',
    },
    { label: 'served card server CPU per request', value: Math.round(card.cpuUs), unit: 'µs' },
  );
} finally {
  for (const child of children) await stopChild(child);
}
await saveResult('og', figures);
