/**
 * The subscription mails (new roles, new articles, digests), rendered when sent: they list
 * the batch's or the period's events in the subscriber's current categories and kinds, so a
 * subscriber who left or changed categories meanwhile gets nothing, or only what they follow.
 */
import type { SubscriptionRecord } from './address.repository.ts';
import type { ArticleFacts } from './article-alerts.ts';
import type { DigestWindow } from './digest.ts';
import { type EventRow, listBatchEvents, listEventsBetween } from './event.repository.ts';
import type { OutboxRow } from './mail.table.ts';
import { manageToken } from './mail-links.ts';
import type { MailContent, MailItem } from './mail-template.ts';
import { listNames, type RenderContext } from './render-context.ts';
import type { RoleFacts } from './role-alerts.service.ts';
import { FREQUENCY_CHOICES } from './subscription.validation.ts';

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

/** The mail of a roles, articles or digest row; undefined when there is nothing for this subscriber. */
export async function renderNewsMail(
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
