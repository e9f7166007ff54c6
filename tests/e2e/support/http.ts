import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

/** An HTTP answer as it came over the wire: status line, headers, body bytes still encoded. */
export interface RawResponse {
  status: number;
  /** The reason phrase of the status line ("Not Found"). */
  reason: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The body decoded per its Content-Encoding, as text. */
  text(): string;
}

/**
 * One request with node:http, which (unlike fetch) neither follows redirects nor decompresses
 * bodies, accepts any method (TRACE included) and shows the reason phrase.
 */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        resolve({
          status: res.statusCode ?? 0,
          reason: res.statusMessage ?? '',
          headers: res.headers,
          body,
          text: () =>
            (encoding === 'br'
              ? brotliDecompressSync(body)
              : encoding === 'gzip'
                ? gunzipSync(body)
                : body
            ).toString('utf8'),
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}
