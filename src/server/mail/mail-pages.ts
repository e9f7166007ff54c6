/**
 * The mail pages (/mail/subscribe/, confirm/, preferences/, unsubscribe/). Each handler
 * answers a post with the redirect of mail-forms.ts (post/redirect/get), or sets the page's
 * status and Cache-Control and returns what the page shows.
 */
import type { AstroCookies } from 'astro';
import { type Db, getDb } from '../platform/db/database.ts';
import { type ConfirmationIntent, inspectConfirmation } from './confirmation.service.ts';
import {
  addressFromLink,
  backPath,
  type FormFailure,
  MAIL_MESSAGES,
  postConfirm,
  postPreferences,
  postSubscribe,
  postUnsubscribe,
} from './mail-forms.ts';
import { parseList } from './mail-links.ts';
import { getPreferences } from './subscription.service.ts';
import { kindsValue } from './subscription.validation.ts';

/** What a mail page reads of Astro's page context, and the response it sets. */
export interface MailPageContext {
  request: Request;
  url: URL;
  cookies: AstroCookies;
  response: { status?: number | undefined; headers: Headers };
}

/** A category as the forms list it. */
export interface Category {
  id: string;
  name: string;
}

/**
 * Runs a page's form handler when the request is its POST: the handler's redirect, or the
 * failure the page shows again with the handler's status; undefined for a GET.
 */
async function postForm(
  context: MailPageContext,
  post: () => Promise<Response | FormFailure>,
): Promise<Response | FormFailure | undefined> {
  if (context.request.method !== 'POST') return undefined;
  const result = await post();
  if (!(result instanceof Response)) context.response.status = result.status;
  return result;
}

/** Every mail page is about one reader's address: no cache may keep it. */
function keepPrivate(context: MailPageContext): void {
  context.response.headers.set('Cache-Control', 'private, no-store');
}

/** The preferences page of the address a `?s=` token names. */
const preferencesHref = (token: string) => `/mail/preferences/?s=${encodeURIComponent(token)}`;

/** What /mail/subscribe/ shows: the outcome with a link back, or the form (again, after a failed post). */
export interface SubscribePage {
  categories: Category[];
  notice: string | undefined;
  /** Where "Back to where you were" goes, and the form's `from`. */
  back: string;
  failed: FormFailure | undefined;
}

/** Handles /mail/subscribe/: the subscription form's target (POST) and its answer page (GET ?done=…). */
export async function handleSubscribePage(
  context: MailPageContext,
  categories: Category[],
): Promise<Response | SubscribePage> {
  const failed = await postForm(context, () =>
    postSubscribe({
      request: context.request,
      cookies: context.cookies,
      knownCategories: new Set(categories.map((c) => c.id)),
    }),
  );
  if (failed instanceof Response) return failed;
  keepPrivate(context);
  const done = context.url.searchParams.get('done');
  const back = backPath(context.url.searchParams.get('from'));
  const notice =
    done === 'subscribed'
      ? MAIL_MESSAGES.subscribed
      : done === 'check'
        ? MAIL_MESSAGES.checkInbox
        : undefined;
  return { categories, notice, back, failed };
}

const CONFIRM_OUTCOMES: Record<string, string> = {
  subscription:
    'Your subscription is confirmed. The next new articles and roles in your categories will reach you.',
  comment:
    'Your address is confirmed and your comment is published. Comments you post from this browser now appear at once.',
  replies: 'Your address is confirmed. You will hear of replies to your comment.',
  used: 'This link has been used already: it works once. Nothing else is needed.',
  expired:
    'This link has expired (links work for 48 hours). Subscribe again, or post again, to get a new one.',
  unknown: 'This link is not valid. Use the link in your most recent mail from us.',
};

/** What /mail/confirm/ shows: the outcome of a link, or what confirming an open link does. */
export type ConfirmPage =
  | { kind: 'outcome'; message: string; preferencesHref: string | undefined }
  | { kind: 'ask'; email: string | undefined; asks: ConfirmationIntent | undefined; token: string };

/**
 * Handles a confirmation link's page: GET shows what confirming does and a button (so a mail
 * scanner that follows links confirms nothing); POST uses the link once, and hands the
 * comments it publishes to `approveComments` (comment moderation).
 */
