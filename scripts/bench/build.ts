/**
 * `npm run bench:build [-- --count N] [-- --rounds R] [-- --only id,id]`: builds N generated
 * articles (default 1,000) cold (caches removed, --force) then warm (again, on the caches)
 * for each variant of build-variants.ts: the site as configured, the site without each part
 * of its build-speed work, and a minimal Astro + MDX site. R rounds (default 2), the order
 * of the variants reversed every other round so that a pair's members alternate; medians
 * are reported. Each part's saving is its variant's median minus the site's, same run.
 * Writes bench/results-build.json only when every variant ran.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { phaseNames } from './build-phases.ts';
import { type BuildCost, round, runBuild } from './build-run.ts';
import { type Variant, variants, writeVariantConfig } from './build-variants.ts';
import { generateContent } from './generate-articles.ts';
import { describeMachine, type Figure, printTable, saveResult } from './results.ts';

const root = new URL('../../', import.meta.url).pathname;
// Scratch projects and their output live inside the repository: Astro imports the built
// chunks from outDir to prerender, and those chunks import astro and the integrations by
// name, which resolve only from a folder under this repository's node_modules.
const scratch = join(root, 'bench/.scratch');
const contentDir = join(scratch, 'content');
type Cache = 'cold' | 'warm';

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}

const count = Number(flag('--count') ?? 1000);
if (!Number.isInteger(count) || count < 1) throw new Error('--count needs a positive whole number');
const rounds = Number(flag('--rounds') ?? 2);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds needs a positive whole number');
const only = flag('--only')?.split(',');
const unknown = only?.filter((id) => !variants.some((v) => v.id === id)) ?? [];
if (only?.length === 0 || unknown.length > 0)
  throw new Error(`--only takes a comma-separated list of ${variants.map((v) => v.id).join(', ')}`);
const selected = variants.filter((v) => !only || only.includes(v.id));

const projectRoot = (v: Variant) => (v.write ? join(scratch, v.id) : root);
const cacheDir = (v: Variant) => join(scratch, `cache-${v.id}`);

/** Removes every cache the variant's next build could reuse. */
function clearCaches(variant: Variant): void {
  rmSync(cacheDir(variant), { recursive: true, force: true });
  // A scratch project keeps its caches in its own node_modules/.astro and .astro: a fresh copy
  // has none. This site's generated types go too, so content sync starts from nothing.
  if (variant.write) variant.write(projectRoot(variant));
  else rmSync(join(root, '.astro'), { recursive: true, force: true });
}

/**
 * One server-island key for a variant's cold and warm build: without ASTRO_KEY each build
 * makes up its own, and Astro's incremental build then renders every page with a server
 * island again. Production builds set ASTRO_KEY too (docs/deploy.md).
 */
function env(variant: Variant): Record<string, string> {
  return {
    ...(variant.write ? {} : { ASTRO_KEY: randomBytes(32).toString('base64') }),
    CONTENT_DIR: contentDir,
    ASTRO_CACHE_DIR: cacheDir(variant),
    // The site card is cached by content hash; a cold build draws it again.
    OG_CACHE_DIR: join(cacheDir(variant), 'og'),
  };
}

interface Measurement extends BuildCost {
  variant: Variant;
  cache: Cache;
}

mkdirSync(scratch, { recursive: true });
console.log(`Generating ${count} articles into ${contentDir} …`);
generateContent(contentDir, count);

