/**
 * The worker thread that draws cards for card-pool.ts (tinypool calls the default export), so
 * the ~45 ms of satori and resvg per card never blocks the server's event loop.
 */
import { fileURLToPath } from 'node:url';
import type { CardInput } from './card.ts';
import { drawCardPng, loadCardFonts } from './card-draw.ts';

const fonts = loadCardFonts(fileURLToPath(new URL('../../assets/fonts/', import.meta.url)));

/** Draws one card (the PNG reaches the pool as a Uint8Array). */
export default function draw(input: CardInput): Promise<Buffer> {
  return drawCardPng(input, fonts);
}
