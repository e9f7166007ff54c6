import { afterEach, describe, expect, test } from 'vitest';
import { CardPool, type CardPoolOptions, CardQueueFullError } from '../../../src/server/cards/card-pool.ts';
import { pngSize } from '../../support/png.ts';

const misbehaving = new URL('../../fixtures/cards/misbehaving-worker.ts', import.meta.url);
const card = (title: string) => ({ title, siteName: 'Journal' });
let pool: CardPool | undefined;

function start(options: Partial<CardPoolOptions> = {}): CardPool {
  pool = new CardPool({ size: 1, maxQueue: 8, worker: misbehaving, ...options });
  return pool;
}

/** Resolves when the misbehaving worker says it holds a card it will never finish. */
async function hanging(): Promise<void> {
  // Listening starts before the first await, so before the caller hands the card over.
  const channel = new BroadcastChannel('misbehaving-worker');
  try {
    await new Promise<void>((resolve) => {
      channel.onmessage = () => resolve();
    });
  } finally {
    channel.close();
  }
}

afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('the card worker pool', () => {
  test('draws a real 1200×630 card in the worker thread', async () => {
    const workers = start({
      worker: new URL('../../../src/server/cards/card-draw.worker.ts', import.meta.url),
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
    await expect(busy.draw(card('three'))).rejects.toBeInstanceOf(CardQueueFullError);
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

  test('stops a drawing when its signal aborts (the server deadline) and draws on in a new worker', async () => {
    const workers = start();
    const stop = new AbortController();
    const started = hanging();
    const stuck = workers.draw(card('hang'), stop.signal);
    await started;
    stop.abort(new Error('took longer than 10000 ms'));
    await expect(stuck).rejects.toThrow('the drawing was stopped: took longer than 10000 ms');
    expect((await workers.draw(card('after'))).toString()).toBe('after');
  });

  test('fails running and queued cards when closed, and every card after', async () => {
    const workers = start();
    const started = hanging();
    const stuck = workers.draw(card('hang'));
    const waiting = workers.draw(card('waiting'));
    await started;
    // Listening before closing: both fail while close() runs.
    const failures = Promise.all([
      expect(stuck).rejects.toThrow('Terminating worker thread'),
      expect(waiting).rejects.toThrow('Terminating worker thread'),
    ]);
    await workers.close();
    await failures;
    await expect(workers.draw(card('after'))).rejects.toThrow('stopped');
  });
});
