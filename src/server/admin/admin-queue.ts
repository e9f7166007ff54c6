import {
  type CommentStatus,
  getModerationQueue,
  moderateComments,
  type QueuedComment,
} from '../comments/comment-moderation.service.ts';
import { failureLog } from '../platform/log.ts';
import { readLimitedForm } from '../platform/request.ts';
import {
  type AdminRequest,
  applyAdminHeaders,
  getAdminAccess,
  plainText,
  redirectTo,
  UNAVAILABLE_MESSAGE,
} from './admin-http.ts';
import { describeDone, parseModeration, parseStatus } from './moderation-form.ts';

/** What the moderation queue page shows. */
export interface QueueView {
  /** The status being shown. */
  status: CommentStatus;
  /** The comments in it (the first 200). */
  comments: QueuedComment[];
  /** How many comments each status holds. */
  counts: Record<CommentStatus, number>;
  /** The confirmation of the last action, or what was wrong with the form. */
  notice: string | undefined;
}

const report = failureLog('admin');

function unavailable(error: unknown): Response {
  report('the moderation queue could not reach the database', error);
  return plainText(503, UNAVAILABLE_MESSAGE, { 'Retry-After': '30' });
}

/**
 * The moderation queue (`/admin/`): shows one status and applies the queue form's action
 * through the comments feature's moderation service. Returns a Response to send as is
 * (redirects, 401, 503) or the view to render.
 */
export async function handleQueuePage({
  request,
  url,
  cookies,
  response,
}: AdminRequest): Promise<Response | QueueView> {
  applyAdminHeaders(response.headers);
  let access: Awaited<ReturnType<typeof getAdminAccess>>;
  try {
    access = await getAdminAccess(cookies);
  } catch (error) {
    return unavailable(error);
  }
  if (access.state === 'anonymous' && request.method === 'POST') return plainText(401, 'Log in first.');
  if (access.state !== 'admin') return redirectTo('/admin/login/');
  const status = parseStatus(url.searchParams.get('status'));
  let notice = describeDone(url.searchParams.get('done'));
  try {
    if (request.method === 'POST') {
      const form = await readLimitedForm(request, 64 * 1024);
      const action = typeof form === 'string' ? undefined : parseModeration(form);
      if (action && action.ids.length > 0) {
        const changed = await moderateComments(access.db, action.ids, action.action);
        return redirectTo(`/admin/?status=${status}&done=${action.action}-${changed}`);
      }
      response.status = 400;
      notice = 'Tick at least one comment, then choose what to do with them.';
    }
    return { status, notice, ...(await getModerationQueue(access.db, status)) };
  } catch (error) {
    return unavailable(error);
  }
}
