import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadCategoryMapping } from '../../../src/server/jobs/category-mapping.ts';
import type { JobInput } from '../../../src/server/jobs/job.ts';
import { importFeed } from '../../../src/server/jobs/job-import.service.ts';
import { announceArticles, type PublishedArticle } from '../../../src/server/mail/article-alerts.ts';
import { queueDueDigests } from '../../../src/server/mail/digest.ts';
import type { OutboxKind } from '../../../src/server/mail/mail.table.ts';
import { queueModerationNotice } from '../../../src/server/mail/moderation-notice.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../support/databases.ts';
import { feedOf, fixtureRole } from '../../support/job-fixtures.ts';
import { addSubscriber } from '../../support/mail-rows.ts';

const mapping = loadCategoryMapping('content');
const now = new Date('2026-11-26T09:00:00Z');

function role(externalId: string, categories: string[], extra: Partial<JobInput> = {}): JobInput {
  return fixtureRole(externalId, { categories, ...extra });
}
const article = (id: string, categories: string[]): PublishedArticle => ({
  id,
  title: `Title ${id}`,
  description: `About ${id}`,
  categories,
});

describe.each(databaseKinds)('mail alerts on %s', (kind) => {
  let database: TestDatabase;
  const queued = (kindOf: OutboxKind) =>
    database.db
      .selectFrom('mail_outbox')
      .select(['recipient', 'batch_id', 'next_attempt_at'])
      .where('kind', '=', kindOf)
      .orderBy('recipient')
      .execute();

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await addSubscriber(database.db, 'backend@example.com', { categories: ['backend'] });
    await addSubscriber(database.db, 'careers@example.com', { categories: ['careers'] });
    await addSubscriber(database.db, 'articles-only@example.com', { categories: ['backend'], roles: false });
    await addSubscriber(database.db, 'daily@example.com', { categories: ['backend'], frequency: 'daily' });
    const paused = await addSubscriber(database.db, 'paused@example.com', { categories: ['backend'] });
    await database.db
      .updateTable('mail_addresses')
      .set({ paused_at: now.toISOString() })
      .where('id', '=', paused)
      .execute();
  });
  afterAll(async () => {
    await database?.drop();
  });

  test('an import queues one mail per instant subscriber of the new roles, in its transaction', async () => {
    await importFeed(database.db, 'acme', feedOf(role('a', ['backend']), role('b', ['backend'])), {
      mapping,
      now,
    });
    const rows = await queued('roles');
    expect(rows.map((r) => r.recipient)).toEqual(['backend@example.com']);
    // Importing the same feed again adds nothing, so mails nobody.
    await importFeed(database.db, 'acme', feedOf(role('a', ['backend']), role('b', ['backend'])), {
      mapping,
      now,
    });
    expect(await queued('roles')).toHaveLength(1);
    // An expired role is added but not announced.
    const expired = role('c', ['backend'], { validThrough: '2026-01-01T00:00:00.000Z' });
    await importFeed(database.db, 'acme', feedOf(role('a', ['backend']), role('b', ['backend']), expired), {
      mapping,
      now,
    });
    expect(await queued('roles')).toHaveLength(1);
  });

  test('a rolled-back import queues nothing', async () => {
    const broken = feedOf(role('d', ['backend']), role('d', ['backend']));
    await expect(importFeed(database.db, 'other', broken, { mapping, now })).rejects.toThrow();
    expect(await queued('roles')).toHaveLength(1);
  });

  test('the first build marks its articles announced without mail; later ones announce each new article once', async () => {
    expect(await announceArticles(database.db, [article('one', ['backend'])], now)).toMatchObject({
      baseline: 1,
      queued: 0,
    });
    const build = [article('one', ['backend']), article('two', ['backend']), article('three', ['careers'])];
    const [first, second] = await Promise.all([
      announceArticles(database.db, build, now),
      announceArticles(database.db, build, now),
    ]);
    expect([...first.announced, ...second.announced].sort()).toEqual(['three', 'two']);
    const rows = await queued('articles');
    expect(rows.map((r) => r.recipient)).toEqual([
      'articles-only@example.com',
      'backend@example.com',
      'careers@example.com',
    ]);
    expect((await announceArticles(database.db, build, now)).queued).toBe(0);
  });

  test('a digest is queued once per period for its subscribers, whichever server looks', async () => {
    const config = { digestHour: 8, digestWeekday: 1 };
    const [a, b] = await Promise.all([
      queueDueDigests(database.db, config, now),
      queueDueDigests(database.db, config, now),
    ]);
    expect(a + b).toBe(1);
    expect((await queued('digest')).map((r) => [r.recipient, r.batch_id])).toEqual([
      ['daily@example.com', 'digest-daily-2026-11-26T08'],
    ]);
  });

  test("moderators' mail: the first of a quiet period at once, then at most one per interval", async () => {
    const config = { moderators: ['mod@example.com'], moderationIntervalMs: 10 * 60_000 };
    const hold = (id: string, at: Date) =>
      database.db
        .transaction()
        .execute((trx) =>
          queueModerationNotice(trx, { id, articleId: 'a', authorName: 'A', body: 'Text' }, at, config),
        );
    await hold('c1', now);
    await hold('c2', new Date(now.getTime() + 60_000));
    const [firstNotice] = await queued('moderation');
    expect(firstNotice?.next_attempt_at).toBe(now.toISOString());
    // The first notice goes out; a comment held two minutes later waits for the interval.
    await database.db
      .updateTable('mail_outbox')
      .set({ status: 'sent' })
      .where('kind', '=', 'moderation')
      .execute();
    await hold('c3', new Date(now.getTime() + 2 * 60_000));
    await hold('c4', new Date(now.getTime() + 3 * 60_000));
    const notices = await queued('moderation');
    expect(notices.map((n) => n.next_attempt_at).sort()).toEqual([
      now.toISOString(),
      new Date(now.getTime() + 10 * 60_000).toISOString(),
    ]);
  });
});
