/**
 * RFC 8058 one-click unsubscribe, answered by the HTTP server before Astro: mail providers
 * POST `List-Unsubscribe=One-Click` to the List-Unsubscribe URL from their own servers,
 * without the Origin header Astro's cross-site form check requires. The signed token in the
 * URL is what authorises the request, so no origin check is needed. A GET (a person who
 * pasted the link) is sent to the unsubscribe page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../platform/db/database.ts';
import { sendText } from '../platform/response.ts';
import { getAppKeys } from '../platform/secrets.ts';
import { parseList, readManageToken } from './mail-links.ts';
import { unsubscribe } from './subscription.service.ts';

/** The path providers POST to. */
export const ONE_CLICK_PATH = '/mail/one-click/';
const MAX_BODY_BYTES = 8192;

/** Reads and discards the body (its content is fixed by RFC 8058 and carries nothing we need). */
function drain(req: IncomingMessage): Promise<boolean> {
  return new Promise((resolve) => {
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_BODY_BYTES) {
        req.destroy();
        resolve(false);
      }
    });
    req.on('end', () => resolve(true));
    req.on('error', () => resolve(false));
  });
}

/** Handles `/mail/one-click/`; false for any other path. */
export function handleOneClick(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  getDb: () => Promise<Db>,
): boolean {
  if (pathname !== ONE_CLICK_PATH) return false;
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'GET' || req.method === 'HEAD') {
    sendText(res, 303, 'See the unsubscribe page.', { Location: `/mail/unsubscribe/${url.search}` });
    return true;
  }
  if (req.method !== 'POST') {
    sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD, POST' });
    return true;
  }
  void (async () => {
    if (!(await drain(req))) return sendText(res, 413, 'Request too large.');
    try {
      const db = await getDb();
      const addressId = readManageToken((await getAppKeys(db)).signingKey, url.searchParams.get('s'));
      if (!addressId) return sendText(res, 400, 'This unsubscribe link is not valid.');
      await unsubscribe(db, addressId, parseList(url.searchParams.get('list')));
      sendText(res, 200, 'Unsubscribed.');
    } catch (error) {
      console.error(
        `[mail] one-click unsubscribe failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      sendText(res, 503, 'Please try again in a minute.', { 'Retry-After': '30' });
    }
  })();
  return true;
}
