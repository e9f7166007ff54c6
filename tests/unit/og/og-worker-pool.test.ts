import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import {
  OgQueueFullError,
  OgWorkerPool,
  type OgWorkerPoolOptions,
} from '../../../src/server/og/og-worker-pool.ts';
import { pngSize } from '../../support/png.ts';

const fontDir = fileURLToPath(new URL('../../../src/assets/fonts/', import.meta.url));
const misbehaving = new URL('../../fixtures/og/misbehaving-worker.ts', import.meta.url);
const card = (title: string) => ({ title, siteName: 'Journal' });
let pool: OgWorkerPool | undefined;

function start(options: Partial<OgWorkerPoolOptions> = {}): OgWorkerPool {
  pool = new OgWorkerPool({
    size: 1,
    maxQueue: 8,
    timeoutMs: 5_000,
    workerData: { fontDir },
    workerUrl: misbehaving,
    ...options,
  });
  return pool;
}

afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('the card worker pool', () => {
  test('draws a real 1200×630 card in the worker thread', async () => {
    const workers = start({
      workerUrl: new URL('../../../src/server/og/og-draw.worker.ts', import.meta.url),
    });
    const png = await workers.draw({
      ...card('Backend in 2026'),
      category: 'Backend',
      author: 'Jordan Ellis',
    });
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });

  test('refuses work beyond the queue limit instead of queueing without end', async () => {
    const busy = start({ maxQueue: 1 });
    const first = busy.draw(card('one'));
    const second = busy.draw(card('two'));
    await expect(busy.draw(card('three'))).rejects.toBeInstanceOf(OgQueueFullError);
    expect((await first).toString()).toBe('one');
    expect((await second).toString()).toBe('two');
  });

  test('fails a card the worker reports an error for, and keeps drawing', async () => {
    const workers = start();
    await expect(workers.draw(card('fail'))).rejects.toThrow('satori refused the card');
    expect((await workers.draw(card('after'))).toString()).toBe('after');
  });

  test('fails the card of a crashed worker and draws the next one in a new worker', async () => {
    const workers = start();
    const crashing = workers.draw(card('crash'));
    const queued = workers.draw(card('queued behind the crash'));
    await expect(crashing).rejects.toThrow('the worker crashed');
    expect((await queued).toString()).toBe('queued behind the crash');
  });

  test('fails a card that takes too long and replaces its worker', async () => {
    const workers = start({ timeoutMs: 300 });
    await expect(workers.draw(card('hang'))).rejects.toThrow('longer than 300 ms');
    expect((await workers.draw(card('after'))).toString()).toBe('after');
  });

  test('fails queued cards when closed', async () => {
    const workers = start({ timeoutMs: 60_000 });
    const hanging = expect(workers.draw(card('hang'))).rejects.toThrow('stopped');
    const waiting = expect(workers.draw(card('waiting'))).rejects.toThrow('stopped');
    await workers.close();
    await Promise.all([hanging, waiting]);
    await expect(workers.draw(card('after'))).rejects.toThrow('stopped');
  });
});
