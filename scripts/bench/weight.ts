/**
 * `npm run bench:weight [-- /blog/<slug>/]`: the page weight of a built article page (default
 * the backend seed article) beside its budgets: gzip sizes of the HTML, CSS, JavaScript and
 * fonts it loads, and the number of requests. Exits 1 when a budget is exceeded.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { saveResult } from './results.ts';

const clientDir = new URL('../../dist/client/', import.meta.url).pathname;
const pagePath = process.argv[2] ?? '/blog/backend-development-engineering-2026/';
const htmlFile = join(clientDir, pagePath, 'index.html');
if (!existsSync(htmlFile)) throw new Error(`${htmlFile} does not exist: run \`npm run build\` first`);
const html = readFileSync(htmlFile, 'utf8');

const gzipKb = (text: string | Buffer) => gzipSync(text).length / 1024;
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const tags = (pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[0]);
const local = (url: string) => readFileSync(join(clientDir, url.split('?')[0] ?? url));

const stylesheets = tags(/<link[^>]+rel="stylesheet"[^>]*>/g).map((t) => attr(t, 'href') ?? '');
const externalScripts = tags(/<script[^>]+src="[^"]+"[^>]*>/g).map((t) => attr(t, 'src') ?? '');
const inlineScripts = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
  .map((m) => m[1] ?? '')
  .filter((body) => body.trim() !== '');
const fonts = tags(/<link[^>]+rel="preload"[^>]+as="font"[^>]*>/g).map((t) => attr(t, 'href') ?? '');
const icons = tags(/<link[^>]+rel="icon"[^>]*>/g);
const images = tags(/<img\s[^>]*>/g);
const eagerImages = images.filter((t) => attr(t, 'loading') !== 'lazy');

const htmlKb = gzipKb(html);
const cssKb = stylesheets.reduce((sum, href) => sum + gzipKb(local(href)), 0);
// Inline scripts are already counted in the HTML; they are listed under JavaScript as well
// because the JavaScript budget covers every byte of script the page runs.
const jsKb =
  externalScripts.reduce((sum, src) => sum + gzipKb(local(src)), 0) +
  inlineScripts.reduce((sum, body) => sum + gzipKb(body), 0);
const fontKb = fonts.reduce((sum, href) => sum + gzipKb(local(href)), 0);

const rows = [
  { measure: 'HTML + CSS (gzip KB)', figure: htmlKb + cssKb, budget: 20 },
  { measure: '  HTML (gzip KB)', figure: htmlKb, budget: null },
  { measure: '  CSS (gzip KB)', figure: cssKb, budget: null },
  { measure: 'JavaScript (gzip KB)', figure: jsKb, budget: 3 },
  { measure: 'Fonts (KB)', figure: fontKb, budget: 30 },
  {
    measure: 'Requests before scrolling',
    figure:
      1 + stylesheets.length + externalScripts.length + fonts.length + icons.length + eagerImages.length,
    budget: null,
  },
  {
    measure: 'Requests in total',
    figure: 1 + stylesheets.length + externalScripts.length + fonts.length + icons.length + images.length,
    budget: null,
  },
];

console.log(`Page weight of ${pagePath}`);
console.table(
  rows.map((r) => ({
    measure: r.measure,
    figure: Math.round(r.figure * 100) / 100,
    budget: r.budget ?? '',
    ok: r.budget === null ? '' : r.figure <= r.budget ? 'yes' : 'OVER',
  })),
);
console.log(
  `inline scripts: ${inlineScripts.length}, external scripts: ${externalScripts.length}, stylesheets: ${stylesheets.length}`,
);
await saveResult(
  'weight',
  rows.map((r) => ({
    label: r.measure.trim(),
    value: Math.round(r.figure * 100) / 100,
    unit: r.measure.includes('Requests') ? '' : 'KB',
    ...(r.budget === null ? {} : { budget: `<= ${r.budget}`, ok: r.figure <= r.budget }),
  })),
);
if (rows.some((r) => r.budget !== null && r.figure > r.budget)) process.exitCode = 1;
