/**
 * The mail pages' form handling (post/redirect/get): each function reads the post, makes one
 * call into the feature and answers with a redirect, or with what the page must show again
 * (the reader's input and the errors) when the post cannot be taken.
 */
import type { AstroCookies } from 'astro';
import { type Db, getDb } from '../platform/db/database.ts';
import { readLimitedForm, secureCookies } from '../platform/request.ts';
import { getAppKeys } from '../platform/secrets.ts';
import { PROOF_COOKIE, setProofCookie } from './address-proof.service.ts';
import { heldForProof } from './comment-mail.service.ts';
import { confirmLink } from './confirmation.service.ts';
import { manageToken, parseList, readManageToken } from './mail-links.ts';
import { wakeSender } from './sender-wake.ts';
import { requestSubscription, savePreferences, unsubscribe } from './subscription.service.ts';
import {
  readSubscribeForm,
  type SubscribeErrors,
  type SubscribeFormValues,
  validateSubscription,
} from './subscription.validation.ts';

/** Largest mail form accepted, in bytes. */
const MAX_FORM_BYTES = 16 * 1024;

/** The messages the mail pages show. */
export const MAIL_MESSAGES = {
  checkInbox:
    'Check your inbox: we have sent a link to confirm. It works once, for 48 hours, and nothing is sent until you open it. If no mail arrives within ten minutes, look in your spam folder.',
  subscribed: 'You are subscribed. Every mail has a link to change what you receive or to leave.',
  invalid:
    'Your subscription was not saved: please correct the fields below. Everything you chose is still here.',
  unavailable:
    'Subscriptions cannot be saved right now. Everything you chose is still here: please try again in a minute.',
  unreadable: 'The form could not be read. Please send it again.',
  badLink: 'This link is not valid. Use the link in your most recent mail from us.',
} as const;

/** A post the page shows again. */
export interface FormFailure {
  status: number;
  message: string;
  values: SubscribeFormValues;
  errors: SubscribeErrors;
}

const redirect = (location: string) => new Response(null, { status: 303, headers: { Location: location } });
const emptyValues: SubscribeFormValues = { email: '', categories: [], kinds: 'both', frequency: 'instant' };

/** A same-site path to go back to, from the form's hidden `from` field or the page's `?from=`. */
export function backPath(value: FormDataEntryValue | null): string {
  const path = typeof value === 'string' ? value : '';
  return /^\/(?!\/)[\w\-./]*$/.test(path) ? path : '/';
}

/** Handles the subscription form (POST /mail/subscribe/). */
export async function postSubscribe(context: {
  request: Request;
  cookies: AstroCookies;
  knownCategories: ReadonlySet<string>;
}): Promise<Response | FormFailure> {
  const form = await readLimitedForm(context.request, MAX_FORM_BYTES);
  if (typeof form === 'string')
    return {
      status: form === 'too-large' ? 413 : 400,
      message: MAIL_MESSAGES.unreadable,
      values: emptyValues,
      errors: {},
    };
  const values = readSubscribeForm(form);
  const checked = validateSubscription(values, context.knownCategories);
  if (!checked.ok) return { status: 422, message: MAIL_MESSAGES.invalid, values, errors: checked.errors };
  try {
    const db = await getDb();
    const outcome = await requestSubscription(db, {
      email: checked.email,
      choice: checked.choice,
      proofCookie: context.cookies.get(PROOF_COOKIE)?.value,
      signingKey: (await getAppKeys(db)).signingKey,
    });
    wakeSender();
    const from = encodeURIComponent(backPath(form.get('from')));
    return redirect(
      `/mail/subscribe/?done=${outcome === 'subscribed' ? 'subscribed' : 'check'}&from=${from}`,
    );
  } catch (error) {
    console.error(
      `[mail] could not take a subscription: ${error instanceof Error ? error.message : String(error)}`,
    );
    return { status: 503, message: MAIL_MESSAGES.unavailable, values, errors: {} };
  }
}

/**
 * Uses a confirmation link (POST /mail/confirm/): proves the address in this browser (the
 * cookie), and hands the comments it publishes to `approveComments` (comment moderation).
 */
export async function postConfirm(context: {
  request: Request;
  cookies: AstroCookies;
  approveComments: (db: Db, ids: string[]) => Promise<unknown>;
}): Promise<Response> {
  const form = await readLimitedForm(context.request, MAX_FORM_BYTES);
  const token = typeof form === 'string' ? '' : String(form.get('token') ?? '');
  const db = await getDb();
  const outcome = await confirmLink(db, token);
  if (outcome.state !== 'confirmed') return redirect(`/mail/confirm/?done=${outcome.state}`);
  const keys = await getAppKeys(db);
  setProofCookie(context.cookies, keys.signingKey, outcome.email, secureCookies(context.request));
  const held = await heldForProof(db, outcome.approve, outcome.email);
  if (held.length > 0) await context.approveComments(db, held);
  const what = outcome.subscribed ? 'subscription' : held.length > 0 ? 'comment' : 'replies';
  return redirect(
    `/mail/confirm/?done=${what}&s=${encodeURIComponent(manageToken(keys.signingKey, outcome.addressId))}`,
  );
}

/** The address a page's `?s=` token names, or undefined when the link is not ours. */
export async function addressFromLink(
  url: URL,
): Promise<{ db: Db; addressId: string | undefined; token: string }> {
  const db = await getDb();
  const token = url.searchParams.get('s') ?? '';
  return { db, addressId: readManageToken((await getAppKeys(db)).signingKey, token), token };
}

/** Handles the preferences form (POST /mail/preferences/?s=…): save, or leave everything. */
export async function postPreferences(context: {
  request: Request;
  url: URL;
  knownCategories: ReadonlySet<string>;
}): Promise<Response | FormFailure> {
  const { db, addressId, token } = await addressFromLink(context.url);
  const form = await readLimitedForm(context.request, MAX_FORM_BYTES);
  if (!addressId) return { status: 400, message: MAIL_MESSAGES.badLink, values: emptyValues, errors: {} };
  if (typeof form === 'string')
    return { status: 400, message: MAIL_MESSAGES.unreadable, values: emptyValues, errors: {} };
  const here = `/mail/preferences/?s=${encodeURIComponent(token)}`;
  if (form.get('action') === 'leave') {
    await unsubscribe(db, addressId, 'all');
    return redirect(`${here}&done=left`);
  }
  const values = { ...readSubscribeForm(form), email: 'address@from.link' };
  const checked = validateSubscription(values, context.knownCategories);
  if (!checked.ok) return { status: 422, message: MAIL_MESSAGES.invalid, values, errors: checked.errors };
  await savePreferences(db, addressId, checked.choice);
  return redirect(`${here}&done=saved`);
}

/** Handles the unsubscribe page's button (POST /mail/unsubscribe/?s=…&list=…). */
export async function postUnsubscribe(context: { request: Request; url: URL }): Promise<Response> {
  await readLimitedForm(context.request, MAX_FORM_BYTES);
  const { db, addressId, token } = await addressFromLink(context.url);
  const list = parseList(context.url.searchParams.get('list'));
  if (addressId) await unsubscribe(db, addressId, list);
  return redirect(
    `/mail/unsubscribe/?s=${encodeURIComponent(token)}&list=${list}&done=${addressId ? '1' : 'bad'}`,
  );
}
