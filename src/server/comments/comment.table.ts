import type { Generated } from 'kysely';

/** Moderation state: new comments wait as `pending`; only `approved` ones are ever shown. */
export type CommentStatus = 'pending' | 'approved' | 'spam';

/**
 * A reader's comment. Timestamps are ISO-8601 UTC text. `author_email` is stored lower-cased
 * and never leaves the server except in the admin queue and privacy exports. `ip_hash` is a
 * salted HMAC of the client address, cleared after 30 days. `signals` is a JSON array of the
 * spam rules the comment tripped, shown to moderators.
 */
export interface CommentsTable {
  id: string;
  article_id: string;
  parent_id: string | null;
  depth: Generated<number>;
  author_name: string;
  author_email: string;
  author_website: string | null;
  body: string;
  body_hash: string;
  status: CommentStatus;
  signals: Generated<string>;
  ip_hash: string | null;
  created_at: string;
  moderated_at: string | null;
}
