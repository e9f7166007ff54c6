/**
 * Draws the hero illustrations committed under content/articles/images: flat vector scenes
 * rendered to PNG with sharp, so no image is downloaded. Re-run after changing a palette:
 *   node scripts/assets/draw-hero.ts
 */
import sharp from 'sharp';

interface Scene {
  file: string;
  sky: string;
  accent: string;
  screens: string[];
}

const scenes: Scene[] = [
  {
    file: 'backend-development-engineering-2026',
    sky: '#0f172a',
    accent: '#38bdf8',
    screens: ['#1e293b', '#334155', '#1e293b'],
  },
  {
    file: 'full-stack-development-trends-2026',
    sky: '#1e1b4b',
    accent: '#a78bfa',
    screens: ['#312e81', '#3730a3', '#312e81'],
  },
  {
    file: 'top-companies-hiring-full-stack-developers-2026',
    sky: '#052e16',
    accent: '#4ade80',
    screens: ['#14532d', '#166534', '#14532d'],
  },
];

function screen(x: number, color: string, accent: string, seed: number): string {
  const lines = Array.from({ length: 7 }, (_, i) => {
    const width = 60 + ((seed * 37 + i * 53) % 160);
    return `<rect x="${x + 24}" y="${150 + i * 28}" width="${width}" height="10" rx="5" fill="${accent}" opacity="${0.35 + (i % 3) * 0.2}"/>`;
  }).join('');
  return `<rect x="${x}" y="110" width="300" height="240" rx="14" fill="${color}" stroke="${accent}" stroke-opacity="0.4"/>${lines}`;
}

function person(x: number, accent: string): string {
  return `<circle cx="${x}" cy="470" r="34" fill="#e2e8f0"/><rect x="${x - 60}" y="512" width="120" height="120" rx="50" fill="${accent}" opacity="0.85"/>`;
}

function svg(scene: Scene): string {
  const screens = scene.screens.map((c, i) => screen(120 + i * 330, c, scene.accent, i + 1)).join('');
  const people = [300, 600, 900].map((x) => person(x, scene.accent)).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <rect width="1200" height="630" fill="${scene.sky}"/>
  <circle cx="1080" cy="90" r="160" fill="${scene.accent}" opacity="0.12"/>
  ${screens}
  <rect x="0" y="590" width="1200" height="40" fill="#0b1120" opacity="0.6"/>
  ${people}
</svg>`;
}

for (const scene of scenes) {
  await sharp(Buffer.from(svg(scene)))
    .png({ compressionLevel: 9, palette: true })
    .toFile(new URL(`../../content/articles/images/${scene.file}.png`, import.meta.url).pathname);
  console.log(`drew ${scene.file}.png`);
}
