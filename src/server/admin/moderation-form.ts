import {
  type CommentStatus,
  MODERATION_ACTIONS,
  type ModerationAction,
} from '../comments/comment-moderation.service.ts';

/** The queue filters, in display order. */
export const STATUSES: readonly CommentStatus[] = ['pending', 'approved', 'spam'];

/** Reads ?status=, defaulting to the pending queue. */
export function parseStatus(value: string | null): CommentStatus {
  return STATUSES.find((status) => status === value) ?? 'pending';
}

/** A moderation request from the queue form: one comment's button, or a bulk button. */
export interface ModerationRequest {
  action: ModerationAction;
  ids: string[];
}

/**
 * Parses the form: a row button posts `action=approve:<id>`, a bulk button `action=approve`
 * with the ticked `id` checkboxes.
 */
export function parseModeration(form: FormData): ModerationRequest | undefined {
  const [verb, single] = String(form.get('action') ?? '').split(':');
  const action = MODERATION_ACTIONS.find((known) => known === verb);
  if (!action) return undefined;
  const ids = single ? [single] : form.getAll('id').map(String);
  return { action, ids: ids.filter((id) => /^[0-9a-f-]{36}$/.test(id)).slice(0, 500) };
}

const PAST: Record<ModerationAction, string> = {
  approve: 'approved',
  spam: 'marked as spam',
  unapprove: 'moved back to pending',
  delete: 'deleted',
};

/** The confirmation shown after the redirect, from `?done=<action>-<count>`. */
export function describeDone(value: string | null): string | undefined {
  const match = /^(approve|spam|unapprove|delete)-(\d{1,4})$/.exec(value ?? '');
  if (!match) return undefined;
  const count = Number(match[2]);
  return `${count} comment${count === 1 ? '' : 's'} ${PAST[match[1] as ModerationAction]}.`;
}

/** The row buttons each queue offers. */
export const ROW_ACTIONS: Record<CommentStatus, { action: ModerationAction; label: string }[]> = {
  pending: [
    { action: 'approve', label: 'Approve' },
    { action: 'spam', label: 'Spam' },
    { action: 'delete', label: 'Delete' },
  ],
  approved: [
    { action: 'unapprove', label: 'Unapprove' },
    { action: 'spam', label: 'Spam' },
    { action: 'delete', label: 'Delete' },
  ],
  spam: [
    { action: 'approve', label: 'Approve' },
    { action: 'unapprove', label: 'Not spam' },
    { action: 'delete', label: 'Delete' },
  ],
};
