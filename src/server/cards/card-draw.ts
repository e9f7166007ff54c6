/**
 * Draws a card: satori lays the element tree out as SVG, resvg turns it into PNG. CPU-bound
 * (~45 ms a card), so the server draws in a worker thread (card-draw.worker.ts); the build
 * (the site card) and the dev server call it directly.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import type { CardInput } from './card.ts';
import { buildCardLayout, CARD_HEIGHT, CARD_WIDTH, hashCardLayout } from './card-layout.ts';

/** The card font's two weights and a digest of their bytes (part of every card's hash). */
export interface CardFonts {
  regular: Buffer;
  bold: Buffer;
  digest: string;
}

/** Reads Inter (SIL OFL, shipped in src/assets/fonts; nothing is downloaded) from `dir`. */
export function loadCardFonts(dir: string): CardFonts {
  const regular = readFileSync(join(dir, 'inter-latin-400-normal.woff'));
  const bold = readFileSync(join(dir, 'inter-latin-700-normal.woff'));
  return { regular, bold, digest: createHash('sha256').update(regular).update(bold).digest('hex') };
}

/** The name of the card these inputs draw: equal hashes mean identical PNGs. */
export function cardHash(input: CardInput, fontDigest: string): string {
  return hashCardLayout(buildCardLayout(input), fontDigest);
}

/** Draws the 1200×630 PNG for these inputs. */
export async function drawCardPng(input: CardInput, fonts: CardFonts): Promise<Buffer> {
  const svg = await satori(buildCardLayout(input), {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: [
      { name: 'Inter', data: fonts.regular, weight: 400, style: 'normal' },
      { name: 'Inter', data: fonts.bold, weight: 700, style: 'normal' },
    ],
  });
  return new Resvg(svg, { fitTo: { mode: 'original' } }).render().asPng();
}
