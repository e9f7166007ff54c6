/** Moderation and anti-spam settings, read from the environment (README lists each variable). */
export interface CommentsConfig {
  /** Approve at once when the email already has an approved comment (COMMENTS_AUTO_APPROVE, default on). */
  autoApproveKnownAuthors: boolean;
  /** Seconds a reader must spend between the form being rendered and posting (COMMENTS_MIN_SECONDS, default 3). */
  minSeconds: number;
  /** Hours after which a rendered form's post is held rather than auto-approved (24). */
  formMaxAgeHours: number;
  /** Comments per client in the window (COMMENTS_RATE_LIMIT, default 5). */
  rateLimitMax: number;
  /** The rate-limit window (COMMENTS_RATE_WINDOW_MINUTES, default 10). */
  rateLimitWindowMs: number;
  /** Comments with this many links or more are always held (3). */
  holdAtLinks: number;
  /** Lower-cased words or phrases that send a comment to spam (COMMENTS_BLOCKED_WORDS, comma-separated). */
  blockedWords: string[];
  /** Lower-cased emails, or `@domain` suffixes, that send a comment to spam (COMMENTS_BLOCKED_EMAILS). */
  blockedEmails: string[];
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
}

function count(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0)
    throw new Error(`${name} must be a non-negative number, got "${value}"`);
  return parsed;
}

/** Reads the settings; a malformed number is a configuration error that names the variable. */
export function readCommentsConfig(env: NodeJS.ProcessEnv = process.env): CommentsConfig {
  return {
    autoApproveKnownAuthors: !['0', 'false', 'off', 'no'].includes(
      (env['COMMENTS_AUTO_APPROVE'] ?? '').toLowerCase(),
    ),
    minSeconds: count(env['COMMENTS_MIN_SECONDS'], 3, 'COMMENTS_MIN_SECONDS'),
    formMaxAgeHours: 24,
    rateLimitMax: count(env['COMMENTS_RATE_LIMIT'], 5, 'COMMENTS_RATE_LIMIT'),
    rateLimitWindowMs:
      count(env['COMMENTS_RATE_WINDOW_MINUTES'], 10, 'COMMENTS_RATE_WINDOW_MINUTES') * 60_000,
    holdAtLinks: 3,
    blockedWords: list(env['COMMENTS_BLOCKED_WORDS']),
    blockedEmails: list(env['COMMENTS_BLOCKED_EMAILS']),
  };
}
