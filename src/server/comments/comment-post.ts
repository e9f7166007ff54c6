import type { AstroCookies } from 'astro';
import { PROOF_COOKIE } from '../mail/address-proof.service.ts';
import { failureLog } from '../platform/log.ts';
import { clientAddressOf, readLimitedForm, secureCookies } from '../platform/request.ts';
import { getAppKeys } from '../platform/secrets.ts';
import { readCommentsConfig } from './comment.config.ts';
import { submitComment } from './comment.service.ts';
import { type CommentErrors, type CommentFormValues, readFormValues } from './comment.validation.ts';
import { commentsDb } from './comment-housekeeping.ts';
import { MESSAGES, rateLimitedMessage, storedMessage } from './comment-messages.ts';
import { encodeOutcome, OUTCOME_COOKIE } from './comment-outcome.ts';
import { createFormToken } from './comment-token.ts';

/**
 * Largest comment post accepted, in bytes. 5,000 four-byte characters percent-encoded take
 * 60 KB, so a legitimate post always fits and an absurd one is refused with 413.
 */
export const MAX_COMMENT_BODY_BYTES = 96 * 1024;

/** A failed post, to render again with the reader's text and the right status. */
export interface FailedPost {
  status: number;
  message: string;
  values: CommentFormValues;
  errors: CommentErrors;
  headers: Record<string, string>;
}

const report = failureLog('comments');

interface PostContext {
  request: Request;
  cookies: AstroCookies;
  clientAddress: string | undefined;
  articleId: string;
}

function json(status: number, body: object, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

function page(status: number, text: string, back: string): Response {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Comment not posted</title><main><h1>Comment not posted</h1><p>${text}</p><p><a href="${back}">Back to the comments</a></p></main></html>`;
  return new Response(html, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/**
 * Handles a comment POST. Returns a Response (redirect, JSON for the in-place script, or a
 * body too large to read) or the failure to render in the form with everything typed.
 */
export async function postComment({
  request,
  cookies,
  clientAddress,
  articleId,
}: PostContext): Promise<Response | FailedPost> {
  const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
  const commentsPage = `/blog/${articleId}/comments/`;
  const form = await readLimitedForm(request, MAX_COMMENT_BODY_BYTES);
  if (form === 'too-large' || form === 'malformed') {
    const [status, text] = form === 'too-large' ? [413, MESSAGES.tooLarge] : [400, MESSAGES.malformed];
    return wantsJson ? json(status, { ok: false, message: text }) : page(status, text, commentsPage);
  }
  const values = readFormValues(form);
  const fail = (
    status: number,
    message: string,
    errors: CommentErrors = {},
    headers: Record<string, string> = {},
    token?: string,
  ) =>
    wantsJson
      ? json(status, { ok: false, message, errors, token }, headers)
      : { status, message, values, errors, headers };
  try {
    const db = await commentsDb();
    const outcome = await submitComment(
      db,
      {
        articleId,
        values,
        honeypot: String(form.get('contact_by_fax') ?? ''),
        token: String(form.get('token') ?? '') || undefined,
        clientAddress: clientAddressOf(request, clientAddress),
        proofCookie: cookies.get(PROOF_COOKIE)?.value,
      },
      readCommentsConfig(),
    );
    if (outcome.kind === 'invalid') return fail(422, MESSAGES.invalid, outcome.errors);
    if (outcome.kind === 'stale-form') {
      // The in-place script swaps in this token; a no-JS reader gets a freshly rendered form.
      const fresh = createFormToken((await getAppKeys(db)).signingKey, articleId, Date.now());
      return fail(422, MESSAGES.staleForm, {}, {}, fresh);
    }
    if (outcome.kind === 'rate-limited')
      return fail(
        429,
        rateLimitedMessage(outcome.retryAfterSeconds),
        {},
        { 'Retry-After': String(outcome.retryAfterSeconds) },
      );
    if (wantsJson) return json(201, { ok: true, message: storedMessage(outcome.status) });
    const keys = await getAppKeys(db);
    cookies.set(
      OUTCOME_COOKIE,
      // Spam reads as pending here too: the cookie is visible to whoever posted.
      encodeOutcome(keys.signingKey, {
        articleId,
        status: outcome.status === 'approved' ? 'approved' : 'pending',
        id: outcome.id,
      }),
      {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookies(request),
        maxAge: 300,
      },
    );
    const target =
      form.get('return') === 'article' ? `/blog/${articleId}/#comments` : `${commentsPage}#comment-form`;
    return new Response(null, { status: 303, headers: { Location: target } });
  } catch (error) {
    report('a comment could not be stored', error);
    return fail(503, MESSAGES.unavailable, {}, { 'Retry-After': '30' });
  }
}
