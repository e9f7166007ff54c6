import { describe, expect, test } from 'vitest';
import { type StampedLine, splitPhases } from '../../scripts/bench/build-phases.ts';

const stamp = (entries: [number, string][]): StampedLine[] => entries.map(([at, text]) => ({ at, text }));

// Lines as Astro 7.3 writes them for a static blog with one image.
const staticSiteLog = stamp([
  [2.86, '20:36:47 [content] Syncing content'],
  [2.95, '20:36:47 [build] ✓ Completed in 1.65s.'],
  [2.96, '20:36:47 [build] Building static entrypoints...'],
  [4.9, '20:36:49 [vite] ✓ built in 1.83s'],
  [5.0, ' generating static routes '],
  [5.4, '20:36:50 ✓ Completed in 0.4s.'],
  [5.41, ' generating optimized images '],
  [5.6, '20:36:50 ✓ Completed in 0.19s.'],
  [5.62, '20:36:50 [build] ✓ Completed in 2.66s.'],
  [5.7, '20:36:50 [@astrojs/sitemap] `sitemap-index.xml` created at `dist`'],
]);

describe('splitPhases', () => {
  test('measures each phase from its first log line to the next phase', () => {
    expect(splitPhases(staticSiteLog, 6)).toEqual([
      { name: 'startup + content sync', seconds: 2.96 },
      { name: 'vite bundling', seconds: 2.04 },
      { name: 'prerendering pages', seconds: 0.41 },
      { name: 'optimizing images', seconds: 0.21 },
      { name: 'post-build hooks + exit', seconds: 0.38 },
    ]);
  });

  test('leaves out a phase the build never reached and keeps its time with the phase before', () => {
    // The adapter's wording, coloured, with no images to optimize and a search index at the end.
    const lines = stamp([
      [3, '20:34:58 [build] Building server entrypoints...'],
      [13, '\x1b[42m\x1b[30m prerendering static routes \x1b[39m\x1b[49m'],
      [29, '20:35:24 ✓ Completed in 16.02s.'],
      [29.5, '20:35:24 [build] ✓ Completed in 26.33s.'],
      [30.5, '20:35:25 [site-search-index] indexed 268 pages for search in 686 ms'],
    ]);
    expect(splitPhases(lines, 31).map((p) => [p.name, p.seconds])).toEqual([
      ['startup + content sync', 3],
      ['vite bundling', 10],
      ['prerendering pages', 16.5],
      ['post-build hooks + exit', 1.5],
    ]);
  });

  test('counts the whole build as startup when Astro logged none of its phases', () => {
    expect(splitPhases(stamp([[1, 'error: config not found']]), 1.5)).toEqual([
      { name: 'startup + content sync', seconds: 1.5 },
    ]);
  });
});
