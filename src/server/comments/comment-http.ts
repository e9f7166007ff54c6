import type { CommentStatus } from './comment.table.ts';
import { sign, unsign } from './signed-value.ts';

/**
 * Largest comment post accepted, in bytes. 5,000 four-byte characters percent-encoded take
 * 60 KB, so a legitimate post always fits and an absurd one is refused with 413.
 */
export const MAX_COMMENT_BODY_BYTES = 96 * 1024;

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
  env = process.env,
): string {
  if (env['TRUST_PROXY'] === '1') {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return socketAddress ?? 'unknown';
}

/** Whether the request reached us over HTTPS, directly or through a trusted proxy. */
export function isHttps(request: Request, env = process.env): boolean {
  if (new URL(request.url).protocol === 'https:') return true;
  return env['TRUST_PROXY'] === '1' && request.headers.get('x-forwarded-proto') === 'https';
}

/** Whether cookies must be Secure: over HTTPS, and always in production. */
export function secureCookies(request: Request, env = process.env): boolean {
  return isHttps(request, env) || env['NODE_ENV'] === 'production';
}

/** Name of the short-lived cookie that carries a post's outcome across the redirect. */
export const OUTCOME_COOKIE = 'comment_outcome';

/** A stored post's outcome, shown once after the redirect. */
export interface PostOutcome {
  articleId: string;
  status: CommentStatus;
  id: string;
}

/** Signs the outcome for the cookie. */
export function encodeOutcome(key: Buffer, outcome: PostOutcome): string {
  return sign(key, [outcome.status, outcome.id, encodeURIComponent(outcome.articleId)].join('|'));
}

/** Reads a signed outcome for this article, or undefined. */
export function decodeOutcome(
  key: Buffer,
  cookie: string | undefined,
  articleId: string,
): PostOutcome | undefined {
  const [status, id, article] = unsign(key, cookie)?.split('|') ?? [];
  if (!status || !id || article === undefined || decodeURIComponent(article) !== articleId) return undefined;
  if (status !== 'pending' && status !== 'approved' && status !== 'spam') return undefined;
  return { articleId, status, id };
}
