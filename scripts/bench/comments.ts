/**
 * `npm run bench:comments`: serves the existing build on a scratch SQLite database holding
 * 60 approved comments, then measures the comments island, the on-demand comments page and
 * comment posts (each from its own client address, so the rate limit never refuses one)
 * against the static article page (the baseline) in the same run. Prints the figures and
 * saves them as bench/results-comments.json.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error autocannon ships no type declarations.
import autocannon from 'autocannon';
import { createDatabase } from '../../src/server/platform/db/database.ts';
import { migrateToLatest } from '../../src/server/platform/db/migrate.ts';
import { SITE_SERVER, startChild, stopChild } from './processes.ts';
import { type Figure, saveResult } from './results.ts';

const ARTICLE = '/blog/backend-development-engineering-2026/';
const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'bench-comments-'));
const url = `file:${join(dir, 'site.db')}`;

const db = createDatabase(url);
await migrateToLatest(db);
const start = Date.now() - 86_400_000;
for (let i = 0; i < 60; i += 1) {
  await db
    .insertInto('comments')
    .values({
      id: randomUUID(),
      article_id: 'backend-development-engineering-2026',
      parent_id: null,
      author_name: `Reader ${i}`,
      author_email: `reader${i}@example.com`,
      author_website: i % 3 === 0 ? `https://reader${i}.example/` : null,
      body: `Comment ${i} with a link https://example.com/${i}.\n\nAnd a second paragraph of thoughts.`,
      body_hash: `h${i}`,
      status: 'approved',
      ip_hash: null,
      created_at: new Date(start + i * 60_000).toISOString(),
      moderated_at: null,
    })
    .execute();
}
await db.destroy();

type Result = { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number };
type Request = { headers: Record<string, string>; body?: string };
const children: ChildProcess[] = [];
const origin = await startChild(
  SITE_SERVER,
  { DATABASE_URL: url, COMMENTS_MIN_SECONDS: '0', TRUST_PROXY: '1' },
  children,
);
const figures: Figure[] = [];
let posts = 0;

/** A comment post from the next client address (10.x.y.z), with its own text. */
function nextPost(request: Request, token: string): Request {
  posts += 1;
  const client = `10.${(posts >> 16) & 255}.${(posts >> 8) & 255}.${posts & 255}`;
  const body = new URLSearchParams({
    comment: `Benchmark comment number ${posts}.`,
    name: 'Bench',
    email: `bench${posts}@example.com`,
    token,
  }).toString();
  return { ...request, headers: { ...request.headers, 'x-forwarded-for': client }, body };
}

try {
  const html = await (await fetch(`${origin}${ARTICLE}`)).text();
  const island = /href="(\/_server-islands\/CommentsIsland[^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
  if (!island) throw new Error('no comments island on the article page');
  const token = /name="token" value="([^"]+)"/.exec(
    await (await fetch(`${origin}${ARTICLE}comments/`)).text(),
  )?.[1];
  if (!token) throw new Error('no form token on the comments page');
  const post = {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      origin: origin,
    },
    requests: [{ setupRequest: (request: Request) => nextPost(request, token) }],
  };
  const targets: Array<[string, string, object]> = [
    ['static article (baseline)', ARTICLE, {}],
    ['comments island', island, {}],
    ['comments page', `${ARTICLE}comments/`, {}],
    ['comment posts', `${ARTICLE}comments/`, post],
  ];
  let baseline = 0;
  for (const [name, path, options] of targets) {
    const result: Result = await autocannon({
      url: `${origin}${path}`,
      connections: 10,
      duration: seconds,
      ...options,
    });
    baseline ||= result.requests.average;
    const ratio = ((result.requests.average / baseline) * 100).toFixed(0);
    console.log(
      `${name.padEnd(28)} ${result.requests.average.toFixed(0).padStart(6)} req/s (${ratio}% of baseline)  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  non-2xx ${result.non2xx}`,
    );
    figures.push(
      { label: `${name} throughput`, value: Math.round(result.requests.average), unit: 'req/s' },
      { label: `${name} p99`, value: result.latency.p99, unit: 'ms' },
      { label: `${name} non-2xx`, value: result.non2xx, unit: '', budget: '0', ok: result.non2xx === 0 },
    );
  }
  await saveResult('comments', figures);
} finally {
  for (const child of children) await stopChild(child);
  rmSync(dir, { recursive: true, force: true });
}
