/**
 * Turns an outbox row into the mail it stands for, when it is sent: the confirmation, the
 * moderators' notice and the reply mail here, the subscription mails in news-mail.ts.
 * Returns undefined when there is nothing left to send.
 */
import type { ReplyFacts } from './comment-mail.service.ts';
import { findConfirmation, isFollowing } from './confirmation.repository.ts';
import { hashToken, parseIntent } from './confirmation.service.ts';
import { takeModerationItems } from './event.repository.ts';
import type { OutboxRow } from './mail.table.ts';
import { manageToken } from './mail-links.ts';
import { type MailContent, renderMailBodies } from './mail-template.ts';
import { renderNewsMail } from './news-mail.ts';
import { listNames, type RenderContext } from './render-context.ts';

export type { RenderContext } from './render-context.ts';

/** A mail ready for the transport or the Outbox page. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
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
  else [content, headers] = (await renderNewsMail(row, ctx)) ?? [undefined, {}];
  if (!content) return undefined;
  return { subject: content.subject, headers, ...renderMailBodies(content, ctx.siteName, ctx.siteUrl) };
}
