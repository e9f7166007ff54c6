/**
 * The production server: `npm run serve`. A node:http server in front of one build
 * (release.ts: sirv for the prerendered files, Astro's handler for the rest), with the article
 * cards mounted in front, health checks, a database that may come and go, SIGHUP to switch to
 * a new build without a restart, and SIGTERM to finish in-flight requests and stop.
 */
import { realpathSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { startCards } from '../cards/cards.ts';
import { startJobs } from '../jobs/job-background.ts';
import { startMail } from '../mail/mail-background.ts';
import { getConfig } from '../platform/config/config.ts';
import { distDirectory } from '../platform/config/paths.ts';
import { closeDb } from '../platform/db/database.ts';
import { dropUntrustedForwarding } from '../platform/request.ts';
import { DatabaseHealth } from './database-health.ts';
import { answerHealth } from './health.ts';
import { BASE_CSP } from './page-headers.ts';
import { loadRelease, type Release, type ReleaseOptions } from './release.ts';
import { applySecurityHeaders } from './security-headers.ts';
import { SiteResponse } from './site-response.ts';

const shutdownTimeoutMs = 10_000;

function log(message: string): void {
  console.log(`[server] ${message}`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function main(): Promise<void> {
  // A wrong setting stops the server here, before it listens, naming the variable.
  const config = getConfig();
  const { HOST: host, PORT: port, TRUST_PROXY: trustProxy } = config;
  // DIST_DIR may be a symlink (`current`) to one of several builds: SIGHUP follows it anew.
  const distDir = distDirectory();
  const options: ReleaseOptions = {
    mount: (dir) => startCards(dir, (message) => log(`cards: ${message}`)),
    // RESPONSE_CACHE=0 measures the server without its response caches (npm run bench:serve).
    responseCache: config.RESPONSE_CACHE,
  };
  let release: Release = await loadRelease(distDir, options);
  log(`serving ${release.dir}`);

  // The sender runs from the start (it retries while the database is down); each build's new
  // articles are announced once the database answers, and again after a switch.
  const mail = startMail((message) => log(`mail: ${message}`));
  let stopJobs: (() => void) | undefined;
  let startingJobs = false;
  // Demo roles and the feed sync need the database: they start the first time it answers.
  const database = new DatabaseHealth(log, () => {
    void mail.announce(release.dir);
    if (stopJobs || startingJobs) return;
    startingJobs = true;
    startJobs()
      .then(
        (stop) => (stopJobs = stop),
        (error: unknown) => log(`jobs did not start: ${messageOf(error)}`),
      )
      .finally(() => (startingJobs = false));
  });
  database.start();
  let shuttingDown = false;

  const server = createServer<typeof IncomingMessage, typeof SiteResponse>(
    { ServerResponse: SiteResponse },
    (req, res) => {
      // Without a trusted proxy, forwarding headers are the client's own words: drop them first.
      dropUntrustedForwarding(req.headers, trustProxy);
      applySecurityHeaders(res, trustProxy ? req.headers['x-forwarded-proto'] === 'https' : false);
      // Pages replace this with their own full policy (static: from _headers.json; on-demand: Astro).
      res.setHeader('Content-Security-Policy', BASE_CSP);
      if (shuttingDown) res.setHeader('Connection', 'close');
      const pathname = (req.url ?? '/').split('?', 1)[0] ?? '/';
      if (answerHealth(req, res, pathname, database)) return;
      if (mail.handle(req, res, pathname)) return;
      release.handle(req, res);
    },
  );
  server.keepAliveTimeout = 5_000;
  server.requestTimeout = 30_000;

  // One switch at a time; a build that fails to load leaves the current one serving.
  let switching = Promise.resolve();
  const reload = async () => {
    try {
      if (realpathSync(distDir) === release.dir) {
        log(`SIGHUP: already serving ${release.dir}`);
        return;
      }
      const next = await loadRelease(distDir, options);
      const previous = release;
      release = next;
      log(`SIGHUP: serving ${next.dir}`);
      void mail.announce(next.dir);
      await previous.retire();
    } catch (error) {
      log(`SIGHUP: kept serving ${release.dir}: ${messageOf(error)}`);
    }
  };
  process.on('SIGHUP', () => {
    switching = switching.then(reload);
  });

  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    stopJobs?.();
    database.stop();
    log(`${signal}: finishing in-flight requests`);
    const force = setTimeout(() => {
      log('shutdown timed out; closing remaining connections');
      server.closeAllConnections();
    }, shutdownTimeoutMs - 1_000);
    force.unref();
    server.close(async () => {
      await release.retire().catch(() => {});
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
  console.error(`[server] failed to start: ${messageOf(error)}`);
  process.exit(1);
});
