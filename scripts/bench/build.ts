/**
 * `npm run bench:build [-- --count N]`: builds N generated articles (default 1,000) cold
 * (caches cleared, --force) and warm (second build on the cache), with unified + remark-gfm,
 * with Sätteri, and with a bare Astro + MDX baseline; prints seconds per 1,000 articles and
 * peak memory, and writes bench/results-build.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { writeBaselineProject } from './baseline-project.ts';
import { generateContent } from './generate-articles.ts';
import { saveResult } from './results.ts';

const root = new URL('../../', import.meta.url).pathname;
const scratch = join(root, 'bench/.scratch');
const contentDir = join(scratch, 'content');
const astroBin = join(root, 'node_modules/astro/bin/astro.mjs');
const countFlag = process.argv.indexOf('--count');
const count = countFlag > 0 ? Number(process.argv[countFlag + 1]) : 1000;
if (!Number.isInteger(count) || count < 1) throw new Error('--count needs a positive whole number');

interface Variant {
  name: string;
  root: string;
  env: Record<string, string>;
}

interface Measurement {
  variant: string;
  cache: 'cold' | 'warm';
  seconds: number;
  secondsPer1000: number;
  peakMemoryMb: number | null;
}

const variants: Variant[] = [
  { name: 'unified + remark-gfm', root, env: {} },
  { name: 'satteri', root, env: { MARKDOWN_PROCESSOR: 'satteri' } },
  { name: 'baseline (bare Astro + MDX)', root: join(scratch, 'baseline'), env: {} },
];

/** Runs one build under /usr/bin/time -v; returns wall seconds and the peak RSS of the build. */
function build(variant: Variant, slug: string, force: boolean): Omit<Measurement, 'variant' | 'cache'> {
  const outDir = join(scratch, `dist-${slug}`);
  const args = [astroBin, 'build', '--root', variant.root, '--outDir', outDir, ...(force ? ['--force'] : [])];
  const useTime = existsSync('/usr/bin/time');
  const started = performance.now();
  const result = spawnSync(
    useTime ? '/usr/bin/time' : process.execPath,
    useTime ? ['-v', process.execPath, ...args] : args,
    {
      cwd: variant.root,
      env: {
        ...process.env,
        ...variant.env,
        CONTENT_DIR: contentDir,
        ASTRO_CACHE_DIR: join(scratch, `cache-${slug}`),
        // Social cards are cached by content hash; a cold build must draw them all again.
        OG_CACHE_DIR: join(scratch, `cache-${slug}`, 'og'),
      },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(join(scratch, `build-${slug}-${force ? 'cold' : 'warm'}.log`), result.stdout + result.stderr);
  if (result.status !== 0) {
    throw new Error(`${variant.name} build failed (exit ${result.status}):\n${result.stderr.slice(-3000)}`);
  }
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  return {
    seconds: round(seconds),
    secondsPer1000: round((seconds * 1000) / count),
    peakMemoryMb: rss ? Math.round(Number(rss[1]) / 1024) : null,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

mkdirSync(scratch, { recursive: true });
console.log(`Generating ${count} articles into ${contentDir} …`);
generateContent(contentDir, count);
writeBaselineProject(join(scratch, 'baseline'));

const measurements: Measurement[] = [];
for (const variant of variants) {
  const slug = variant.name.split(' ')[0] ?? 'build';
  rmSync(join(scratch, `cache-${slug}`), { recursive: true, force: true });
  rmSync(join(variant.root, '.astro'), { recursive: true, force: true });
  for (const cache of ['cold', 'warm'] as const) {
    console.log(`Building with ${variant.name} (${cache}) …`);
    measurements.push({ variant: variant.name, cache, ...build(variant, slug, cache === 'cold') });
  }
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.versions.node}`;
console.log(`\n${count} articles on ${machine}\n`);
console.table(
  measurements.map((m) => ({
    variant: m.variant,
    cache: m.cache,
    'seconds / 1,000 articles': m.secondsPer1000,
    'peak memory (MB)': m.peakMemoryMb ?? 'n/a',
  })),
);
const ratio = (name: string) => {
  const [cold, warm] = measurements.filter((m) => m.variant === name);
  return cold && warm ? round(warm.seconds / cold.seconds) : null;
};
const warmToCold = Object.fromEntries(variants.map((v) => [v.name, ratio(v.name)]));
console.log('warm / cold:', warmToCold);
const baselineCold = measurements.find((m) => m.variant.startsWith('baseline') && m.cache === 'cold');
await saveResult('build', [
  ...measurements.map((m) => ({
    label: `${m.variant}, ${m.cache}`,
    value: m.secondsPer1000,
    unit: 's / 1,000 articles',
    ...(m.variant === variants[0]?.name && baselineCold
      ? {
          budget: `<= baseline cold (${baselineCold.secondsPer1000} s)`,
          ok: m.secondsPer1000 <= baselineCold.secondsPer1000,
        }
      : {}),
  })),
  ...measurements.map((m) => ({
    label: `${m.variant}, ${m.cache}, peak memory`,
    value: m.peakMemoryMb ?? 0,
    unit: 'MB',
  })),
  ...variants.map((v) => {
    const value = ratio(v.name) ?? 0;
    return { label: `${v.name}, warm / cold`, value, unit: 'x', budget: '<= 0.6', ok: value <= 0.6 };
  }),
]);
