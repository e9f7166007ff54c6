/**
 * New roles: the jobs import calls queueRoleAlerts inside its own transaction, so the mails
 * exist exactly when the roles do. Subscribers "as they happen" get one mail per import
 * (queued here); digest subscribers read the events when their digest falls due.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { formatLocation, formatSalary } from '../../lib/job-format.ts';
import type { Database } from '../platform/db/schema.ts';
import { insertEvents } from './event.repository.ts';
import { fanOut } from './outbox.repository.ts';
import { wakeSender } from './sender-wake.ts';

/** A role the import has just added, as its row fields and categories. */
export interface NewRole {
  id: string;
  title: string;
  company: string;
  location: string | null;
  remote: number;
  remote_regions: string | null;
  salary_min: number | null;
  salary_max: number | null;
  salary_currency: string | null;
  salary_unit: string | null;
  /** After this instant the role is expired: an expired role is not announced. */
  valid_through: string | null;
  categories: readonly string[];
}

/** What a role mail says about a role, frozen when it was added. */
export interface RoleFacts {
  title: string;
  company: string;
  location: string;
  /** Formatted, or null when the feed gives none. */
  salary: string | null;
}

/** The facts a mail shows for a role. */
export function roleFacts(role: NewRole): RoleFacts {
  const salary =
    role.salary_currency && (role.salary_min !== null || role.salary_max !== null)
      ? formatSalary({
          min: role.salary_min,
          max: role.salary_max,
          currency: role.salary_currency,
          unit: role.salary_unit ?? 'YEAR',
        })
      : null;
  return {
    title: role.title,
    company: role.company,
    location: formatLocation({
      location: role.location,
      remote: role.remote === 1,
      remoteRegions: role.remote_regions ? role.remote_regions.split(',') : [],
    }),
    salary,
  };
}

/**
 * Records the added roles and queues one mail per subscriber of their categories who wants
 * roles as they happen, in the caller's transaction. Returns how many mails were queued.
 */
export async function queueRoleAlerts(
  trx: Kysely<Database>,
  roles: readonly NewRole[],
  now = new Date(),
): Promise<number> {
  const at = now.toISOString();
  const categorised = roles.filter(
    (role) => role.categories.length > 0 && (role.valid_through === null || role.valid_through > at),
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
