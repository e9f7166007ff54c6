import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import CommentList from '@/components/comments/CommentList.astro';
import { formatCommentText } from '../../../src/lib/comments/comment-text.ts';
import { readCommentsConfig } from '../../../src/server/comments/comment.config.ts';
import { countByStatus, findComment } from '../../../src/server/comments/comment.repository.ts';
import { submitComment } from '../../../src/server/comments/comment.service.ts';
import { type CommentFormValues, validateComment } from '../../../src/server/comments/comment.validation.ts';
import { createFormToken } from '../../../src/server/comments/comment-token.ts';
import { parseConfig } from '../../../src/server/platform/config/config.ts';
import type { Db } from '../../../src/server/platform/db/database.ts';
import { getAppKeys } from '../../../src/server/platform/secrets.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../support/databases.ts';
import { FUZZ_SEED, hostileString, runs } from './hostile.ts';
import { findUnsafeHtml } from './html-safety.ts';

const ARTICLE = 'backend-development-engineering-2026';
const MARKER = '<x-fuzz-comment>';
const sentence = fc
  .array(
    fc.constantFrom(
      'Great',
      'read',
      'see',
      'https://example.com/a?b=<c>',
      'www.example.org)',
      MARKER,
      '\n\n',
      'javascript:alert(1)',
    ),
    { minLength: 1, maxLength: 10 },
  )
  .map((w) => w.join(' '));
const either = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 8, arbitrary: good },
    { weight: 2, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.constant('') },
  );

/** The reader's fields: mostly plausible, each sometimes hostile, empty or huge. */
const formValues: fc.Arbitrary<CommentFormValues> = fc.record({
  comment: either(sentence),
  name: either(fc.constantFrom('Ada', `Eve ${MARKER}`, '\u202eevil', 'Zoë')),
  email: either(fc.oneof(fc.emailAddress(), fc.constant('reader@example.com'))),
  website: either(
    fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'https://user:pw@example.com', 'http://x')),
  ),
  parentId: either(fc.uuid()),
});

const LIST_RULES = {
  tags: new Set([
    '#document-fragment',
    'ol',
    'li',
    'article',
    'p',
    'strong',
    'a',
    'span',
    'time',
    'div',
    'br',
  ]),
  schemes: ['http', 'https'],
  // The Reply link points at the article's own comments page.
  relativeLinks: true,
};

describe('comment validation and rendering under generated input', () => {
  test('validation never throws; what it accepts renders escaped with http(s) links only', async () => {
    const container = await AstroContainer.create();
    const accepted: Array<{ body: string; name: string; website: string | null }> = [];
    fc.assert(
      fc.property(formValues, (values) => {
        const checked = validateComment(values);
        if (!checked.ok) {
          expect(Object.keys(checked.errors).length).toBeGreaterThan(0);
          return;
        }
        const { body, name, website } = checked.value;
        expect([...body].length).toBeGreaterThanOrEqual(2);
        expect([...body].length).toBeLessThanOrEqual(5000);
        expect(body.isWellFormed() && name.isWellFormed()).toBe(true);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters.
        expect(body + name).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
        // Direction overrides may stay in a comment's text, never in a name shown beside it.
        expect(name).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
        if (website) expect(new URL(website).protocol).toMatch(/^https?:$/);
        for (const segment of formatCommentText(body).flat()) {
          if (segment.kind === 'link') expect(new URL(segment.href).protocol).toMatch(/^https?:$/);
        }
        accepted.push({ body, name, website });
      }),
      { seed: FUZZ_SEED, numRuns: runs(4000) },
    );
    expect(accepted.length).toBeGreaterThan(200);
    // Render in pages of comments: the real component, the way the island and page do.
    for (let i = 0; i < accepted.length; i += 50) {
      const comments = accepted.slice(i, i + 50).map((c, n) => ({
        id: `00000000-0000-4000-8000-${String(i + n).padStart(12, '0')}`,
        createdAt: new Date('2026-11-25T12:00:00Z'),
        replies: [],
        ...c,
      }));
      const html = await container.renderToString(CommentList, {
        props: { comments, commentsPage: `/blog/${ARTICLE}/comments/` },
      });
      // A "<" inside a quoted attribute value (data-reply-name) is inert text to the parser;
      // anywhere else the marker must arrive escaped.
      expect(html.replace(/="[^"]*"/g, '=""')).not.toContain(MARKER);
      expect(findUnsafeHtml(html.replace(/ data-astro-source-[a-z]+="[^"]*"/g, ''), LIST_RULES)).toEqual([]);
    }
  });
});

describe.each(databaseKinds)('submitting generated comments on %s', (kind) => {
  let testDb: TestDatabase;
  let signingKey: Buffer;
  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
    signingKey = (await getAppKeys(testDb.db)).signingKey;
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  const total = async (db: Db) => Object.values(await countByStatus(db)).reduce((a, b) => a + b, 0);
  const config = readCommentsConfig(parseConfig({ COMMENTS_MIN_SECONDS: '0', COMMENTS_RATE_LIMIT: '3' }));
  const start = Date.parse('2026-11-25T12:00:00Z');
  const tokenKind = fc.constantFrom(
    'valid',
    'valid',
    'valid',
    'missing',
    'forged',
    'other-article',
    'old',
    'random',
  );

  test('a refused post stores nothing; a stored one stores exactly its cleaned fields', async () => {
    let n = 0;
    const outcomes: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(
        formValues,
        tokenKind,
        hostileString,
        fc.oneof(fc.nat(8), fc.constant(99)),
        async (values, kindOfToken, junk, client) => {
          n += 1;
          const now = new Date(start + n * 10_000);
          const issued = now.getTime() - 30_000;
          const token = {
            valid: createFormToken(signingKey, ARTICLE, issued),
            missing: undefined,
            forged: `${createFormToken(signingKey, ARTICLE, issued).slice(0, -2)}xx`,
            'other-article': createFormToken(signingKey, 'another-article', issued),
            old: createFormToken(signingKey, ARTICLE, issued - 3 * 86_400_000),
            random: junk,
          }[kindOfToken];
          const before = await total(testDb.db);
          const outcome = await submitComment(
            testDb.db,
            // A few clients post often, so the rate limit is exercised too.
            {
              articleId: ARTICLE,
              values,
              honeypot: n % 17 === 0 ? junk : '',
              token,
              clientAddress: `203.0.113.${client}`,
            },
            config,
            now,
          );
          outcomes[outcome.kind] = (outcomes[outcome.kind] ?? 0) + 1;
          if (outcome.kind !== 'stored') {
            expect(await total(testDb.db)).toBe(before);
            return;
          }
          expect(await total(testDb.db)).toBe(before + 1);
          const checked = validateComment(values);
          if (!checked.ok) throw new Error('stored a comment that does not validate');
          expect(await findComment(testDb.db, outcome.id)).toMatchObject({
            article_id: ARTICLE,
            body: checked.value.body,
            author_name: checked.value.name,
            author_email: checked.value.email,
            author_website: checked.value.website,
          });
        },
      ),
      { seed: FUZZ_SEED, numRuns: runs(kind === 'sqlite' ? 1000 : 300) },
    );
    expect(outcomes['stored']).toBeGreaterThan(kind === 'sqlite' ? 40 : 12);
    expect(outcomes['invalid']).toBeGreaterThan(0);
    expect(outcomes['stale-form']).toBeGreaterThan(0);
    expect(outcomes['rate-limited']).toBeGreaterThan(0);
    console.info(`${kind}: ${n} posts`, outcomes);
  });
});
