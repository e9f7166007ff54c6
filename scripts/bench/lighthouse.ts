/**
 * `npm run bench:lighthouse`: Lighthouse (mobile, the npm package driving the system Chromium)
 * on the built home and article pages, served by the production server on a free port.
 */
import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTool } from '../test-tools.ts';
import { SITE_SERVER, startChild, stopChild } from './processes.ts';
import { type Figure, saveResult } from './results.ts';

const chromium = findTool('chromium');
if (!chromium) throw new Error('no Chromium: set CHROMIUM_PATH or run `npm run pretest`, which installs it');
const flags =
  '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';
const pages = [
  { name: 'home', path: '/' },
  { name: 'article', path: '/blog/backend-development-engineering-2026/' },
];

interface LighthouseReport {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number }>;
}

function runLighthouse(url: string, out: string): LighthouseReport {
  const run = spawnSync(
    'npx',
    [
      'lighthouse',
      url,
      `--chrome-path=${chromium}`,
      `--chrome-flags=${flags}`,
      '--output=json',
      `--output-path=${out}`,
      '--quiet',
    ],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) throw new Error(`lighthouse failed on ${url}`);
  return JSON.parse(readFileSync(out, 'utf8')) as LighthouseReport;
}

const scratch = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'));
const children: ChildProcess[] = [];
const origin = await startChild(
  SITE_SERVER,
  { JOBS_DEMO: '1', DATABASE_URL: `file:${join(scratch, 'site.db')}` },
  children,
);
const figures: Figure[] = [];
try {
  for (const page of pages) {
    const report = runLighthouse(`${origin}${page.path}`, join(scratch, `${page.name}.json`));
    for (const category of ['performance', 'accessibility', 'best-practices', 'seo']) {
      const score = Math.round((report.categories[category]?.score ?? 0) * 100);
      figures.push({
        label: `${page.name} ${category}`,
        value: score,
        unit: '/100',
        budget: '100',
        ok: score === 100,
      });
    }
    const lcp = (report.audits['largest-contentful-paint']?.numericValue ?? Number.NaN) / 1000;
    const cls = report.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN;
    const tbt = report.audits['total-blocking-time']?.numericValue ?? Number.NaN;
    figures.push({
      label: `${page.name} LCP`,
      value: lcp,
      unit: 's',
      budget: '<= 1.2 s',
      ok: lcp <= 1.2,
    });
    figures.push({ label: `${page.name} CLS`, value: cls, unit: '', budget: '0', ok: cls === 0 });
    figures.push({ label: `${page.name} TBT`, value: tbt, unit: 'ms' });
  }
} finally {
  for (const child of children) await stopChild(child);
  rmSync(scratch, { recursive: true, force: true });
}
await saveResult('lighthouse', figures);
