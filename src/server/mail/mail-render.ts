/**
 * Turns an outbox row into the mail it stands for, when it is sent: subscription mails list
 * the batch's (or the digest period's) events in the subscriber's current categories, so a
 * subscriber who left or changed categories meanwhile gets nothing, or only what they follow.
 * Returns undefined when there is nothing left to send.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { SubscriptionRecord } from './address.repository.ts';
import type { ArticleFacts } from './article-alerts.ts';
import type { ReplyFacts } from './comment-mail.ts';
import { findConfirmation, isFollowing } from './confirmation.repository.ts';
import { hashToken, parseIntent } from './confirmation.service.ts';
import type { DigestWindow } from './digest.ts';
import {
  type EventRow,
  listBatchEvents,
  listEventsBetween,
  takeModerationItems,
} from './event.repository.ts';
import type { OutboxRow } from './mail.table.ts';
import { type MailLinks, manageToken } from './mail-links.ts';
import { type MailContent, type MailItem, renderMailBodies } from './mail-template.ts';
import type { RoleFacts } from './role-alerts.ts';
import { FREQUENCY_CHOICES } from './subscription.validation.ts';

/** A mail ready for the transport or the Outbox page. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** What rendering a batch needs, loaded once per batch. */
export interface RenderContext {
  db: Kysely<Database>;
  siteName: string;
  siteUrl: string;
  links: MailLinks;
  signingKey: Buffer;
  categoryName(id: string): string;
  articleTitle(id: string): string;
  /** The batch's recipients' active subscriptions, by address id. */
  subscriptions: Map<string, SubscriptionRecord>;
  /** Events by batch id or digest window, shared by every row of a drain. */
  eventCache: Map<string, Promise<EventRow[]>>;
}

function listNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function matching(events: EventRow[], categories: string[]): EventRow[] {
  return events.filter((event) => event.categories.split(',').some((c) => categories.includes(c)));
}

function namesOf(events: EventRow[], categories: string[], ctx: RenderContext): string[] {
  const found = new Set(
    events.flatMap((event) => event.categories.split(',')).filter((c) => categories.includes(c)),
  );
  return [...found].map((id) => ctx.categoryName(id));
}

function roleItem(event: EventRow, ctx: RenderContext): MailItem {
  const role = JSON.parse(event.payload) as RoleFacts;
  return {
    title: role.title,
    url: ctx.links.job(event.ref_id),
    lines: [`${role.company} · ${role.location}`, ...(role.salary ? [role.salary] : [])],
  };
}

function articleItem(event: EventRow, ctx: RenderContext): MailItem {
  const article = JSON.parse(event.payload) as ArticleFacts;
  return { title: article.title, url: ctx.links.article(event.ref_id), lines: [article.description] };
}

function cached(ctx: RenderContext, key: string, load: () => Promise<EventRow[]>): Promise<EventRow[]> {
  let events = ctx.eventCache.get(key);
  if (!events) {
    events = load();
    ctx.eventCache.set(key, events);
  }
  return events;
}

