/**
 * The response class of the production server (`createServer({ ServerResponse: SiteResponse })`):
 * the last word on every status line and header block, whoever wrote the response (sirv, Astro,
 * the cards, the server itself).
 */
import {
  type IncomingMessage,
  type OutgoingHttpHeader,
  type OutgoingHttpHeaders,
  ServerResponse,
  STATUS_CODES,
} from 'node:http';
import fresh from 'fresh';

/** Media types that are text without saying `text/`: they get a charset like text/* does. */
const TEXT_TYPES =
  /^(text\/|application\/(javascript|json|xml|rss\+xml|atom\+xml|manifest\+json)|image\/svg\+xml)/;
/** What a 304 leaves out: it describes the 200 it stands for, without its body. */
const BODY_HEADERS = ['content-length', 'content-type', 'content-encoding', 'content-range'];

/** The request headers a conditional GET is decided on. */
export type Conditions = Pick<
  IncomingMessage['headers'],
  'if-none-match' | 'if-modified-since' | 'cache-control'
>;

function lowerCased(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/**
 * - Reason phrases are always the standard ones: Astro copies a page's statusText, which stays
 *   "OK" when a page only sets `Astro.response.status = 410`.
 * - Every text response names its charset: sirv does for HTML only, Astro for none.
 * - A 200 to a GET or HEAD whose validators match `conditions` becomes a 304 that keeps ETag,
 *   Last-Modified, Cache-Control and Vary (RFC 9110 §15.4.5), for either validator.
 */
export class SiteResponse<Request extends IncomingMessage = IncomingMessage> extends ServerResponse<Request> {
  /** The conditional headers of a request whose freshness this class decides (see static-site.ts). */
  conditions: Conditions | undefined;

  override writeHead(
    statusCode: number,
    reasonOrHeaders?: string | OutgoingHttpHeaders | OutgoingHttpHeader[],
    maybeHeaders?: OutgoingHttpHeaders | OutgoingHttpHeader[],
  ): this {
    const given = typeof reasonOrHeaders === 'string' ? maybeHeaders : reasonOrHeaders;
    // Raw header arrays are never passed by the handlers this server runs.
    const headers = given && !Array.isArray(given) ? lowerCased(given) : {};
    const header = (name: string) => headers[name] ?? this.getHeader(name);
    let status = statusCode;
    const validators = { etag: header('etag'), 'last-modified': header('last-modified') };
    if (status === 200 && this.conditions && fresh(this.conditions, validators)) {
      status = 304;
      for (const name of BODY_HEADERS) {
        delete headers[name];
        this.removeHeader(name);
      }
    } else {
      const type = String(header('content-type') ?? '');
      // sirv sends an empty type for extensions it does not know (Pagefind's index files).
      if (type === '' && header('content-type') !== undefined)
        headers['content-type'] = 'application/octet-stream';
      else if (TEXT_TYPES.test(type) && !/;\s*charset=/i.test(type))
        headers['content-type'] = `${type}; charset=utf-8`;
    }
    this.statusMessage = STATUS_CODES[status] ?? 'Unknown';
    return super.writeHead(status, this.statusMessage, headers);
  }
}