const measurements: Measurement[] = [];
for (let round_ = 0; round_ < rounds; round_++) {
  const order = round_ % 2 === 0 ? selected : [...selected].reverse();
  for (const variant of order) {
    clearCaches(variant);
    const buildEnv = env(variant);
    const config = writeVariantConfig(variant, join(scratch, 'configs'));
    for (const cache of ['cold', 'warm'] as const) {
      if (cache === 'warm') variant.beforeWarm?.(cacheDir(variant));
      console.log(`Round ${round_ + 1}/${rounds}: ${variant.name} (${cache}) …`);
      const cost = await runBuild({
        root: projectRoot(variant),
        outDir: join(scratch, `dist-${variant.id}`),
        config,
        cold: cache === 'cold',
        env: buildEnv,
        logFile: join(scratch, `build-${variant.id}-${cache}.log`),
      });
      measurements.push({ ...cost, variant, cache });
      console.log(
        `  ${cost.seconds} s wall, ${cost.cpuSeconds} s CPU, peak ${cost.peakMemoryMb ?? 'n/a'} MB, load ${cost.loadBefore.toFixed(2)}\n` +
          cost.phases.map((p) => `    ${p.name.padEnd(24)} ${p.seconds.toFixed(2).padStart(7)} s`).join('\n'),
      );
    }
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return round(
    sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2,
  );
}

/** Median wall and CPU seconds of a variant's builds of one kind. */
function medians(id: string, cache: Cache): { wall: number; cpu: number; memory: number } | undefined {
  const runs = measurements.filter((m) => m.variant.id === id && m.cache === cache);
  if (runs.length === 0) return undefined;
  return {
    wall: median(runs.map((m) => m.seconds)),
    cpu: median(runs.map((m) => m.cpuSeconds)),
    memory: median(runs.map((m) => m.peakMemoryMb ?? 0)),
  };
}

console.log(`\n${count} articles, every build, seconds per phase:`);
console.table(
  measurements.map((m) => ({
    variant: m.variant.id,
    cache: m.cache,
    total: m.seconds,
    cpu: m.cpuSeconds,
    load: round(m.loadBefore),
    ...Object.fromEntries(m.phases.map((p) => [p.name, p.seconds])),
  })),
  ['variant', 'cache', 'total', 'cpu', 'load', ...phaseNames],
);

const per1000 = (seconds: number) => round((seconds * 1000) / count);
const figures: Figure[] = [];
for (const variant of selected) {
  for (const cache of ['cold', 'warm'] as const) {
    const own = medians(variant.id, cache);
    if (!own) continue;
    figures.push(
      { label: `${variant.name}, ${cache}`, value: per1000(own.wall), unit: 's / 1,000 articles' },
      { label: `${variant.name}, ${cache}, CPU`, value: per1000(own.cpu), unit: 's / 1,000 articles' },
      { label: `${variant.name}, ${cache}, peak memory`, value: own.memory, unit: 'MB' },
    );
  }
}
// Each part: what leaving it out costs, against the site in the same run.
const comparisons: Record<string, string | number>[] = [];
for (const variant of selected) {
  const baseline = variant.baseline ? selected.find((v) => v.id === variant.baseline) : undefined;
  if (!baseline) continue;
  for (const cache of ['cold', 'warm'] as const) {
    const without = medians(variant.id, cache);
    const withPart = medians(baseline.id, cache);
    if (!without || !withPart) continue;
    const saving = per1000(without.wall - withPart.wall);
    comparisons.push({
      part: variant.id,
      cache,
      'with (s)': withPart.wall,
      'without (s)': without.wall,
      'saving (s)': round(without.wall - withPart.wall),
      'with / without': round(withPart.wall / without.wall),
      'CPU with / without': round(withPart.cpu / without.cpu),
    });
    figures.push({
      label: `saved by ${variant.part ?? variant.id}, ${cache} (with ${withPart.wall} s, without ${without.wall} s: ${round(withPart.wall / without.wall)}x)`,
      value: saving,
      unit: 's / 1,000 articles',
    });
  }
}
const site = { cold: medians('site', 'cold'), warm: medians('site', 'warm') };
const minimal = { cold: medians('minimal', 'cold'), warm: medians('minimal', 'warm') };
if (site.cold && minimal.cold) {
  figures.push({
    label: `site cold / minimal Astro + MDX cold (${site.cold.wall} s vs ${minimal.cold.wall} s)`,
    value: round(site.cold.wall / minimal.cold.wall),
    unit: 'x',
  });
}
if (site.cold && site.warm) {
  const value = round(site.warm.wall / site.cold.wall);
  figures.push({ label: 'site warm / cold', value, unit: 'x', budget: '<= 0.6', ok: value <= 0.6 });
}
const loads = measurements.map((m) => m.loadBefore);
figures.push({
  label: `load average before each build (1 min; min ${round(Math.min(...loads))}, max ${round(Math.max(...loads))})`,
  value: median(loads),
  unit: 'median',
});

if (comparisons.length > 0) {
  console.log(`\nMedians of ${rounds} round(s), whole build of ${count} articles:`);
  console.table(comparisons);
}
if (only) {
  printTable([
    { name: 'build', machine: await describeMachine(), measuredAt: new Date().toISOString(), figures },
  ]);
  console.log('Only some variants ran (--only), so bench/results-build.json was left as it was.');
} else {
  await saveResult('build', figures);
}
