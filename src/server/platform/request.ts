/** What every form-handling route needs from a request: its body, client address and scheme. */
import type { IncomingHttpHeaders } from 'node:http';
import { type Config, getConfig } from './config/config.ts';

/** The headers through which a proxy tells the server about the client and the scheme it used. */
const FORWARDING_HEADERS = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'x-forwarded-port',
];

/**
 * Removes the forwarding headers from a request unless the server sits behind a proxy that
 * sets them (TRUST_PROXY=1). Reached directly, they are whatever the client chose to send,
 * and Astro (with the site in `security.allowedDomains`) would take its scheme, host and
 * client address (Astro.clientAddress) from them.
 */
export function dropUntrustedForwarding(
  headers: IncomingHttpHeaders,
  trustProxy = getConfig().TRUST_PROXY,
): void {
  if (trustProxy) return;
  for (const name of FORWARDING_HEADERS) delete headers[name];
}

/** Reads a form body without ever buffering more than `limit` bytes. */
export async function readLimitedForm(
  request: Request,
  limit: number,
): Promise<FormData | 'too-large' | 'malformed'> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) return 'too-large';
  const chunks: Uint8Array[] = [];
  let received = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > limit) {
        await reader.cancel().catch(() => {});
        return 'too-large';
      }
      chunks.push(value);
    }
  }
  const type = request.headers.get('content-type') ?? '';
  try {
    return await new Response(Buffer.concat(chunks), { headers: { 'content-type': type } }).formData();
  } catch {
    return 'malformed';
  }
}

/**
 * The client's address. Behind a proxy (TRUST_PROXY=1) it is the last X-Forwarded-For entry,
 * the one our proxy appended; earlier entries are whatever the client chose to send.
 */
export function clientAddressOf(
  request: Request,
  socketAddress: string | undefined,
  trustProxy = getConfig().TRUST_PROXY,
): string {
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return socketAddress ?? 'unknown';
}

/** Whether the request reached us over HTTPS, directly or through a trusted proxy. */
export function isHttps(request: Request, trustProxy = getConfig().TRUST_PROXY): boolean {
  if (new URL(request.url).protocol === 'https:') return true;
  return trustProxy && request.headers.get('x-forwarded-proto') === 'https';
}

/** Whether cookies must be Secure: over HTTPS, and always in production. */
export function secureCookies(
  request: Request,
  config: Pick<Config, 'TRUST_PROXY' | 'NODE_ENV'> = getConfig(),
): boolean {
  return isHttps(request, config.TRUST_PROXY) || config.NODE_ENV === 'production';
}
