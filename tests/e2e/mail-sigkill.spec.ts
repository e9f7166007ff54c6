import { expect, test } from '@playwright/test';
import { loadCategoryMapping } from '../../src/server/jobs/category-mapping.ts';
import { importFeed } from '../../src/server/jobs/job-import.service.ts';
import { BATCH_SIZE, messageIdOf } from '../../src/server/mail/mail-sender.ts';
import { createDatabase } from '../../src/server/platform/db/database.ts';
import { migrateToLatest } from '../../src/server/platform/db/migrate.ts';
import { databaseKinds } from '../support/databases.ts';
import { feedOf } from '../support/job-fixtures.ts';
import { addManySubscribers } from '../support/mail-rows.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { e2eRoles } from './support/jobs.ts';
import { scratchDatabase } from './support/mail.ts';
import { startServer } from './support/server.ts';

const SUBSCRIBERS = 400;
/** The server is killed once the SMTP server has accepted this many mails: a batch is in flight. */
const KILL_AFTER = 60;

for (const kind of databaseKinds) {
  test(`a sender killed with SIGKILL mid-batch loses no mail after restart on ${kind}`, async () => {
    test.setTimeout(150_000);
    const database = await scratchDatabase(kind);
    // Slow acceptance keeps messages in flight when the kill lands.
    const smtp = await startSmtpServer({ delayMs: 20 });
    const db = createDatabase(database.url);
    try {
      await migrateToLatest(db);
      await addManySubscribers(db, SUBSCRIBERS, 'backend');
      const [role] = e2eRoles();
      if (!role) throw new Error('no fixture role');
      await importFeed(db, 'sigkill', feedOf(role), { mapping: loadCategoryMapping('content') });
      const queued = await db.selectFrom('mail_outbox').select('id').execute();
      expect(queued).toHaveLength(SUBSCRIBERS);
      const expected = new Set(queued.map((row) => messageIdOf(row, 'localhost')));

      const env = { DATABASE_URL: database.url, SMTP_URL: smtp.url, MAIL_SEND_INTERVAL: '1' };
      const server = await startServer(env);
      const exited = new Promise((resolve) => server.process.once('exit', resolve));
      await smtp.waitFor(() => smtp.accepted() >= KILL_AFTER, 60_000);
      server.process.kill('SIGKILL');
      await exited;
      const beforeRestart = smtp.accepted();
      expect(beforeRestart).toBeLessThan(SUBSCRIBERS);

      // Claims of the dead server lapse after their lease; then the new server sends them.
      const restarted = await startServer(env);
      try {
        const distinct = () => new Set(smtp.received.map((mail) => mail.messageId));
        await smtp.waitFor(() => distinct().size === SUBSCRIBERS, 120_000);
        expect([...distinct()].every((id) => expected.has(id))).toBe(true);
        const duplicates = smtp.received.length - SUBSCRIBERS;
        console.log(
          `[mail-sigkill] ${kind}: ${beforeRestart} accepted before the kill, ${duplicates} sent twice (same Message-ID)`,
        );
        expect(duplicates).toBeLessThanOrEqual(BATCH_SIZE);
        // Every message is settled as sent, none is left queued or failed.
        const statuses = await db.selectFrom('mail_outbox').select('status').execute();
        await expect
          .poll(
            async () =>
              (await db.selectFrom('mail_outbox').select('status').where('status', '!=', 'sent').execute())
                .length,
          )
          .toBe(0);
        expect(statuses).toHaveLength(SUBSCRIBERS);
      } finally {
        await restarted.stop();
      }
    } finally {
      await db.destroy();
      await smtp.stop();
      await database.drop();
    }
  });
}
