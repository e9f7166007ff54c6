import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { loadCategoryMapping } from '../../../src/server/jobs/category-mapping.ts';
import { importFeed } from '../../../src/server/jobs/job-import.service.ts';
import { findAddressByEmail } from '../../../src/server/mail/address.repository.ts';
import { readMailConfig } from '../../../src/server/mail/mail.config.ts';
import { namesFrom } from '../../../src/server/mail/mail-manifest.ts';
import { drainOutbox, messageIdOf } from '../../../src/server/mail/mail-sender.ts';
import { createSmtpTransport, type MailTransport } from '../../../src/server/mail/mail-transport.ts';
import { claimDue } from '../../../src/server/mail/outbox.repository.ts';
import { unsubscribe } from '../../../src/server/mail/subscription.service.ts';
import { parseConfig } from '../../../src/server/platform/config/config.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../support/databases.ts';
import { feedOf, fixtureRole } from '../../support/job-fixtures.ts';
import { addManySubscribers, addSubscriber, outboxFor } from '../../support/mail-rows.ts';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp.ts';

const mapping = loadCategoryMapping('content');
const names = namesFrom({ version: 1, categories: { backend: 'Backend', careers: 'Careers' }, articles: [] });
const SITE = 'https://careers.example';

let imports = 0;
function roleFeed(title: string, categories = ['backend']) {
  imports += 1;
  return feedOf(
    fixtureRole(`r${imports}`, {
      title,
      company: 'Initech (fixture)',
      where: { label: 'Leeds, UK', remote: true, remoteRegions: ['United Kingdom'] },
      salary: { min: 70_000, max: 90_000, currency: 'GBP', unit: 'YEAR' },
      categories,
    }),
  );
}

describe.each(databaseKinds)('the sender on %s over real SMTP', (kind) => {
  let database: TestDatabase;
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  const config = () => readMailConfig(parseConfig({ SITE_URL: SITE, SMTP_URL: smtp.url }));
  const drain = (keep = false) =>
    drainOutbox(database.db, { config: config(), transport: keep ? undefined : transport, names });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    smtp = await startSmtpServer();
    transport = createSmtpTransport(smtp.url);
  });
  afterAll(async () => {
    transport?.close();
    await smtp?.stop();
    await database?.drop();
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });

  test('sends the role mail in HTML and text with absolute links, one-click unsubscribe and a stable Message-ID', async () => {
    await addSubscriber(database.db, 'reader@example.com');
    await importFeed(database.db, 'acme', roleFeed('Backend Engineer, Payments'), { mapping });
    expect(await drain()).toMatchObject({ sent: 1, failed: 0 });
    const [mail] = smtp.to('reader@example.com');
    const [row] = await outboxFor(database.db, 'reader@example.com');
    expect(mail?.subject).toBe('New Backend roles');
    expect(mail?.messageId).toBe(messageIdOf({ id: row?.id ?? '' }, 'careers.example'));
    expect(mail?.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail?.unsubscribeUrl).toMatch(/^https:\/\/careers\.example\/mail\/one-click\/\?s=.+&list=news$/);
    for (const body of [mail?.text ?? '', mail?.html ?? '']) {
      expect(body).toContain('Backend Engineer, Payments');
      expect(body).toContain('Initech (fixture)');
      expect(body).toContain('Remote (United Kingdom) or Leeds, United Kingdom');
      expect(body).toContain('£70,000–£90,000 a year');
      expect(body).toMatch(/https:\/\/careers\.example\/jobs\/[\w-]+\//);
      expect(body).toContain('https://careers.example/mail/preferences/?s=');
    }
    expect(mail?.html).not.toMatch(/<img/);
    expect(row?.status).toBe('sent');
  });

  test('sends nothing to a subscriber who left before the mail went out', async () => {
    const id = await addSubscriber(database.db, 'gone@example.com');
    await importFeed(database.db, 'acme', roleFeed('Platform Engineer'), { mapping });
    await unsubscribe(database.db, id, 'news');
    expect((await drain()).skipped).toBeGreaterThanOrEqual(1);
    expect(smtp.to('gone@example.com')).toEqual([]);
  });

  test('retries a temporary refusal later; records permanent ones and pauses the address after three', async () => {
    await addSubscriber(database.db, 'full@example.com');
    await addSubscriber(database.db, 'nobody@example.com');
    smtp.refuse.set('full@example.com', 'temporary');
    smtp.refuse.set('nobody@example.com', 'permanent');
    for (let i = 0; i < 3; i += 1) {
      await importFeed(database.db, 'acme', roleFeed(`Role ${i}`), { mapping });
      await drain();
    }
    const temporary = await outboxFor(database.db, 'full@example.com');
    expect(
      temporary.every(
        (r) =>
          r.status === 'queued' &&
          r.last_error?.includes('451') &&
          r.next_attempt_at > new Date().toISOString(),
      ),
    ).toBe(true);
    const permanent = await outboxFor(database.db, 'nobody@example.com');
    expect(permanent.map((r) => r.status)).toEqual(['failed', 'failed', 'failed']);
    expect(permanent[0]?.last_error).toContain('550');
    expect((await findAddressByEmail(database.db, 'nobody@example.com'))?.paused_at).not.toBeNull();
    // A paused address is left out of the next import's mails.
    await importFeed(database.db, 'acme', roleFeed('Role after the pause'), { mapping });
    expect(await outboxFor(database.db, 'nobody@example.com')).toHaveLength(3);
    smtp.refuse.clear();
  });

  test('without SMTP_URL keeps the rendered mail for the Outbox page', async () => {
    await addSubscriber(database.db, 'laptop@example.com');
    await importFeed(database.db, 'acme', roleFeed('Kept Role'), { mapping });
    await drain(true);
    const [row] = (await outboxFor(database.db, 'laptop@example.com')).filter((r) => r.status === 'kept');
    expect(row?.subject).toBe('New Backend roles');
    expect(row?.text_body).toContain('Kept Role');
    expect(row?.html_body).toContain('Kept Role');
  });

  test('two senders claiming at once never take the same message', async () => {
    await addManySubscribers(database.db, 300, 'careers');
    await importFeed(database.db, 'acme', roleFeed('x', ['careers']), { mapping });
    const now = new Date().toISOString();
    const lease = new Date(Date.now() + 30_000).toISOString();
    const claims = await Promise.all(Array.from({ length: 4 }, () => claimDue(database.db, now, lease, 100)));
    const ids = claims.flat().map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(300);
  });
});
