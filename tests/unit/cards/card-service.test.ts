import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CardService } from '../../../src/server/cards/card.service.ts';
import type { CardManifest } from '../../../src/server/cards/card.ts';
import { CardCache } from '../../../src/server/cards/card-cache.ts';
import { cardLookup } from '../../../src/server/cards/card-manifest.ts';

const manifest: CardManifest = {
  version: 1,
  cards: {
    backend: { title: 'Backend in 2026', siteName: 'Journal', category: 'Backend', author: 'Jordan Ellis' },
    careers: { title: 'Careers in 2026', siteName: 'Journal' },
  },
};
let dir = '';

/** A service over `cards` whose drawings are counted and take `delayMs`. */
function service(cacheDir: string, options: { delayMs?: number; fail?: boolean } = {}) {
  const drawn: string[] = [];
  const logged: string[] = [];
  const cardService = new CardService({
    lookup: cardLookup(manifest),
    fontDigest: 'font',
    cache: new CardCache(cacheDir),
    draw: async (input) => {
      drawn.push(input.title);
      await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 0));
      if (options.fail) throw new Error('resvg ran out of memory');
      return Buffer.from(`png of ${input.title}`);
    },
    log: (message) => logged.push(message),
  });
  return { cardService, drawn, logged };
}

function card(cardService: CardService, slug: string) {
  const found = cardService.find(slug);
  if (!found) throw new Error(`no card for ${slug}`);
  return found;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'og-cache-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the card service', () => {
  test('finds published slugs only; prototype names are not slugs', () => {
    const { cardService } = service(dir);
    expect(cardService.find('backend')?.input.title).toBe('Backend in 2026');
    expect(cardService.find('draft')).toBeUndefined();
    expect(cardService.find('__proto__')).toBeUndefined();
    expect(cardService.find('toString')).toBeUndefined();
  });

  test('names a card by its inputs: another title, another hash', () => {
    const { cardService } = service(dir);
    const backend = card(cardService, 'backend');
    expect(backend.hash).toMatch(/^[0-9a-f]{32}$/);
    expect(card(cardService, 'backend').hash).toBe(backend.hash);
    expect(card(cardService, 'careers').hash).not.toBe(backend.hash);
  });

  test('draws a burst of requests for one card once, and writes it to the cache folder', async () => {
    const { cardService, drawn } = service(dir, { delayMs: 50 });
    const backend = card(cardService, 'backend');
    const pngs = await Promise.all(Array.from({ length: 20 }, () => cardService.png(backend)));
    expect(drawn).toEqual(['Backend in 2026']);
    for (const png of pngs) expect(png.toString()).toBe('png of Backend in 2026');
    expect(readdirSync(dir)).toEqual([`${backend.hash}.png`]);
    expect(readFileSync(join(dir, `${backend.hash}.png`), 'utf8')).toBe('png of Backend in 2026');
  });

  test('draws two different cards requested together once each', async () => {
    const { cardService, drawn } = service(dir, { delayMs: 20 });
    await Promise.all(
      ['backend', 'careers', 'backend', 'careers'].map((slug) => cardService.png(card(cardService, slug))),
    );
    expect(drawn.sort()).toEqual(['Backend in 2026', 'Careers in 2026']);
  });

  test('serves a card drawn before, even by an earlier server, from the cache folder', async () => {
    const first = service(dir);
    await first.cardService.png(card(first.cardService, 'backend'));
    const restarted = service(dir);
    const png = await restarted.cardService.png(card(restarted.cardService, 'backend'));
    expect(png.toString()).toBe('png of Backend in 2026');
    expect(restarted.drawn).toEqual([]);
  });

  test('reads what is in the cache folder rather than drawing', async () => {
    const { cardService, drawn } = service(dir);
    const backend = card(cardService, 'backend');
    writeFileSync(join(dir, `${backend.hash}.png`), 'cached bytes');
    expect((await cardService.png(backend)).toString()).toBe('cached bytes');
    expect(drawn).toEqual([]);
  });

  test('still serves cards when the cache folder cannot be written, and says so once', async () => {
    // A file where the folder should be: unwritable even for root, unlike a chmod.
    writeFileSync(join(dir, 'cards'), 'not a folder');
    const { cardService, drawn, logged } = service(join(dir, 'cards'));
    expect((await cardService.png(card(cardService, 'backend'))).toString()).toBe('png of Backend in 2026');
    await cardService.png(card(cardService, 'careers'));
    expect(drawn).toHaveLength(2);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/cannot cache cards in .*cards/);
  });

  test('passes a drawing failure to every waiting request, caches nothing, and tries again next time', async () => {
    const failing = service(dir, { delayMs: 20, fail: true });
    const backend = card(failing.cardService, 'backend');
    const results = await Promise.allSettled([
      failing.cardService.png(backend),
      failing.cardService.png(backend),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(failing.drawn).toHaveLength(1);
    expect(readdirSync(dir)).toEqual([]);
    await expect(failing.cardService.png(backend)).rejects.toThrow('resvg ran out of memory');
    expect(failing.drawn).toHaveLength(2);
  });
});
