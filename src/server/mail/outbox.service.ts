import type { Db } from '../platform/db/database.ts';
import type { OutboxRow, OutboxStatus } from './mail.table.ts';
import { countOutbox, listOutbox } from './outbox.repository.ts';

/** The Outbox page's filters, in display order. */
export const OUTBOX_FILTERS: readonly OutboxStatus[] = ['kept', 'queued', 'failed', 'sent', 'skipped'];

/** The newest mails (one status, or all) and how many each status holds. */
export interface OutboxView {
  filter: OutboxStatus | undefined;
  messages: OutboxRow[];
  counts: Record<OutboxStatus, number>;
}

/** Reads ?status= leniently: an unknown value shows every mail. */
export function parseOutboxFilter(value: string | null): OutboxStatus | undefined {
  return OUTBOX_FILTERS.find((status) => status === value);
}

/** The Outbox for the admin: the 100 newest mails of the filter, and the counts. */
export async function getOutbox(db: Db, filter: OutboxStatus | undefined): Promise<OutboxView> {
  const [messages, counts] = await Promise.all([
    listOutbox(db, { ...(filter ? { statuses: [filter] } : {}), limit: 100 }),
    countOutbox(db),
  ]);
  return { filter, messages, counts };
}

/** A kept mail's text as HTML for the Outbox: escaped, with its links clickable. */
export function textBodyAsHtml(text: string): string {
  return text
    .replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/https?:\/\/[^\s<]+/g, (url) => `<a class="underline" href="${url}">${url}</a>`);
}
