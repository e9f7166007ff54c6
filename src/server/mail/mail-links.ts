/** Every link a mail carries, absolute to SITE_URL, and the signed tokens inside them. */
import { sign, unsign } from '../platform/signed-value.ts';

/** Which mails an unsubscribe link stops: the subscription's, or reply notifications. */
export type MailList = 'news' | 'replies';

// The prefix keeps another signed value of the site (a form token, a cookie) from passing as this one.
const MANAGE = 'm-';

/** The signed token of an address's preferences and unsubscribe links. It does not expire. */
export function manageToken(key: Buffer, addressId: string): string {
  return sign(key, `${MANAGE}${addressId}`);
}

/** The address id a preferences or unsubscribe token names, or undefined if it is not ours. */
export function readManageToken(key: Buffer, token: string | null | undefined): string | undefined {
  const value = unsign(key, token ?? undefined);
  return value?.startsWith(MANAGE) ? value.slice(MANAGE.length) : undefined;
}

/** Reads `?list=`: reply notifications, or (the default) the subscription. */
export function parseList(value: string | null | undefined): MailList {
  return value === 'replies' ? 'replies' : 'news';
}

/** Link builders for one site origin. */
export function mailLinks(siteUrl: string) {
  const at = (path: string, query: Record<string, string> = {}) => {
    const url = new URL(path, siteUrl);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return url.href;
  };
  return {
    confirm: (token: string) => at('/mail/confirm/', { token }),
    preferences: (manage: string) => at('/mail/preferences/', { s: manage }),
    unsubscribe: (manage: string, list: MailList) => at('/mail/unsubscribe/', { s: manage, list }),
    /** RFC 8058's List-Unsubscribe target: a POST to it unsubscribes, no page needed. */
    oneClick: (manage: string, list: MailList) => at('/mail/one-click/', { s: manage, list }),
    job: (id: string) => at(`/jobs/${encodeURIComponent(id)}/`),
    article: (id: string) => at(`/blog/${encodeURIComponent(id)}/`),
    comment: (articleId: string, commentId: string) =>
      `${at(`/blog/${encodeURIComponent(articleId)}/comments/`)}#comment-${commentId}`,
    moderate: (commentId: string, action: 'approve' | 'spam') =>
      at('/admin/moderate/', { id: commentId, action }),
    adminQueue: () => at('/admin/', { status: 'pending' }),
    subscribe: () => at('/mail/subscribe/'),
  };
}

/** The link builders' type. */
export type MailLinks = ReturnType<typeof mailLinks>;
