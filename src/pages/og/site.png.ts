import { resolve } from 'node:path';
import type { APIRoute } from 'astro';
import { drawCardPng, loadCardFonts } from '@/server/cards/card-draw';
import { SITE } from '@/site.config';

/** The site-wide card shared by the home, category and other listing pages, drawn at build. */
export const GET: APIRoute = async () => {
  // Prerendered from the project root, where the fonts ship (SIL OFL, licence beside them).
  const fonts = loadCardFonts(resolve(process.cwd(), 'src/assets/fonts'));
  const png = await drawCardPng({ title: SITE.description, siteName: SITE.name }, fonts);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
