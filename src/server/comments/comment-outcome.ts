import { sign, unsign } from '../platform/signed-value.ts';
import type { CommentStatus } from './comment.table.ts';

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
