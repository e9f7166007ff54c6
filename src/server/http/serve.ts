/**
 * The production server: `npm run serve`. A plain node:http server that answers prerendered
 * files from memory, draws article cards (/og/<slug>.png) on first request, and hands
 * everything else (server islands, on-demand pages, API routes) to Astro's request handler
 * (the Node adapter in middleware mode).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCards } from '../cards/cards.ts';
import { closeDb, getDb } from '../db/database.ts';
import { startJobs } from '../jobs/job-background.ts';
import { MicroCache } from './micro-cache.ts';
import { BASE_CSP, readPageHeaders } from './page-headers.ts';
import { applySecurityHeaders } from './security-headers.ts';
import { StaticFiles } from './static-files.ts';

type AstroHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (err?: unknown) => void,
) => Promise<void>;

// DIST_DIR serves another build (benchmarks and tests build scratch sites elsewhere).
const distDir = process.env['DIST_DIR']
  ? `${resolve(process.env['DIST_DIR'])}${sep}`
  : fileURLToPath(new URL('../../../dist/', import.meta.url));
const host = process.env['HOST'] ?? '127.0.0.1';
const port = Number(process.env['PORT'] ?? 4321);
const trustProxy = process.env['TRUST_PROXY'] === '1';
const shutdownTimeoutMs = 10_000;

function log(message: string): void {
  console.log(`[server] ${message}`);
}

async function main(): Promise<void> {
  // The server never serves from an unmigrated database: migrate (and fail loudly) first.
  await getDb();
  const stopJobs = await startJobs();
  const staticFiles = new StaticFiles(`${distDir}client`, readPageHeaders(`${distDir}_headers.json`));
  const entry = (await import(`${distDir}server/entry.mjs`)) as { handler: AstroHandler };
  const notFound = staticFiles.lookup('/404.html');
  const ogCards = startCards(distDir, (message) => log(`cards: ${message}`));
  // MICRO_CACHE=0 turns the island micro-cache off (e.g. to measure Astro's own island cost).
  const islandCache = process.env['MICRO_CACHE'] === '0' ? undefined : new MicroCache();
  let shuttingDown = false;

  const server = createServer((req, res) => {
    const https = trustProxy ? req.headers['x-forwarded-proto'] === 'https' : false;
    applySecurityHeaders(res, https);
    // Pages replace this with their own full policy (static: from _headers.json; on-demand: Astro).
    res.setHeader('Content-Security-Policy', BASE_CSP);
    if (shuttingDown) res.setHeader('Connection', 'close');
    const pathname = (req.url ?? '/').split('?', 1)[0] ?? '/';
    const file = staticFiles.lookup(pathname);
    if (file) {
      if (req.method === 'GET' || req.method === 'HEAD') staticFiles.send(req, res, file);
      else
        res
          .writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' })
          .end('Method not allowed');
      return;
    }
    const sendNotFound = () => {
      if (notFound && (req.method === 'GET' || req.method === 'HEAD'))
        staticFiles.send(req, res, notFound, 404);
      else res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    };
    if (ogCards.handle(req, res, pathname, sendNotFound)) return;
    if (islandCache?.accepts(req)) {
      if (islandCache.serve(req, res)) return;
      islandCache.record(req, res);
    }
    entry.handler(req, res, sendNotFound);
  });
  server.keepAliveTimeout = 5_000;
  server.requestTimeout = 30_000;

  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    stopJobs();
    log(`${signal}: finishing in-flight requests`);
    const force = setTimeout(() => {
      log('shutdown timed out; closing remaining connections');
      server.closeAllConnections();
    }, shutdownTimeoutMs - 1_000);
    force.unref();
    server.close(async () => {
      await ogCards.close().catch(() => {});
      await closeDb().catch(() => {});
      log('stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  server.listen(port, host, () => log(`listening on http://${host}:${port}/`));
}

main().catch((error: unknown) => {
  console.error('[server] failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
