/**
 * Draws the site-wide card at build time (the only prerendered card; article cards are drawn
 * by the server on request), through the same drawing code and disk cache as the server.
 */
import { resolve } from 'node:path';
import type { OgCardInput } from '@/lib/seo/og-card';
import { OgDiskCache, ogCacheDirectory } from '@/server/og/og-disk-cache';
import { drawOgPng, loadOgFonts, ogCardHash } from '@/server/og/og-draw';

// Astro builds from the project root; the fonts ship in the repo (SIL OFL, licence beside them).
const root = process.cwd();

/** Draws the card for these inputs, or returns the cached PNG drawn from identical inputs. */
export async function renderOgPng(input: OgCardInput): Promise<Buffer> {
  const fonts = loadOgFonts(resolve(root, 'src/assets/fonts'));
  const cache = new OgDiskCache(ogCacheDirectory(root));
  const hash = ogCardHash(input, fonts.digest);
  const cached = await cache.read(hash);
  if (cached) return cached;
  const png = await drawOgPng(input, fonts);
  await cache.write(hash, png);
  return png;
}

/** A PNG response that crawlers may cache for a day. */
export function pngResponse(png: Buffer): Response {
  return new Response(new Uint8Array(png), {
    headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=86400' },
  });
}
