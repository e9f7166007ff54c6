import type { CommentStatus } from './comment.table.ts';

/** What the reader is told once a comment is stored. Spam is not revealed as such. */
export function storedMessage(status: CommentStatus): string {
  return status === 'approved'
    ? 'Thank you! Your comment is published.'
    : 'Thank you! Your comment is held for moderation and will appear once it is approved.';
}

/** Every other outcome's message; each promises the reader's text is still there. */
export const MESSAGES = {
  invalid:
    'Your comment was not posted: please correct the fields below. Everything you typed is still here.',
  staleForm:
    'This form could not be verified (it may come from an older page), so nothing was posted. Your text is still here: please post it again.',
  unavailable:
    'Comments cannot be saved right now (the database is unavailable). Your text is still here: please try again in a minute.',
  tooLarge: 'Your comment is too large to send. Please shorten it to 5,000 characters.',
  malformed: 'Your comment could not be read. Please post it again from the form.',
  loadFailed:
    'Comments cannot be loaded right now. You can still write your comment; if posting fails, your text stays in the form.',
} as const;

/** The 429 message, with when to try again. */
export function rateLimitedMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `You have posted several comments in a short time. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and post again. Your text is still here.`;
}
