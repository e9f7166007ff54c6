import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { readCommentsConfig } from '../../src/server/comments/comment.config.ts';
import * as repo from '../../src/server/comments/comment.repository.ts';
import { type CommentSubmission, submitComment } from '../../src/server/comments/comment.service.ts';
import {
  clearExpiredAddressHashes,
  scheduleAddressCleanup,
} from '../../src/server/comments/comment-housekeeping.ts';
import {
  eraseByEmail,
  exportByEmail,
  getModerationQueue,
  moderateComments,
} from '../../src/server/comments/comment-moderation.service.ts';
import { getCommentThread } from '../../src/server/comments/comment-thread.service.ts';
import { createFormToken } from '../../src/server/comments/comment-token.ts';
import { addProof } from '../../src/server/mail/address-proof.service.ts';
import { parseConfig } from '../../src/server/platform/config/config.ts';
import { getAppKeys } from '../../src/server/platform/secrets.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.ts';

const ARTICLE = 'backend-development-engineering-2026';
const config = readCommentsConfig(parseConfig({ COMMENTS_BLOCKED_WORDS: 'casino' }));
const start = new Date('2026-11-25T12:00:00.000Z');
const later = (ms: number) => new Date(start.getTime() + ms);

describe.each(databaseKinds)('comments on %s', (kind) => {
  let testDb: TestDatabase;
  let token: string;
  let clock = 0;
  let client = 0;

  /** Posts as a fresh client 10 s after the form was rendered, unless told otherwise. */
  async function post(
    values: Partial<CommentSubmission['values']> = {},
    extra: Partial<CommentSubmission> = {},
    at?: Date,
  ) {
    clock += 1000;
    return submitComment(
      testDb.db,
      {
        articleId: ARTICLE,
        values: {
          comment: `Comment ${clock}`,
          name: 'Ada',
          email: 'ada@example.com',
          website: '',
          parentId: '',
          ...values,
        },
        honeypot: '',
        token,
        clientAddress: `10.0.0.${client}`,
        ...extra,
      },
      config,
      at ?? later(10_000 + clock),
    );
  }

  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
    const keys = await getAppKeys(testDb.db);
    token = createFormToken(keys.signingKey, ARTICLE, start.getTime());
  });
  afterAll(async () => {
    await testDb?.drop();
  });
  beforeEach(async () => {
    client += 1;
    await testDb.db.deleteFrom('comments').execute();
  });

  test('holds a first comment for moderation and never shows it', async () => {
    const outcome = await post();
    expect(outcome).toMatchObject({ kind: 'stored', status: 'pending' });
    expect((await getCommentThread(testDb.db, ARTICLE)).count).toBe(0);
  });

  test('approves at once a known author whose browser proved the address, unless a spam rule trips', async () => {
    const first = await post();
    if (first.kind !== 'stored') throw new Error('not stored');
    await moderateComments(testDb.db, [first.id], 'approve');
    const proofCookie = addProof((await getAppKeys(testDb.db)).signingKey, undefined, 'ada@example.com');
    expect(await post({ email: 'ADA@example.com' }, { proofCookie })).toMatchObject({ status: 'approved' });
    // Anyone can type a known author's address: without the proof it waits for confirmation.
    expect(await post({ email: 'ada@example.com' })).toMatchObject({ status: 'pending' });
    expect(await post({ comment: 'casino bonus' }, { proofCookie })).toMatchObject({ status: 'spam' });
    expect(
      await post({ comment: 'https://a.example https://b.example https://c.example' }, { proofCookie }),
    ).toMatchObject({ status: 'pending' });
  });

  test('lists approved comments oldest first without the email or address hash', async () => {
    const ids: string[] = [];
    for (const name of ['First', 'Second']) {
      const outcome = await post({ name });
      if (outcome.kind === 'stored') ids.push(outcome.id);
    }
    await moderateComments(testDb.db, ids, 'approve');
    const rows = await repo.listApprovedComments(testDb.db, ARTICLE);
    expect(rows.map((r) => r.author_name)).toEqual(['First', 'Second']);
    expect(Object.keys(rows[0] ?? {})).not.toContain('author_email');
    expect(JSON.stringify(rows)).not.toContain('ada@example.com');
  });

  test('nests replies three levels deep and attaches deeper ones to the third level', async () => {
    let parentId = '';
    const ids: string[] = [];
    for (let level = 0; level < 4; level += 1) {
      const outcome = await post({ parentId, comment: `level ${level}` });
      if (outcome.kind !== 'stored') throw new Error('not stored');
      await moderateComments(testDb.db, [outcome.id], 'approve');
      ids.push(outcome.id);
      parentId = outcome.id;
    }
    const thread = await getCommentThread(testDb.db, ARTICLE);
    const level2 = thread.comments[0]?.replies[0];
    expect(level2?.replies.map((r) => r.body)).toEqual(['level 2', 'level 3']);
  });

  test('rate-limits a client whose comments arrive at the same time', async () => {
    const outcomes = await Promise.all(Array.from({ length: 12 }, () => post()));
    expect(outcomes.filter((o) => o.kind === 'stored')).toHaveLength(5);
    expect(outcomes.filter((o) => o.kind === 'rate-limited')).toHaveLength(7);
  });

  test('rate-limits a client after five comments in ten minutes, with a retry time', async () => {
    for (let i = 0; i < 5; i += 1) expect((await post()).kind).toBe('stored');
    const limited = await post();
    expect(limited.kind).toBe('rate-limited');
    if (limited.kind === 'rate-limited') expect(limited.retryAfterSeconds).toBeGreaterThan(500);
    const count = await testDb.db
      .selectFrom('comments')
      .select(testDb.db.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(count?.n)).toBe(5);
  });

  test('rate-limits every address of an IPv6 /64 as one client', async () => {
    for (let i = 1; i <= 5; i += 1)
      expect((await post({}, { clientAddress: `2001:db8:7:7::${i}` })).kind).toBe('stored');
    expect((await post({}, { clientAddress: '2001:db8:7:7:ffff::1' })).kind).toBe('rate-limited');
    expect((await post({}, { clientAddress: '2001:db8:7:8::1' })).kind).toBe('stored');
  });

  test('sends the same text on the same article within a day to spam, not to the bin', async () => {
    await post({ comment: 'Same words' });
    client += 1;
    expect(await post({ comment: 'same   WORDS' })).toMatchObject({ status: 'spam' });
    const { comments } = await getModerationQueue(testDb.db, 'spam');
    expect(comments[0]?.signals).toContain('same text already posted on this article within a day');
  });

  test('sends a honeypot post and a too-fast post to spam', async () => {
    expect(await post({}, { honeypot: 'http://spam.example' })).toMatchObject({ status: 'spam' });
    expect(await post({}, {}, later(500))).toMatchObject({ status: 'spam' });
  });

  test('refuses a missing or forged form token without storing anything', async () => {
    expect(await post({}, { token: undefined })).toEqual({ kind: 'stale-form' });
    expect(await post({}, { token: token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) })).toEqual({
      kind: 'stale-form',
    });
    expect((await getModerationQueue(testDb.db, 'pending')).counts).toEqual({
      pending: 0,
      approved: 0,
      spam: 0,
    });
  });

  test('holds a post from a form left open over a day, even from a known author', async () => {
    const first = await post();
    if (first.kind !== 'stored') throw new Error('not stored');
    await moderateComments(testDb.db, [first.id], 'approve');
    expect(await post({}, {}, later(25 * 3_600_000))).toMatchObject({ kind: 'stored', status: 'pending' });
  });

  test('reports validation errors without touching the database', async () => {
    expect(await post({ email: 'nope' })).toMatchObject({
      kind: 'invalid',
      errors: { email: expect.any(String) },
    });
  });

  test('stores hostile text verbatim and safely on both databases', async () => {
    const comment = "'); DROP TABLE comments; -- <script>alert(1)</script> \u0000 😀 \uD800";
    const outcome = await post({ comment });
    if (outcome.kind !== 'stored') throw new Error('not stored');
    const row = await repo.findComment(testDb.db, outcome.id);
    expect(row?.body).toBe("'); DROP TABLE comments; -- <script>alert(1)</script>  😀 \uFFFD");
  });

  test('unapproves, marks spam and deletes in bulk, counting what changed', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const outcome = await post();
      if (outcome.kind === 'stored') ids.push(outcome.id);
    }
    expect(await moderateComments(testDb.db, ids, 'approve')).toBe(3);
    expect(await moderateComments(testDb.db, [ids[0] as string], 'unapprove')).toBe(1);
    expect(await moderateComments(testDb.db, [ids[1] as string], 'spam')).toBe(1);
    expect((await getModerationQueue(testDb.db, 'approved')).counts).toEqual({
      pending: 1,
      approved: 1,
      spam: 1,
    });
    expect(await moderateComments(testDb.db, ids, 'delete')).toBe(3);
  });

  test('keeps replies when their parent is deleted, shown at the top level', async () => {
    const parent = await post();
    if (parent.kind !== 'stored') throw new Error('not stored');
    await moderateComments(testDb.db, [parent.id], 'approve');
    const reply = await post({ parentId: parent.id });
    if (reply.kind !== 'stored') throw new Error('not stored');
    await moderateComments(testDb.db, [reply.id], 'approve');
    await moderateComments(testDb.db, [parent.id], 'delete');
    const thread = await getCommentThread(testDb.db, ARTICLE);
    expect(thread.comments.map((c) => c.id)).toEqual([reply.id]);
  });

  test('exports and erases everything stored with an email', async () => {
    await post({ email: 'grace@example.com' });
    await post({ email: 'other@example.com' });
    const exported = await exportByEmail(testDb.db, ' Grace@Example.com ');
    expect(exported).toHaveLength(1);
    expect(exported[0]?.author_email).toBe('grace@example.com');
    expect(await eraseByEmail(testDb.db, 'grace@example.com')).toBe(1);
    expect(await exportByEmail(testDb.db, 'grace@example.com')).toEqual([]);
    expect(await exportByEmail(testDb.db, 'other@example.com')).toHaveLength(1);
  });

  test('stores the client address only as a hash; the cleanup clears it after 30 days, not a post', async () => {
    const outcome = await post({}, { clientAddress: '203.0.113.9' });
    if (outcome.kind !== 'stored') throw new Error('not stored');
    const hashOf = async () => (await repo.findComment(testDb.db, outcome.id))?.ip_hash;
    const row = await repo.findComment(testDb.db, outcome.id);
    expect(row?.ip_hash).toMatch(/^[\w-]{32}$/);
    expect(JSON.stringify(row)).not.toContain('203.0.113');
    const monthLater = later(31 * 86_400_000);
    const keys = await getAppKeys(testDb.db);
    const freshToken = createFormToken(keys.signingKey, ARTICLE, monthLater.getTime() - 10_000);
    // A post no longer does the cleanup in its reply.
    expect(await post({}, { token: freshToken }, monthLater)).toMatchObject({ kind: 'stored' });
    expect(await hashOf()).not.toBeNull();
    expect(await clearExpiredAddressHashes(testDb.db, later(29 * 86_400_000))).toBe(0);
    expect(await clearExpiredAddressHashes(testDb.db, monthLater)).toBe(1);
    expect(await hashOf()).toBeNull();
  });

  /** Posts at a real moment (the cleanup reads the clock), with a form rendered 10 s before. */
  async function postAt(daysAgo: number) {
    const at = new Date(Date.now() - daysAgo * 86_400_000);
    const fresh = createFormToken((await getAppKeys(testDb.db)).signingKey, ARTICLE, at.getTime() - 10_000);
    client += 1;
    const outcome = await post({}, { token: fresh }, at);
    if (outcome.kind !== 'stored') throw new Error(`not stored: ${outcome.kind}`);
    return outcome;
  }

  test('the scheduled cleanup clears expired hashes in the background', async () => {
    const outcome = await postAt(31);
    const recent = await postAt(0);
    const stop = scheduleAddressCleanup(testDb.db, { firstMs: 0 });
    try {
      await vi.waitFor(async () =>
        expect((await repo.findComment(testDb.db, outcome.id))?.ip_hash).toBeNull(),
      );
    } finally {
      stop();
    }
    expect((await repo.findComment(testDb.db, recent.id))?.ip_hash).not.toBeNull();
  });

  test.runIf(kind === 'postgres')(
    'answers a post without waiting on rows another transaction holds',
    async () => {
      const old = await postAt(31);
      // A moderator's transaction holds an old row. The former cleanup UPDATE in the reply path
      // queued behind it (until the statement timeout): the race below sees it waiting on the lock.
      const holder = new pg.Client({ connectionString: testDb.url });
      await holder.connect();
      let watching = true;
      try {
        await holder.query('BEGIN');
        await holder.query('UPDATE comments SET moderated_at = created_at WHERE id = $1', [old.id]);
        const lockWaiter = (async () => {
          const waiting = `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`;
          while (watching) {
            if ((await holder.query<{ n: number }>(waiting)).rows[0]?.n) return 'waited on the held row';
            await new Promise((resolve) => setImmediate(resolve));
          }
          return 'stopped watching';
        })();
        expect(await Promise.race([postAt(0).then(() => 'answered'), lockWaiter])).toBe('answered');
      } finally {
        watching = false;
        await holder.query('ROLLBACK');
        await holder.end();
      }
    },
  );

  test('rolls the comment back when the insert fails inside the transaction', async () => {
    await expect(
      testDb.db.transaction().execute(async (trx) => {
        await repo.insertComment(trx, {
          id: '00000000-0000-4000-8000-000000000001',
          article_id: ARTICLE,
          parent_id: null,
          author_name: 'A',
          author_email: 'a@example.com',
          author_website: null,
          body: 'rolled back',
          body_hash: 'h',
          status: 'approved',
          ip_hash: null,
          created_at: start.toISOString(),
          moderated_at: null,
        });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await repo.findComment(testDb.db, '00000000-0000-4000-8000-000000000001')).toBeUndefined();
  });
});
