/** What rendering a batch of outbox rows needs, and a helper every mail uses. */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { SubscriptionRecord } from './address.repository.ts';
import type { EventRow } from './event.repository.ts';
import type { MailLinks } from './mail-links.ts';

/** What rendering a batch needs, loaded once per batch. */
export interface RenderContext {
  db: Kysely<Database>;
  siteName: string;
  siteUrl: string;
  links: MailLinks;
  signingKey: Buffer;
  categoryName(id: string): string;
  articleTitle(id: string): string;
  /** The batch's recipients' active subscriptions, by address id. */
  subscriptions: Map<string, SubscriptionRecord>;
  /** Events by batch id or digest window, shared by every row of a drain. */
  eventCache: Map<string, Promise<EventRow[]>>;
}

/** "A", "A and B", "A, B and C". */
export function listNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
