import { createHash, randomUUID } from 'node:crypto';
import { isAddressProven } from '../mail/address-proof.service.ts';
import { queueCommentMail } from '../mail/comment-mail.service.ts';
import { clientNetwork } from '../platform/client-network.ts';
import type { Db } from '../platform/db/database.ts';
import { getAppKeys, hashClientAddress } from '../platform/secrets.ts';
import type { CommentsConfig } from './comment.config.ts';
import * as repo from './comment.repository.ts';
import { evaluateSpam } from './comment.spam.ts';
import type { CommentStatus } from './comment.table.ts';
import { type CommentErrors, type CommentFormValues, validateComment } from './comment.validation.ts';
import { checkFormToken } from './comment-token.ts';

/** A post as it reached the server. */
export interface CommentSubmission {
  articleId: string;
  values: CommentFormValues;
  /** Value of the hidden honeypot field. */
  honeypot: string;
  /** The signed form timestamp. */
  token: string | undefined;
  clientAddress: string;
  /** The mail feature's proof cookie: whether this browser confirmed the address. */
  proofCookie?: string | undefined;
}

/** What became of a post; every kind but `stored` leaves the reader's text in the form. */
export type SubmitOutcome =
  | { kind: 'invalid'; errors: CommentErrors }
  | { kind: 'stale-form' }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'stored'; id: string; status: CommentStatus };

const DAY_MS = 86_400_000;
/** Replies nest at most this many levels deep (0-based depth of the deepest level is 2). */
export const MAX_DEPTH = 2;

function bodyHash(body: string): string {
  return createHash('sha256').update(body.toLowerCase().replace(/\s+/g, ' ')).digest('base64url');
}

/**
 * Validates, rate-limits, applies the spam rules and stores a comment in one transaction,
 * so a comment the reader is told about is committed. Database errors propagate: the
 * caller answers 503 and keeps the reader's text.
 */
export async function submitComment(
  db: Db,
  submission: CommentSubmission,
  config: CommentsConfig,
  now: Date = new Date(),
): Promise<SubmitOutcome> {
  const checked = validateComment(submission.values);
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
  const comment = checked.value;
  const keys = await getAppKeys(db);
  const token = checkFormToken(
    keys.signingKey,
    submission.token,
    submission.articleId,
    now.getTime(),
    config.formMaxAgeHours * 3_600_000,
  );
  // Only a token we did not sign is refused; an authentic old one (a tab left open) is held.
  if (token.kind === 'missing' || token.kind === 'forged') return { kind: 'stale-form' };
  const { elapsedMs } = token;
  const formExpired = token.kind === 'expired';
  // An IPv6 subscriber holds a whole /64: the rate limit counts the network, not each address.
  const ipHash = hashClientAddress(keys, clientNetwork(submission.clientAddress));
  const nowIso = now.toISOString();
  const hash = bodyHash(comment.body);

  // Clearing old address hashes is housekeeping on its own schedule (comment-housekeeping.ts),
  // never part of a reply.
  return db.transaction().execute(async (trx): Promise<SubmitOutcome> => {
    const windowStart = new Date(now.getTime() - config.rateLimitWindowMs).toISOString();
    await repo.lockClient(trx, ipHash);
    const recent = await repo.listRecentByClient(trx, ipHash, windowStart);
    if (recent.length >= config.rateLimitMax) {
      const oldest = Date.parse(recent[0] ?? nowIso);
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil((oldest + config.rateLimitWindowMs - now.getTime()) / 1000),
      );
      return { kind: 'rate-limited', retryAfterSeconds };
    }
    const duplicate = await repo.hasDuplicate(
      trx,
      submission.articleId,
      hash,
      new Date(now.getTime() - DAY_MS).toISOString(),
    );
    const spam = evaluateSpam(
      comment,
      {
        honeypotFilled: submission.honeypot.trim() !== '',
        elapsedMs,
        formExpired,
        duplicate,
      },
      config,
    );
    const parent = comment.parentId ? await repo.findComment(trx, comment.parentId) : undefined;
    // A reply to a comment that is gone or not public stays a top-level comment, never lost.
    const usableParent =
      parent?.article_id === submission.articleId && parent.status === 'approved' ? parent : undefined;
    const atMaxDepth = usableParent !== undefined && usableParent.depth >= MAX_DEPTH;
    let status: CommentStatus = 'pending';
    // A known author is approved at once only from a browser that proved the address; anyone
    // else typing it is held, and the confirmation link mailed to the address publishes it.
    const proven = isAddressProven(keys.signingKey, submission.proofCookie, comment.email);
    let awaitingProof = false;
    if (spam.verdict === 'spam') status = 'spam';
    else if (
      spam.verdict === 'clean' &&
      config.autoApproveKnownAuthors &&
      (await repo.hasApprovedComment(trx, comment.email))
    ) {
      if (proven) status = 'approved';
      else awaitingProof = true;
    }
    const id = randomUUID();
    await repo.insertComment(trx, {
      id,
      article_id: submission.articleId,
      parent_id: atMaxDepth ? usableParent.parent_id : (usableParent?.id ?? null),
      depth: usableParent ? Math.min(usableParent.depth + 1, MAX_DEPTH) : 0,
      author_name: comment.name,
      author_email: comment.email,
      author_website: comment.website,
      body: comment.body,
      body_hash: hash,
      status,
      signals: JSON.stringify(spam.signals),
      ip_hash: ipHash,
      created_at: nowIso,
      moderated_at: status === 'approved' ? nowIso : null,
    });
    await queueCommentMail(
      trx,
      {
        id,
        articleId: submission.articleId,
        email: comment.email,
        authorName: comment.name,
        body: comment.body,
        status,
        followReplies: submission.values.notifyReplies === 'on',
        proven,
        awaitingProof,
      },
      now,
    );
    return { kind: 'stored', id, status };
  });
}
