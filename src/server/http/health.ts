/**
 * Health checks for load balancers and supervisors. `/healthz`: the process answers (restart it
 * when this fails). `/readyz`: the database is reachable and migrated (send it readers' writes
 * only when this is 200); static pages are served either way.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DatabaseHealth } from './database-health.ts';

const HEADERS = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' };

function reply(req: IncomingMessage, res: ServerResponse, status: number, text: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...HEADERS, Allow: 'GET, HEAD' }).end('Method not allowed\n');
    return;
  }
  res.writeHead(status, HEADERS).end(req.method === 'HEAD' ? undefined : `${text}\n`);
}

/** Answers `/healthz` and `/readyz`; false for every other path. */
export function answerHealth(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  database: DatabaseHealth,
): boolean {
  if (pathname === '/healthz') {
    reply(req, res, 200, 'ok');
    return true;
  }
  if (pathname !== '/readyz') return false;
  void database.check().then((up) => reply(req, res, up ? 200 : 503, up ? 'ready' : 'database unavailable'));
  return true;
}
