import { type Config, getConfig } from '../platform/config/config.ts';

/** Moderation and anti-spam settings (docs/configuration.md lists each variable). */
export interface CommentsConfig {
  /** Approve at once when the email already has an approved comment (COMMENTS_AUTO_APPROVE). */
  autoApproveKnownAuthors: boolean;
  /** Seconds a reader must spend between the form being rendered and posting (COMMENTS_MIN_SECONDS). */
  minSeconds: number;
  /** Hours after which a rendered form's post is held rather than auto-approved (24). */
  formMaxAgeHours: number;
  /** Comments per client in the window (COMMENTS_RATE_LIMIT). */
  rateLimitMax: number;
  /** The rate-limit window (COMMENTS_RATE_WINDOW_MINUTES). */
  rateLimitWindowMs: number;
  /** Comments with this many links or more are always held (3). */
  holdAtLinks: number;
  /** Lower-cased words or phrases that send a comment to spam (COMMENTS_BLOCKED_WORDS). */
  blockedWords: string[];
  /** Lower-cased emails, or `@domain` suffixes, that send a comment to spam (COMMENTS_BLOCKED_EMAILS). */
  blockedEmails: string[];
}

/** The comment settings from the checked configuration. */
export function readCommentsConfig(config: Config = getConfig()): CommentsConfig {
  return {
    autoApproveKnownAuthors: config.COMMENTS_AUTO_APPROVE,
    minSeconds: config.COMMENTS_MIN_SECONDS,
    formMaxAgeHours: 24,
    rateLimitMax: config.COMMENTS_RATE_LIMIT,
    rateLimitWindowMs: config.COMMENTS_RATE_WINDOW_MINUTES * 60_000,
    holdAtLinks: 3,
    blockedWords: config.COMMENTS_BLOCKED_WORDS,
    blockedEmails: config.COMMENTS_BLOCKED_EMAILS,
  };
}
