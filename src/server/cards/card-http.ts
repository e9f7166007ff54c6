/**
 * Answers `/og/<slug>.png`: the card of a published article, drawn on first request. 200 with
 * a day of caching and an ETag (the card's hash, known before drawing, so a revalidation never
 * draws), 304 on a matching If-None-Match, 405 to methods other than GET and HEAD, 503 when
 * too many cards wait to be drawn, 500 when drawing fails. Other slugs go to `notFound`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendText } from '../platform/response.ts';
import { type CardService, describeError } from './card.service.ts';
import { CardQueueFullError } from './card-pool.ts';

const CARD_PATH = /^\/og\/(.+)\.png$/;

/** Handles a request when its path is a card's; false when it is not one. */
export type CardRequestHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  notFound: () => void,
) => boolean;

/** The slug a card path names (still encoded when it is not valid percent-encoding). */
export function cardSlug(pathname: string): string | undefined {
  const encoded = CARD_PATH.exec(pathname)?.[1];
  if (encoded === undefined) return undefined;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return (
    ifNoneMatch.trim() === '*' ||
    ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
  );
}

async function respond(
  req: IncomingMessage,
  res: ServerResponse,
  service: CardService,
  slug: string,
  log: (message: string) => void,
  notFound: () => void,
): Promise<void> {
  const card = service.find(slug);
  if (!card) return notFound();
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
  const etag = `"${card.hash}"`;
  const cacheHeaders = { 'Cache-Control': 'public, max-age=86400', ETag: etag };
  if (matches(req.headers['if-none-match'], etag)) {
    res.writeHead(304, cacheHeaders).end();
    return;
  }
  let png: Buffer;
  try {
    png = await service.png(card);
  } catch (error) {
    if (error instanceof CardQueueFullError)
      return sendText(res, 503, 'Busy drawing cards; try again', { 'Retry-After': '2' });
    log(`could not draw /og/${slug}.png: ${describeError(error)}`);
    return sendText(res, 500, 'The card could not be drawn');
  }
  res.writeHead(200, { ...cacheHeaders, 'Content-Type': 'image/png', 'Content-Length': String(png.length) });
  res.end(req.method === 'HEAD' ? undefined : png);
}

/** A request handler over a card service; `log` receives drawing failures. */
export function createCardRequestHandler(
  service: CardService,
  log: (message: string) => void,
): CardRequestHandler {
  return (req, res, pathname, notFound) => {
    const slug = cardSlug(pathname);
    if (slug === undefined) return false;
    respond(req, res, service, slug, log, notFound).catch((error: unknown) => {
      log(`/og/${slug}.png failed: ${describeError(error)}`);
      if (!res.headersSent) sendText(res, 500, 'The card could not be drawn');
      else res.destroy();
    });
    return true;
  };
}
