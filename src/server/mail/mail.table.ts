import type { Generated, Selectable } from 'kysely';

/**
 * An email address the site has been asked to mail. `confirmed_at` is set when a confirmation
 * link sent to it is opened; `failures` counts permanent delivery failures, and at 3
 * `paused_at` stops every subscription and reply follow of the address until it confirms again.
 */
export interface MailAddressesTable {
  id: string;
  /** Lower-cased. */
  email: string;
  confirmed_at: string | null;
  failures: Generated<number>;
  paused_at: string | null;
  /** When the last confirmation mail was queued: at most one per 10 minutes. */
  last_confirmation_at: string | null;
  created_at: string;
}

/** How often a subscriber hears of new articles and roles. */
export type Frequency = 'instant' | 'daily' | 'weekly';

/** A confirmed subscription: what an address receives and how often. Booleans are 0/1. */
export interface MailSubscriptionsTable {
  address_id: string;
  articles: number;
  roles: number;
  frequency: Frequency;
  created_at: string;
  updated_at: string;
}

/** The categories a subscription follows, one row each. */
export interface MailSubscriptionCategoriesTable {
  address_id: string;
  category: string;
}

/**
 * A confirmation link: only the SHA-256 of its token is stored. `payload` (JSON, see
 * ConfirmationIntent) says what opening it does; it works once (`used_at`) until `expires_at`.
 */
export interface MailConfirmationsTable {
  token_hash: string;
  address_id: string;
  payload: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** "Email me when someone replies" on one comment; inactive until `confirmed_at`. */
export interface MailReplyFollowsTable {
  comment_id: string;
  address_id: string;
  article_id: string;
  confirmed_at: string | null;
  created_at: string;
}

/** What an event announces: a new role or a newly published article. */
export type MailEventKind = 'role' | 'article';

/**
 * Something subscribers hear of, frozen as it was when it happened (`payload`: JSON of
 * RoleFacts or ArticleFacts). Events of one import or one build share a `batch_id`; digests
 * read the events of their period. `categories` is a comma-separated list of slugs.
 */
export interface MailEventsTable {
  id: string;
  batch_id: string;
  kind: MailEventKind;
  ref_id: string;
  payload: string;
  categories: string;
  created_at: string;
}

/** What a queued message is; its text is rendered from its rows when it is sent. */
export type OutboxKind = 'confirm' | 'roles' | 'articles' | 'digest' | 'moderation' | 'reply';
/**
 * queued: waiting or retrying; sent: accepted by the SMTP server; kept: stored for the admin's
 * Outbox page (no SMTP_URL); failed: refused for good; skipped: nothing left to say (the
 * address unsubscribed or paused, or a digest found nothing new).
 */
export type OutboxStatus = 'queued' | 'sent' | 'kept' | 'failed' | 'skipped';

/**
 * The transactional outbox: a row is written in the same transaction as the event that causes
 * it; the sender claims due rows (`claimed_until` is its lease) and records the outcome.
 * `id` is stable and gives the message its Message-ID, so a resend after a crash carries the
 * same one.
 */
export interface MailOutboxTable {
  id: string;
  kind: OutboxKind;
  recipient: string;
  address_id: string | null;
  batch_id: string | null;
  payload: Generated<string>;
  status: OutboxStatus;
  attempts: Generated<number>;
  next_attempt_at: string;
  claimed_until: string | null;
  last_error: string | null;
  subject: string | null;
  text_body: string | null;
  html_body: string | null;
  created_at: string;
  sent_at: string | null;
}

/** A held comment waiting to be listed in the next moderators' mail (`notice_id`). */
export interface MailModerationItemsTable {
  comment_id: string;
  article_id: string;
  author_name: string;
  excerpt: string;
  notice_id: string | null;
  created_at: string;
}

/** An article whose publication subscribers have heard of (or that predates the mail feature). */
export interface MailAnnouncedTable {
  article_id: string;
  announced_at: string;
  /** 0 for the articles of the first build a database saw, which nobody is mailed about. */
  mailed: number;
}

/** Something that must happen once across every server: a key per occurrence. */
export interface MailRunsTable {
  key: string;
  created_at: string;
}

/** An outbox row as read. */
export type OutboxRow = Selectable<MailOutboxTable>;
/** An address row as read. */
export type AddressRow = Selectable<MailAddressesTable>;
