/**
 * Renders social cards to PNG with satori (layout to SVG) and resvg (SVG to PNG), caching each
 * PNG under a hash of its inputs so a build only draws the cards whose article changed.
 * Build-time only: the routes using this are prerendered.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { buildOgCard, hashOgCard, OG_HEIGHT, OG_WIDTH, type OgCardInput } from '@/lib/seo/og-card';

// Astro builds from the project root; the fonts ship in the repo (SIL OFL, licence beside them).
const fontDir = resolve(process.cwd(), 'src/assets/fonts');
const cacheDir = resolve(process.env['OG_CACHE_DIR'] ?? 'node_modules/.cache/og');

let fonts: { regular: Buffer; bold: Buffer; digest: string } | undefined;

function loadFonts(): NonNullable<typeof fonts> {
  if (!fonts) {
    const regular = readFileSync(join(fontDir, 'inter-latin-400-normal.woff'));
    const bold = readFileSync(join(fontDir, 'inter-latin-700-normal.woff'));
    const digest = createHash('sha256').update(regular).update(bold).digest('hex');
    fonts = { regular, bold, digest };
  }
  return fonts;
}

function readCached(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Draws the card for these inputs, or returns the cached PNG drawn from identical inputs. */
export async function renderOgPng(input: OgCardInput): Promise<Buffer> {
  const { regular, bold, digest } = loadFonts();
  const card = buildOgCard(input);
  const file = join(cacheDir, `${hashOgCard(card, digest)}.png`);
  const cached = readCached(file);
  if (cached) return cached;
  const svg = await satori(card, {
    width: OG_WIDTH,
    height: OG_HEIGHT,
    fonts: [
      { name: 'Inter', data: regular, weight: 400, style: 'normal' },
      { name: 'Inter', data: bold, weight: 700, style: 'normal' },
    ],
  });
  const png = new Resvg(svg, { fitTo: { mode: 'original' } }).render().asPng();
  mkdirSync(cacheDir, { recursive: true });
  // Write then rename, so an interrupted build never leaves a truncated PNG in the cache.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, png);
  renameSync(partial, file);
  return png;
}

/** A PNG response that crawlers may cache for a day. */
export function pngResponse(png: Buffer): Response {
  return new Response(new Uint8Array(png), {
    headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=86400' },
  });
}
