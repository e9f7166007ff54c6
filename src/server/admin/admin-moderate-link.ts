import { failureLog } from '../platform/log.ts';
import { type AdminRequest, requireAdmin } from './admin-http.ts';

/** One comment and one action from a moderators' mail, to confirm with a button. */
export interface ModerateLinkView {
  /** The comment's id, or undefined when the link names none. */
  id: string | undefined;
  action: 'approve' | 'spam';
  label: string;
}

const report = failureLog('admin');
const COMMENT_ID = /^[0-9a-f-]{36}$/;

/**
 * Where the moderators' mail links lead (`/admin/moderate/?id=…&action=…`): nothing changes on
 * a GET; the page shows a button that posts the action to the moderation queue.
 */
export async function handleModerateLinkPage(page: AdminRequest): Promise<Response | ModerateLinkView> {
  const db = await requireAdmin(page, (error) =>
    report('a moderation link could not reach the database', error),
  );
  if (db instanceof Response) return db;
  const id = page.url.searchParams.get('id') ?? '';
  const action = page.url.searchParams.get('action') === 'spam' ? 'spam' : 'approve';
  const valid = COMMENT_ID.test(id);
  if (!valid) page.response.status = 400;
  return { id: valid ? id : undefined, action, label: action === 'spam' ? 'Mark as spam' : 'Approve' };
}
