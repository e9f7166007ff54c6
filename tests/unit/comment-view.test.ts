import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterEach, describe, expect, test, vi } from 'vitest';
import CommentsIsland from '@/components/comments/CommentsIsland.astro';
import { resetConfig } from '../../src/server/platform/config/config.ts';
import { closeDb, getDb } from '../../src/server/platform/db/database.ts';
import { type HungDatabase, startHungDatabase } from '../support/hung-database.ts';

const props = { articleId: 'backend-development-engineering-2026', articleTitle: 'Backend' };
const FALLBACK = 'Comments cannot be loaded right now';

describe('the comments island', () => {
  let hung: HungDatabase | undefined;
  let folder: string | undefined;
  afterEach(async () => {
    // Drop the hung connections first, so closing the pool does not wait on them.
    await hung?.close();
    hung = undefined;
    await closeDb();
    if (folder) rmSync(folder, { recursive: true, force: true });
    folder = undefined;
    delete process.env['DATABASE_URL'];
    resetConfig();
    vi.restoreAllMocks();
  });

  test('renders the count and a signed form from a working database', async () => {
    folder = mkdtempSync(join(tmpdir(), 'blog-view-'));
    process.env['DATABASE_URL'] = `file:${join(folder, 'site.db')}`;
    // Migrated first, as the server does before it listens: the island's deadline is for reads.
    await getDb();
    const container = await AstroContainer.create();
    const html = await container.renderToString(CommentsIsland, { props });
    expect(html).toContain('0 comments');
    expect(html).toMatch(/name="token" value="[^"]+"/);
    expect(html).not.toContain(FALLBACK);
  });

  test('shows its fallback with a usable form while the database hangs, logging once', async () => {
    hung = await startHungDatabase();
    process.env['DATABASE_URL'] = hung.url;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const container = await AstroContainer.create();
    const pages = await Promise.all(
      Array.from({ length: 40 }, () => container.renderToString(CommentsIsland, { props })),
    );
    // Every render answered while the driver was still waiting on the hung connection: the
    // island's own deadline ended the wait, not the driver's 5 s connection timeout.
    expect(hung.accepted()).toBeGreaterThan(0);
    expect(hung.abandoned()).toBe(0);
    for (const html of pages) {
      expect(html).toContain(FALLBACK);
      expect(html).toContain('name="comment"');
      expect(html).toContain('Post Comment');
    }
    // A later render falls back too; the outage is still logged once.
    expect(await container.renderToString(CommentsIsland, { props })).toContain(FALLBACK);
    expect(hung.abandoned()).toBe(0);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]?.[0])).toMatch(
      /^\[comments\] comments are showing their fallback: the database did not answer within 500 ms/,
    );
  });
});
