/**
 * `npm run bench:island`: loads the jobs server island of a built article with autocannon and,
 * in the same run, a bare node:http server answering a fragment of the same size, then prints
 * req/s, p50 and p99 for both and the ratio. Builds first when dist/ is missing or stale.
 * BENCH_DURATION (s per run, default 10), BENCH_ROUNDS (default 3) and BENCH_CONNECTIONS
 * (default 50) tune the load;
 * BENCH_NODE_ARGS passes flags to both servers (e.g. "--cpu-prof --cpu-prof-dir=prof" to profile).
 * Saves the figures as bench/results-island.json for `npm run bench`.
 */
import { type ChildProcess, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCategoryMapping } from '../../src/server/jobs/category-mapping.ts';
import { closeDb, getDb } from '../../src/server/platform/db/database.ts';
import { seedBenchJobs } from './island-data.ts';
import { canPin, cpuMs, isStale, startChild, stopChild } from './processes.ts';
import { saveResult } from './results.ts';

const root = new URL('../../', import.meta.url).pathname;
const duration = Number(process.env['BENCH_DURATION'] ?? 10);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 50);
const articlePath = '/blog/backend-development-engineering-2026/';

interface Result {
  rps: number;
  p50: number;
  p99: number;
  /** Server CPU time per request, in µs: unlike req/s, barely moved by other work on the machine. */
  cpuUs: number;
  errors: number;
  non2xx: number;
}

/** Runs autocannon's CLI (it ships no types) and reads its JSON report. */
function load(url: string, seconds: number, pid?: number): Result {
  const cpuBefore = cpuMs(pid);
  const command = [
    join(root, 'node_modules/.bin/autocannon'),
    '-c',
    String(connections),
    '-d',
    String(seconds),
    '-j',
    url,
  ];
  // The load generator runs on the other core, so it does not compete with the server it measures.
  const [file = 'node', ...args] = canPin ? ['taskset', '-c', '1', ...command] : command;
  const out = execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const report = JSON.parse(out);
  return {
    cpuUs: ((cpuMs(pid) - cpuBefore) * 1000) / report.requests.total,
    rps: report.requests.average,
    p50: report.latency.p50,
    p99: report.latency.p99,
    errors: report.errors,
    non2xx: report.non2xx,
  };
}

function print(name: string, result: Result): void {
  const errors = result.errors + result.non2xx;
  console.log(
    `${name.padEnd(18)} ${result.rps.toFixed(0).padStart(6)} req/s   p50 ${result.p50} ms   p99 ${result.p99} ms   cpu ${result.cpuUs.toFixed(0)} µs/req${errors ? `   errors ${errors}` : ''}`,
  );
}

function median(results: Result[], key: 'rps' | 'p50' | 'p99' | 'cpuUs'): number {
  const sorted = results.map((r) => r[key]).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Alternates the two targets for `rounds` rounds after a warm-up of each, so a burst of other
 * work on the machine hits both alike; the medians are compared.
 */
function compare(targets: Array<[string, string, number | undefined]>): Result[] {
  for (const [, url, pid] of targets) load(url, 2, pid);
  const results = targets.map((): Result[] => []);
  for (let round = 1; round <= rounds; round++) {
    targets.forEach(([name, url, pid], i) => {
      const result = load(url, duration, pid);
      results[i]?.push(result);
      print(`${name} (round ${round})`, result);
    });
  }
  return results.map((list, i) => {
    const summary = {
      rps: median(list, 'rps'),
      p50: median(list, 'p50'),
      p99: median(list, 'p99'),
      cpuUs: median(list, 'cpuUs'),
      errors: 0,
      non2xx: 0,
    };
    print(`${targets[i]?.[0]} median`, summary);
    return summary;
  });
}

if (isStale(root)) {
  console.log('[bench] building the site first');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
}

const dir = mkdtempSync(join(tmpdir(), 'bench-island-'));
const databaseUrl = `file:${join(dir, 'site.db')}`;
process.env['DATABASE_URL'] = databaseUrl;
await seedBenchJobs(await getDb(), loadCategoryMapping(join(root, 'content')));
await closeDb();

const children: ChildProcess[] = [];
try {
  const site = await startChild(
    join(root, 'src/server/http/serve.ts'),
    { DATABASE_URL: databaseUrl },
    children,
  );
  const page = await (await fetch(`${site}${articlePath}`)).text();
  const islandPath = /\/_server-islands\/HiringNowRoles\/[^"'\s]+/.exec(page)?.[0]?.replaceAll('&amp;', '&');
  if (!islandPath) throw new Error(`${articlePath} has no server island`);
  const island = await fetch(`${site}${islandPath}`);
  const fragment = await island.text();
  if (island.status !== 200 || !fragment.includes('job-card'))
    throw new Error(`the island answered ${island.status} without roles`);
  const bare = await startChild(
    join(root, 'scripts/bench/bare-server.ts'),
    { BARE_BYTES: String(Buffer.byteLength(fragment)) },
    children,
  );

  console.log(
    `[bench] island fragment ${Buffer.byteLength(fragment)} bytes; ${connections} connections, ${rounds} rounds of ${duration} s each, servers pinned to one core`,
  );
  const [baseline, result] = compare([
    ['node:http', `${bare}/`, children[1]?.pid],
    ['island', `${site}${islandPath}`, children[0]?.pid],
  ]);
  if (!baseline || !result) throw new Error('nothing was measured');
  const ratio = result.rps / baseline.rps;
  console.log(
    `ratio      ${ratio.toFixed(3)}x bare node:http (target ≥ 0.25x with p99 ≤ 50 ms: ${ratio >= 0.25 && result.p99 <= 50 ? 'met' : 'NOT met'})`,
  );
  // What the island would reach against the bare server with a core to itself.
  console.log(
    `cpu ratio  ${(baseline.cpuUs / result.cpuUs).toFixed(3)}x (CPU time per request, bare ÷ island)`,
  );
  await saveResult('island', [
    { label: 'bare node:http (baseline)', value: Math.round(baseline.rps), unit: 'req/s' },
    { label: 'island throughput', value: Math.round(result.rps), unit: 'req/s' },
    { label: 'island ÷ bare node:http', value: ratio, unit: 'x', budget: '>= 0.25x', ok: ratio >= 0.25 },
    { label: 'island p99', value: result.p99, unit: 'ms', budget: '<= 50 ms', ok: result.p99 <= 50 },
    { label: 'CPU per request, bare ÷ island', value: baseline.cpuUs / result.cpuUs, unit: 'x' },
  ]);
} finally {
  for (const child of children) await stopChild(child);
  rmSync(dir, { recursive: true, force: true });
}
