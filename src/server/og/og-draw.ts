/**
 * Draws a social card: satori lays the element tree out as SVG, resvg turns it into PNG.
 * CPU-bound (~45 ms a card), so the production server runs it in a worker thread
 * (og-draw.worker.ts); the build (the site card) and the dev server call it directly.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { buildOgCard, hashOgCard, OG_HEIGHT, OG_WIDTH, type OgCardInput } from '../../lib/seo/og-card.ts';

/** The card font's two weights and a digest of their bytes (part of every card's hash). */
export interface OgFonts {
  regular: Buffer;
  bold: Buffer;
  digest: string;
}

/** Reads Inter (SIL OFL, shipped in src/assets/fonts; nothing is downloaded) from `dir`. */
export function loadOgFonts(dir: string): OgFonts {
  const regular = readFileSync(join(dir, 'inter-latin-400-normal.woff'));
  const bold = readFileSync(join(dir, 'inter-latin-700-normal.woff'));
  return { regular, bold, digest: createHash('sha256').update(regular).update(bold).digest('hex') };
}

/** The name of the card these inputs draw: equal hashes mean identical PNGs. */
export function ogCardHash(input: OgCardInput, fontDigest: string): string {
  return hashOgCard(buildOgCard(input), fontDigest);
}

/** Draws the 1200×630 PNG for these inputs. */
export async function drawOgPng(input: OgCardInput, fonts: OgFonts): Promise<Buffer> {
  const svg = await satori(buildOgCard(input), {
    width: OG_WIDTH,
    height: OG_HEIGHT,
    fonts: [
      { name: 'Inter', data: fonts.regular, weight: 400, style: 'normal' },
      { name: 'Inter', data: fonts.bold, weight: 700, style: 'normal' },
    ],
  });
  return new Resvg(svg, { fitTo: { mode: 'original' } }).render().asPng();
}
