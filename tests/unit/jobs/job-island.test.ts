import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { loadCategoryMapping } from '../../../src/server/jobs/category-mapping.ts';
import { closeJob } from '../../../src/server/jobs/job.service.ts';
import { seedDemoJobs } from '../../../src/server/jobs/job-demo.ts';
import { getIslandRoles } from '../../../src/server/jobs/job-island.ts';
import { resetConfig } from '../../../src/server/platform/config/config.ts';
import { closeDb, getDb } from '../../../src/server/platform/db/database.ts';
import { scratchSqliteUrl } from '../../e2e/support/server.ts';

describe('island roles', () => {
  const sockets: Socket[] = [];
  let silent: Server | undefined;
  afterEach(async () => {
    await closeDb();
    resetConfig();
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => (silent ? silent.close(resolve) : resolve(undefined)));
  });

  test('reads matching roles and reuses the answer for a few seconds', async () => {
    process.env['DATABASE_URL'] = scratchSqliteUrl();
    const db = await getDb();
    await seedDemoJobs(db, loadCategoryMapping('content'));
    const first = await getIslandRoles(['newsletters']);
    expect(first?.matching).toBe(true);
    expect(first?.jobs.map((j) => j.title)).toEqual(['Technical Newsletter Editor (Demo)']);
    await closeJob(db, first?.jobs[0]?.id ?? '');
    expect(await getIslandRoles(['newsletters'])).toBe(first);
  });

  test('answers with no roles, logging once, when the database does not answer', async () => {
    // A server that accepts connections and never speaks: a hung database.
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent?.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    process.env['DATABASE_URL'] = `postgres://postgres@127.0.0.1:${port}/hung`;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await getIslandRoles(['backend'])).toBeNull();
    expect(await getIslandRoles(['backend'])).toBeNull();
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]?.[0])).toMatch(
      /island is showing its fallback: the database did not answer within 500 ms/,
    );
  });
});
