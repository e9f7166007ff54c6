/**
 * Daily and weekly digests. At MAIL_DIGEST_HOUR (and on MAIL_DIGEST_WEEKDAY for weekly) the
 * first server to look claims the period's run and queues one message per digest subscriber
 * in the same transaction; each message lists, when it is sent, the period's events in the
 * subscriber's categories, or is skipped when there are none.
 */
import type { Db } from '../platform/db/database.ts';
import { claimRun, isRunClaimed } from './event.repository.ts';
import type { MailConfig } from './mail.config.ts';
import { fanOut } from './outbox.repository.ts';

const DAY_MS = 86_400_000;

/** The period a digest covers: events created in [from, to). */
export interface DigestWindow {
  from: string;
  to: string;
}

/** The latest digest slot at or before `now` for a frequency, and the window it covers. */
export function latestSlot(
  frequency: 'daily' | 'weekly',
  config: Pick<MailConfig, 'digestHour' | 'digestWeekday'>,
  now: Date,
): { key: string; window: DigestWindow } {
  const slot = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), config.digestHour),
  );
  if (slot > now) slot.setTime(slot.getTime() - DAY_MS);
  if (frequency === 'weekly') {
    const back = (slot.getUTCDay() - config.digestWeekday + 7) % 7;
    slot.setTime(slot.getTime() - back * DAY_MS);
  }
  const length = frequency === 'weekly' ? 7 * DAY_MS : DAY_MS;
  return {
    key: `digest:${frequency}:${slot.toISOString().slice(0, 13)}`,
    window: { from: new Date(slot.getTime() - length).toISOString(), to: slot.toISOString() },
  };
}

/** Queues the digests that are due and not yet queued by any server; returns how many messages. */
export async function queueDueDigests(
  db: Db,
  config: Pick<MailConfig, 'digestHour' | 'digestWeekday'>,
  now = new Date(),
): Promise<number> {
  let queued = 0;
  for (const frequency of ['daily', 'weekly'] as const) {
    const { key, window } = latestSlot(frequency, config, now);
    // Most looks find the period claimed already: no transaction for them.
    if (await isRunClaimed(db, key)) continue;
    queued += await db.transaction().execute(async (trx) => {
      if (!(await claimRun(trx, key, now.toISOString()))) return 0;
      return fanOut(trx, {
        batchId: key.replaceAll(':', '-'),
        kind: 'digest',
        frequency,
        payload: JSON.stringify(window),
        now: now.toISOString(),
      });
    });
  }
  return queued;
}
