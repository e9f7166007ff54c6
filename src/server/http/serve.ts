/**
 * The production server: `npm run serve`. A plain node:http server that answers prerendered
 * files from memory, draws article cards (/og/<slug>.png) on first request, and hands
 * everything else (server islands, on-demand pages, API routes) to Astro's request handler
 * (the Node adapter in middleware mode).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { sep } from 'node:path';
import { startJobs } from '../jobs/job-background.ts';
import { startMail } from '../mail/mail-background.ts';
import { startOgCards } from '../og/og-cards.ts';
import { getConfig } from '../platform/config/config.ts';
import { distDirectory } from '../platform/config/paths.ts';
import { closeDb, getDb } from '../platform/db/database.ts';
import { dropUntrustedForwarding } from '../platform/request.ts';
import { MicroCache } from './micro-cache.ts';
import { BASE_CSP, readPageHeaders } from './page-headers.ts';
import { applySecurityHeaders } from './security-headers.ts';
import { StaticFiles } from './static-files.ts';

type AstroHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (err?: unknown) => void,
) => Promise<void>;

const shutdownTimeoutMs = 10_000;

function log(message: string): void {
  console.log(`[server] ${message}`);
}

async function main(): Promise<void> {
  // A wrong setting stops the server here, before it listens, naming the variable.
  const config = getConfig();
  // DIST_DIR serves another build (benchmarks and tests build scratch sites elsewhere).
  const distDir = `${distDirectory()}${sep}`;
  const { HOST: host, PORT: port, TRUST_PROXY: trustProxy } = config;
  // The server never serves from an unmigrated database: migrate (and fail loudly) first.
  await getDb();
  const stopJobs = await startJobs();
  const staticFiles = new StaticFiles(`${distDir}client`, readPageHeaders(`${distDir}_headers.json`));
  const entry = (await import(`${distDir}server/entry.mjs`)) as { handler: AstroHandler };
  const notFound = staticFiles.lookup('/404.html');
  const ogCards = startOgCards(distDir, (message) => log(`cards: ${message}`));
  const mail = await startMail(distDir, (message) => log(`mail: ${message}`));
  // MICRO_CACHE=0 turns the island micro-cache off (e.g. to measure Astro's own island cost).
  const islandCache = config.MICRO_CACHE ? new MicroCache() : undefined;
  let shuttingDown = false;

  const server = createServer((req, res) => {
    dropUntrustedForwarding(req.headers, trustProxy);
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
    if (mail.handle(req, res, pathname)) return;
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
      await mail.stop().catch(() => {});
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
  console.error(`[server] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
