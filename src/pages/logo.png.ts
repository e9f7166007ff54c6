import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { APIRoute } from 'astro';

/**
 * The publisher logo for structured data: Google wants a raster image, so the SVG favicon is
 * drawn at 512×512 at build time rather than kept as a second, drifting copy.
 */
export const GET: APIRoute = () => {
  const svg = readFileSync(resolve(process.cwd(), 'public/favicon.svg'));
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: 512 } }).render().asPng();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
