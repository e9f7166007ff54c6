/**
 * Draws the hero placeholder that `npm run new` copies next to a new article: a neutral
 * picture with a dashed "image goes here" frame, so an unreplaced placeholder is obvious in
 * the preview. Re-run after changing it:  node scripts/assets/draw-placeholder.ts
 */
import sharp from 'sharp';

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <rect width="1200" height="630" fill="#e2e8f0"/>
  <rect x="60" y="60" width="1080" height="510" rx="24" fill="none" stroke="#64748b" stroke-width="8" stroke-dasharray="36 24"/>
  <circle cx="470" cy="250" r="56" fill="#94a3b8"/>
  <path d="M300 470 L500 300 L640 420 L760 330 L900 470 Z" fill="#94a3b8"/>
</svg>`;

await sharp(Buffer.from(svg))
  .png({ compressionLevel: 9, palette: true })
  .toFile(new URL('./hero-placeholder.png', import.meta.url).pathname);
console.log('drew hero-placeholder.png');