function subscriberFooter(row: OutboxRow, sub: SubscriptionRecord, ctx: RenderContext) {
  const manage = manageToken(ctx.signingKey, row.address_id ?? '');
  const what =
    sub.articles && sub.roles ? 'new articles and roles' : sub.articles ? 'new articles' : 'new roles';
  const often =
    FREQUENCY_CHOICES.find((f) => f.value === sub.frequency)?.label.toLowerCase() ?? sub.frequency;
  return {
    footer: {
      text: `You get this because ${row.recipient} subscribed to ${what} in ${listNames(sub.categories.map((c) => ctx.categoryName(c)))} (${often}).`,
      links: [
        { label: 'Change what you receive or unsubscribe', url: ctx.links.preferences(manage) },
        { label: 'Unsubscribe', url: ctx.links.unsubscribe(manage, 'news') },
      ],
    },
    headers: {
      'List-Unsubscribe': `<${ctx.links.oneClick(manage, 'news')}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

async function subscriptionMail(
  row: OutboxRow,
  ctx: RenderContext,
): Promise<[MailContent, Record<string, string>] | undefined> {
  const sub = row.address_id ? ctx.subscriptions.get(row.address_id) : undefined;
  if (!sub) return undefined;
  const { footer, headers } = subscriberFooter(row, sub, ctx);
  let roles: EventRow[] = [];
  let articles: EventRow[] = [];
  if (row.kind === 'digest') {
    const window = JSON.parse(row.payload) as DigestWindow;
    const events = await cached(ctx, `window:${window.from}:${window.to}`, () =>
      listEventsBetween(ctx.db, window.from, window.to, ['role', 'article']),
    );
    roles = sub.roles
      ? matching(
          events.filter((e) => e.kind === 'role'),
          sub.categories,
        )
      : [];
    articles = sub.articles
      ? matching(
          events.filter((e) => e.kind === 'article'),
          sub.categories,
        )
      : [];
  } else {
    const events = matching(
      await cached(ctx, row.batch_id ?? '', () => listBatchEvents(ctx.db, row.batch_id ?? '')),
      sub.categories,
    );
    if (row.kind === 'roles' && sub.roles) roles = events;
    if (row.kind === 'articles' && sub.articles) articles = events;
  }
  if (roles.length === 0 && articles.length === 0) return undefined;
  const rolesHeading = `New ${listNames(namesOf(roles, sub.categories, ctx))} roles`;
  const articlesHeading = `New in ${listNames(namesOf(articles, sub.categories, ctx))}`;
  const sections = [
    ...(roles.length > 0 ? [{ heading: rolesHeading, items: roles.map((e) => roleItem(e, ctx)) }] : []),
    ...(articles.length > 0
      ? [{ heading: articlesHeading, items: articles.map((e) => articleItem(e, ctx)) }]
      : []),
  ];
  const count = (n: number, what: string) => `${n} new ${what}${n === 1 ? '' : 's'}`;
  const parts = [
    ...(roles.length ? [count(roles.length, 'role')] : []),
    ...(articles.length ? [count(articles.length, 'article')] : []),
  ];
  if (row.kind === 'digest') {
    const subject = `Your ${sub.frequency} digest: ${parts.join(' and ')}`;
    return [{ subject, heading: subject, intro: [], sections, footer }, headers];
  }
  const subject = roles.length > 0 ? rolesHeading : articlesHeading;
  const intro =
    roles.length > 0
      ? ['These roles have just opened with the companies we work with.']
      : ['Just published:'];
  return [
    { subject, heading: subject, intro, sections: sections.map((s) => ({ items: s.items })), footer },
    headers,
  ];
}

async function confirmationMail(row: OutboxRow, ctx: RenderContext): Promise<MailContent | undefined> {
  const { token } = JSON.parse(row.payload) as { token?: string };
  const stored = token ? await findConfirmation(ctx.db, hashToken(token)) : undefined;
  if (!token || !stored) return undefined;
  const intent = parseIntent(stored.payload);
  const asked: string[] = [];
  if (intent.subscribe) {
    const s = intent.subscribe;
    const what = s.articles && s.roles ? 'new articles and roles' : s.articles ? 'new articles' : 'new roles';
    asked.push(`to receive ${what} in ${listNames(s.categories.map((c) => ctx.categoryName(c)))} by email`);
  }
  if (intent.approve?.length) asked.push('to publish the comment you posted with this address');
  if (intent.follow?.length) asked.push('to be told by email when someone replies to your comment');
  const subject = intent.subscribe ? 'Confirm your subscription' : 'Confirm your email address';
  return {
    subject,
    heading: subject,
    intro: [
      `Someone, hopefully you, asked ${ctx.siteName} ${listNames(asked)}.`,
      'Nothing is sent until you confirm.',
    ],
    sections: [],
    action: { label: 'Confirm', url: ctx.links.confirm(token) },
    closing: [
      'The link works once and expires in 48 hours. If you did not ask for this, ignore this mail: we will not write again.',
    ],
    footer: {
      text: `You get this one mail because ${row.recipient} was entered on ${ctx.siteUrl}.`,
      links: [{ label: ctx.siteName, url: `${ctx.siteUrl}/` }],
    },
  };
}

async function moderationMail(row: OutboxRow, ctx: RenderContext): Promise<MailContent | undefined> {
  const items = await takeModerationItems(ctx.db, row.batch_id ?? row.id);
  if (items.length === 0) return undefined;
  const subject = `${items.length} comment${items.length === 1 ? '' : 's'} held for moderation`;
  return {
    subject,
    heading: subject,
    intro: ['These comments wait for a moderator (the links ask you to log in first).'],
    sections: [
      {
        items: items.map((item) => ({
          title: `${item.author_name} on “${ctx.articleTitle(item.article_id)}”`,
          url: ctx.links.adminQueue(),
          lines: [item.excerpt.length >= 600 ? `${item.excerpt}…` : item.excerpt],
          links: [
            { label: 'Approve', url: ctx.links.moderate(item.comment_id, 'approve') },
            { label: 'Mark as spam', url: ctx.links.moderate(item.comment_id, 'spam') },
          ],
        })),
      },
    ],
    footer: {
      text: `You get this because MODERATOR_EMAIL lists ${row.recipient}.`,
      links: [{ label: 'The moderation queue', url: ctx.links.adminQueue() }],
    },
  };
}

async function replyMail(
  row: OutboxRow,
  ctx: RenderContext,
): Promise<[MailContent, Record<string, string>] | undefined> {
  const reply = JSON.parse(row.payload) as ReplyFacts;
  if (!row.address_id || !(await isFollowing(ctx.db, row.address_id, reply.parentId))) return undefined;
  const manage = manageToken(ctx.signingKey, row.address_id);
  const title = ctx.articleTitle(reply.articleId);
  const subject = `${reply.authorName} replied to your comment on “${title}”`;
  const url = ctx.links.comment(reply.articleId, reply.commentId);
  return [
    {
      subject,
      heading: subject,
      intro: reply.body.split(/\n{2,}/),
      sections: [],
      action: { label: 'Read the reply', url },
      footer: {
        text: `You get this because ${row.recipient} asked to hear of replies to a comment.`,
        links: [
          { label: 'Stop reply notifications', url: ctx.links.unsubscribe(manage, 'replies') },
          { label: 'Your email preferences', url: ctx.links.preferences(manage) },
        ],
      },
    },
    {
      'List-Unsubscribe': `<${ctx.links.oneClick(manage, 'replies')}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  ];
}

/** Renders a row; undefined when nothing is left to say (unsubscribed, paused, nothing new). */
export async function renderOutboxRow(row: OutboxRow, ctx: RenderContext): Promise<RenderedMail | undefined> {
  let content: MailContent | undefined;
  let headers: Record<string, string> = {};
  if (row.kind === 'confirm') content = await confirmationMail(row, ctx);
  else if (row.kind === 'moderation') content = await moderationMail(row, ctx);
  else if (row.kind === 'reply') [content, headers] = (await replyMail(row, ctx)) ?? [undefined, {}];
  else [content, headers] = (await subscriptionMail(row, ctx)) ?? [undefined, {}];
  if (!content) return undefined;
  return { subject: content.subject, headers, ...renderMailBodies(content, ctx.siteName, ctx.siteUrl) };
}