export async function handleConfirmPage(
  context: MailPageContext,
  approveComments: (db: Db, ids: string[]) => Promise<unknown>,
): Promise<Response | ConfirmPage> {
  if (context.request.method === 'POST')
    return postConfirm({ request: context.request, cookies: context.cookies, approveComments });
  keepPrivate(context);
  const done = context.url.searchParams.get('done');
  const token = context.url.searchParams.get('token') ?? '';
  const manage = context.url.searchParams.get('s');
  const link = done ? undefined : await inspectConfirmation(await getDb(), token);
  const state = done ?? (link?.state === 'open' ? undefined : link?.state);
  if (state && ['used', 'expired', 'unknown'].includes(state))
    context.response.status = state === 'unknown' ? 404 : 410;
  if (state)
    return {
      kind: 'outcome',
      message: CONFIRM_OUTCOMES[state] ?? (CONFIRM_OUTCOMES['unknown'] as string),
      preferencesHref: manage ? preferencesHref(manage) : undefined,
    };
  const open = link?.state === 'open' ? link : undefined;
  return { kind: 'ask', email: open?.email, asks: open?.intent, token };
}

/** What /mail/preferences/ shows: the form with the reader's choices, or that the link is not ours. */
export type PreferencesPage =
  | { kind: 'bad-link'; message: string }
  | {
      kind: 'form';
      email: string;
      subscribed: boolean;
      paused: boolean;
      notice: string | undefined;
      failed: FormFailure | undefined;
      categories: Category[];
      /** The stored choices, or after a failed post the reader's. */
      values: { categories: string[]; kinds: string; frequency: string };
    };

/** Handles the preferences link of every mail: change categories, kinds and frequency, or leave. */
export async function handlePreferencesPage(
  context: MailPageContext,
  categories: Category[],
): Promise<Response | PreferencesPage> {
  const failed = await postForm(context, () =>
    postPreferences({
      request: context.request,
      url: context.url,
      knownCategories: new Set(categories.map((c) => c.id)),
    }),
  );
  if (failed instanceof Response) return failed;
  keepPrivate(context);
  const { db, addressId } = await addressFromLink(context.url);
  const preferences = addressId ? await getPreferences(db, addressId) : undefined;
  if (!preferences) {
    if (!failed) context.response.status = 400;
    return { kind: 'bad-link', message: MAIL_MESSAGES.badLink };
  }
  const sub = preferences.subscription;
  const done = context.url.searchParams.get('done');
  return {
    kind: 'form',
    email: preferences.email,
    subscribed: sub !== undefined,
    paused: preferences.paused,
    notice:
      done === 'saved'
        ? 'Your preferences are saved.'
        : done === 'left'
          ? 'You are unsubscribed from every mail. You can subscribe again below.'
          : undefined,
    failed,
    categories,
    values: {
      categories: failed?.values.categories ?? sub?.categories ?? [],
      kinds: failed?.values.kinds ?? (sub ? kindsValue(sub) : 'both'),
      frequency: failed?.values.frequency ?? sub?.frequency ?? 'instant',
    },
  };
}

/** What /mail/unsubscribe/ shows: the button, the outcome, or that the link is not ours. */
export type UnsubscribePage =
  | { kind: 'bad-link'; message: string }
  | { kind: 'ask' | 'done'; what: string; preferencesHref: string };

/**
 * Handles the unsubscribe link of every mail: a button (POST) that stops that list's mails.
 * (RFC 8058's one-click POST goes to /mail/one-click/, answered in mail-http.ts.)
 */
export async function handleUnsubscribePage(context: MailPageContext): Promise<Response | UnsubscribePage> {
  if (context.request.method === 'POST')
    return postUnsubscribe({ request: context.request, url: context.url });
  keepPrivate(context);
  const { addressId, token } = await addressFromLink(context.url);
  if (!addressId) {
    context.response.status = 400;
    return { kind: 'bad-link', message: MAIL_MESSAGES.badLink };
  }
  const list = parseList(context.url.searchParams.get('list'));
  return {
    kind: context.url.searchParams.get('done') ? 'done' : 'ask',
    what: list === 'replies' ? 'mails about replies to your comments' : 'new articles and roles by email',
    preferencesHref: preferencesHref(token),
  };
}
