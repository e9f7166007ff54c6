/**
 * New roles: the jobs import calls queueRoleAlerts inside its own transaction, so the mails
 * exist exactly when the roles do. Subscribers "as they happen" get one mail per import
 * (queued here); digest subscribers read the events when their digest falls due.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { formatLocation, formatSalary } from '../../lib/job-format.ts';
import type { Job } from '../jobs/job.ts';
import type { Database } from '../platform/db/schema.ts';
import { insertEvents } from './event.repository.ts';
import { fanOut } from './outbox.repository.ts';
import { wakeSender } from './sender-wake.ts';

/** What a role mail says about a role, frozen when it was added. */
export interface RoleFacts {
  title: string;
  company: string;
  location: string;
  /** Formatted, or null when the feed gives none. */
  salary: string | null;
}

/** The facts a mail shows for a role. */
export function roleFacts(role: Job): RoleFacts {
  return {
    title: role.title,
    company: role.company,
    location: formatLocation(role.location),
    salary: formatSalary(role.salary),
  };
}

/**
 * Records the added roles and queues one mail per subscriber of their categories who wants
 * roles as they happen, in the caller's transaction. Returns how many mails were queued.
 */
export async function queueRoleAlerts(
  trx: Kysely<Database>,
  roles: readonly Job[],
  now = new Date(),
): Promise<number> {
  const at = now.toISOString();
  const categorised = roles.filter(
    (role) => role.categories.length > 0 && (role.validThrough === null || role.validThrough > now),
  );
  if (categorised.length === 0) return 0;
  const batchId = `roles-${randomUUID()}`;
  await insertEvents(
    trx,
    categorised.map((role) => ({
      id: `${batchId}.${role.id}`,
      batch_id: batchId,
      kind: 'role' as const,
      ref_id: role.id,
      payload: JSON.stringify(roleFacts(role)),
      categories: role.categories.join(','),
      created_at: at,
    })),
  );
  const queued = await fanOut(trx, {
    batchId,
    kind: 'roles',
    categories: [...new Set(categorised.flatMap((role) => role.categories))],
    wants: 'roles',
    frequency: 'instant',
    payload: '{}',
    now: at,
  });
  if (queued > 0) wakeSender();
  return queued;
}
