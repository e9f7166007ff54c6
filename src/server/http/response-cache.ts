import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** How long a response may be reused: fresh, then stale while one request renders it anew. */
export interface Lifetime {
  freshMs: number;
  staleMs: number;
}

interface Entry {
  headers: OutgoingHttpHeaders;
  body: Buffer;
  freshUntil: number;
  staleUntil: number;
  /** Set while one request renders the entry anew; the others get the stale copy meanwhile. */
  refreshing: boolean;
}

/**
 * Never replayed: what belongs to the connection or to one request (HSTS says whether it came
 * over HTTPS), and the security headers the server sets on every response before it looks here.
 * The length is stored anew with the body.
 */
const PER_REQUEST = [
  'transfer-encoding',
  'content-length',
  'date',
  'connection',
  'keep-alive',
  'strict-transport-security',
  'x-content-type-options',
  'referrer-policy',
  'x-frame-options',
  'permissions-policy',
];

/**
 * A bounded in-process cache of whole responses exactly as they were sent (compressed bytes
 * included), keyed by resource and the request's Accept-Encoding, least recently used evicted
 * first. Stores only complete 200 answers to GETs without cookies or a Range, never one that
 * sets a cookie; `lifetime` says how long each may be reused. The server holds two
 * (static-site.ts and on-demand.ts), each with its reason and its figure in
 * `npm run bench:serve`.
 */
export class ResponseCache {
  readonly #entries = new Map<string, Entry>();
  readonly #maxBytes: number;
  readonly #lifetime: (res: ServerResponse) => Lifetime | undefined;
  #bytes = 0;

  constructor(maxBytes: number, lifetime: (res: ServerResponse) => Lifetime | undefined) {
    this.#maxBytes = maxBytes;
    this.#lifetime = lifetime;
  }

  /** The key of a request for `resource` this cache may answer and store, or undefined. */
  keyOf(req: IncomingMessage, resource: string): string | undefined {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.headers.cookie || req.headers.range)
      return undefined;
    return `${resource}\n${(req.headers['accept-encoding'] ?? '').replaceAll(' ', '').toLowerCase()}`;
  }

  /** Answers from the cache; false when the caller must render (and may `record`). */
  serve(key: string, req: IncomingMessage, res: ServerResponse): boolean {
    const entry = this.#entries.get(key);
    if (!entry) return false;
    const now = Date.now();
    if (now >= entry.staleUntil) {
      this.#delete(key);
      return false;
    }
    if (now >= entry.freshUntil && !entry.refreshing) {
      entry.refreshing = true;
      return false;
    }
    // Most recently used last: eviction takes the first.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    res.writeHead(200, entry.headers);
    res.end(req.method === 'HEAD' ? undefined : entry.body);
    return true;
  }

  /** Records what is written to `res` for a GET and stores it once complete, if it may be reused. */
  record(key: string, req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') return;
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    const collect = (chunk: unknown) => {
      if (typeof chunk === 'string') chunks.push(Buffer.from(chunk));
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk);
      return write(chunk, ...rest);
    }) as ServerResponse['write'];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk !== undefined && typeof chunk !== 'function') collect(chunk);
      this.#store(key, res, chunks);
      return end(chunk, ...rest);
    }) as ServerResponse['end'];
    // A render that ends otherwise (an error, a closed connection) lets the next request try.
    res.once('close', () => {
      const entry = this.#entries.get(key);
      if (entry) entry.refreshing = false;
    });
  }

  #store(key: string, res: ServerResponse, chunks: Buffer[]): void {
    const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    if (res.statusCode !== 200 || res.hasHeader('set-cookie') || length > this.#maxBytes / 16) return;
    const lifetime = this.#lifetime(res);
    if (!lifetime || lifetime.freshMs <= 0) return;
    // A buffer of its own: a small one from Node's shared pool would keep the whole 8 KB slab alive.
    const body = Buffer.allocUnsafeSlow(length);
    let offset = 0;
    for (const chunk of chunks) offset += chunk.copy(body, offset);
    const headers = res.getHeaders();
    for (const name of PER_REQUEST) delete headers[name];
    headers['content-length'] = length;
    const now = Date.now();
    this.#delete(key);
    this.#entries.set(key, {
      headers,
      body,
      freshUntil: now + lifetime.freshMs,
      staleUntil: now + lifetime.freshMs + lifetime.staleMs,
      refreshing: false,
    });
    this.#bytes += body.length;
    for (const [oldest] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#delete(oldest);
    }
  }

  #delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#bytes -= entry.body.length;
    this.#entries.delete(key);
  }
}
