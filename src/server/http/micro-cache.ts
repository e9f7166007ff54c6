import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

interface Entry {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  expires: number;
}

/** Longest a response is kept here, whatever its Cache-Control allows. */
const MAX_TTL_MS = 5_000;
const MAX_ENTRIES = 1_000;

/**
 * Seconds this response may be reused for any reader: its public max-age, or 0. s-maxage is
 * ignored on purpose: it is for CDNs, while this cache answers the reader who has just posted
 * a comment too, who must not see an older island than their own browser would keep.
 */
function publicMaxAge(cacheControl: string): number {
  if (!/\bpublic\b/.test(cacheControl) || /\b(no-store|private|no-cache)\b/.test(cacheControl)) return 0;
  const maxAge = /(?:^|[\s,])max-age=(\d+)/.exec(cacheControl);
  return maxAge?.[1] ? Number(maxAge[1]) : 0;
}

/**
 * A few-seconds response cache in front of Astro for server-island GETs, acting like the CDN
 * the deployment guide puts in front of the site: it honours each response's own public
 * max-age (capped at 5 s), never stores a response that sets a cookie, and serves only
 * requests without cookies (an island may render per-reader state from them).
 */
export class MicroCache {
  readonly #entries = new Map<string, Entry>();

  /** Whether this request may be answered from, and stored in, the cache. */
  accepts(req: IncomingMessage): boolean {
    return req.method === 'GET' && !req.headers.cookie && (req.url ?? '').startsWith('/_server-islands/');
  }

  /** Answers from the cache; false when there is no fresh entry. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    const entry = this.#entries.get(req.url ?? '');
    if (!entry) return false;
    if (entry.expires <= Date.now()) {
      this.#entries.delete(req.url ?? '');
      return false;
    }
    res.writeHead(entry.status, { ...entry.headers, 'content-length': entry.body.length });
    res.end(entry.body);
    return true;
  }

  /** Records what the handler writes to `res`, storing it once complete if it is cacheable. */
  record(req: IncomingMessage, res: ServerResponse): void {
    const key = req.url ?? '';
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
      this.#store(key, res, Buffer.concat(chunks));
      return end(chunk, ...rest);
    }) as ServerResponse['end'];
  }

  #store(key: string, res: ServerResponse, body: Buffer): void {
    if (res.statusCode !== 200 || res.hasHeader('set-cookie')) return;
    const ttl = Math.min(publicMaxAge(String(res.getHeader('cache-control') ?? '')) * 1000, MAX_TTL_MS);
    if (ttl <= 0) return;
    if (this.#entries.size >= MAX_ENTRIES) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    const headers = res.getHeaders();
    delete headers['transfer-encoding'];
    delete headers['content-length'];
    delete headers['date'];
    this.#entries.set(key, { status: 200, headers, body, expires: Date.now() + ttl });
  }
}
