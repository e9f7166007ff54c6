import { getOutbox, type OutboxView, parseOutboxFilter } from '../mail/outbox.service.ts';
import { failureLog } from '../platform/log.ts';
import { type AdminRequest, plainText, requireAdmin, UNAVAILABLE_MESSAGE } from './admin-http.ts';

const report = failureLog('admin');

/**
 * The Outbox (`/admin/outbox/`): the mails the site queued, sent or kept (without SMTP_URL
 * they are kept here to be read). Returns a Response to send as is, or the view to render.
 */
export async function handleOutboxPage(page: AdminRequest): Promise<Response | OutboxView> {
  const db = await requireAdmin(page, (error) => report('the outbox could not reach the database', error));
  if (db instanceof Response) return db;
  try {
    return await getOutbox(db, parseOutboxFilter(page.url.searchParams.get('status')));
  } catch (error) {
    report('the outbox could not be read', error);
    return plainText(503, UNAVAILABLE_MESSAGE, { 'Retry-After': '30' });
  }
}
