import type { AstroCookies } from 'astro';
import { withDeadline } from '../platform/deadline.ts';
import { failureLog } from '../platform/log.ts';
import { getAppKeys } from '../platform/secrets.ts';
import type { CommentErrors, CommentFormValues } from './comment.validation.ts';
import { commentsDb } from './comment-housekeeping.ts';
import { storedMessage } from './comment-messages.ts';
import { decodeOutcome, OUTCOME_COOKIE } from './comment-outcome.ts';
import type { FailedPost } from './comment-post.ts';
import { type CommentThread, getCommentThread, type PublicComment } from './comment-thread.service.ts';
import { createFormToken } from './comment-token.ts';

/** Longest the island or the comments page waits for the database before it shows its fallback. */
export const READ_DEADLINE_MS = 500;
/** After a missed deadline, reads are not tried again for this long: the fallback shows at once. */
const BACK_OFF_MS = 2_000;

/** Everything the comments and the form show for one article, for one reader. */
export interface CommentView {
  /** The approved comments, or undefined when they could not be read in time. */
  thread: CommentThread | undefined;
  /** Signed render time for the form; undefined when the keys could not be read. */
  token: string | undefined;
  /** The outcome of this reader's last post, shown once, or why the post was refused. */
  message: { kind: 'ok' | 'error'; text: string } | undefined;
  /** What the reader typed, after a refused post. */
  values: CommentFormValues | undefined;
  /** The error per field, after a refused post. */
  errors: CommentErrors | undefined;
  /** The comment being replied to, when it is shown. */
  replyTo: { id: string; name: string } | undefined;
  /** Whether the view holds nothing for this reader alone and no failure, so caches may share it. */
  shareable: boolean;
}

/** What a view is built from. */
export interface ViewRequest {
  articleId: string;
  cookies: AstroCookies;
  /** A refused post to show again with its text and errors. */
  failed?: FailedPost | undefined;
  /** The comment to reply to (the no-JavaScript Reply link's `?replyTo=`). */
  replyToId?: string | null | undefined;
}

const report = failureLog('comments');
let failedAt = Number.NEGATIVE_INFINITY;

/**
 * The read, or undefined (logged, rate-limited) when it fails or misses the deadline. For a
 * moment after a failure the thread is not read at all and the keys only if they are at hand
 * (cached: they resolve before a 0 ms timer), so an outage costs readers no waiting.
 */
async function readWithin<T>(
  read: () => Promise<T>,
  whileFailing: 'skip' | 'at-hand',
): Promise<T | undefined> {
  const failing = Date.now() - failedAt < BACK_OFF_MS;
  if (failing && whileFailing === 'skip') return undefined;
  try {
    return await withDeadline(read(), failing ? 0 : READ_DEADLINE_MS, 'the database');
  } catch (error) {
    // Only a full read's failure starts the back-off again, or the thread would never be retried.
    if (!failing) failedAt = Date.now();
    report('comments are showing their fallback', error);
    return undefined;
  }
}

function findComment(list: PublicComment[], id: string): PublicComment | undefined {
  for (const comment of list) {
    const found = comment.id === id ? comment : findComment(comment.replies, id);
    if (found) return found;
  }
  return undefined;
}

/**
 * The comments view shared by the island and the comments page. Every database read has a
 * deadline: a hung or missing database gives the fallback (no thread) within
 * READ_DEADLINE_MS, with a form that still posts. A stored post's outcome is shown once.
 */
export async function loadCommentView({
  articleId,
  cookies,
  failed,
  replyToId,
}: ViewRequest): Promise<CommentView> {
  const [keys, thread] = await Promise.all([
    readWithin(async () => getAppKeys(await commentsDb()), 'at-hand'),
    readWithin(async () => getCommentThread(await commentsDb(), articleId), 'skip'),
  ]);
  let message: CommentView['message'] = failed && { kind: 'error', text: failed.message };
  const outcome = keys && decodeOutcome(keys.signingKey, cookies.get(OUTCOME_COOKIE)?.value, articleId);
  // After a refused post the outcome of an earlier one waits for the next view.
  if (outcome && !failed) {
    message = { kind: 'ok', text: storedMessage(outcome.status) };
    cookies.delete(OUTCOME_COOKIE, { path: '/' });
  }
  const replyId = failed ? failed.values.parentId : replyToId;
  const replyTo = thread && replyId ? findComment(thread.comments, replyId) : undefined;
  return {
    thread,
    token: keys && createFormToken(keys.signingKey, articleId, Date.now()),
    message,
    values: failed?.values,
    errors: failed?.errors,
    replyTo: replyTo && { id: replyTo.id, name: replyTo.name },
    shareable: thread !== undefined && keys !== undefined && message === undefined,
  };
}
