/**
 * `npm run bench:build [-- --count N] [-- --rounds R] [-- --only id,id]`: builds N generated
 * articles (default 1,000) cold (caches removed, --force) then warm (again, on the caches)
 * for each variant of build-variants.ts: the site as configured, the site without each part
 * of its build-speed work, and a minimal Astro + MDX site. R rounds (default 3), the order
 * of the variants reversed every other round so that a pair's members alternate; medians of
 * wall and CPU time are reported. Each part's saving is its variant's median minus the
 * site's, same run. When every variant ran, writes bench/results-build.json and the table of
 * docs/performance.md.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { phaseNames } from './build-phases.ts';
import {
  compareParts,
  type Measurement,
  median,
  mediansOf,
  partFigures,
  performanceTable,
} from './build-report.ts';
import { round, runBuild } from './build-run.ts';
import { type Variant, variants, writeVariantConfig } from './build-variants.ts';
import { generateContent } from './generate-articles.ts';
import { describeMachine, type Figure, printTable, saveResult, writeMarkedBlock } from './results.ts';

const root = new URL('../../', import.meta.url).pathname;
// Scratch projects and their output live inside the repository: Astro imports the built
// chunks from outDir to prerender, and those chunks import astro and the integrations by
// name, which resolve only from a folder under this repository's node_modules.
const scratch = join(root, 'bench/.scratch');
const contentDir = join(scratch, 'content');

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}

const count = Number(flag('--count') ?? 1000);
if (!Number.isInteger(count) || count < 1) throw new Error('--count needs a positive whole number');
const rounds = Number(flag('--rounds') ?? 3);
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
  };
}

mkdirSync(scratch, { recursive: true });
console.log(`Generating ${count} articles into ${contentDir} …`);
generateContent(contentDir, count);

const measurements: Measurement[] = [];
for (let turn = 0; turn < rounds; turn++) {
  const order = turn % 2 === 0 ? selected : [...selected].reverse();
  for (const variant of order) {
    clearCaches(variant);
    const buildEnv = env(variant);
    const config = writeVariantConfig(variant, join(scratch, 'configs'));
    for (const cache of ['cold', 'warm'] as const) {
      if (cache === 'warm') variant.beforeWarm?.(cacheDir(variant));
      console.log(`Round ${turn + 1}/${rounds}: ${variant.name} (${cache}) …`);
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
const figures: Figure[] = selected.flatMap((variant) =>
  (['cold', 'warm'] as const).flatMap((cache) => {
    const own = mediansOf(measurements, variant.id, cache);
    if (!own) return [];
    return [
      { label: `${variant.name}, ${cache}`, value: per1000(own.wall), unit: 's / 1,000 articles' },
      { label: `${variant.name}, ${cache}, CPU`, value: per1000(own.cpu), unit: 's / 1,000 articles' },
      { label: `${variant.name}, ${cache}, peak memory`, value: own.memory, unit: 'MB' },
    ];
  }),
);
const comparisons = compareParts(measurements, selected);
figures.push(...partFigures(comparisons, per1000));
const site = { cold: mediansOf(measurements, 'site', 'cold'), warm: mediansOf(measurements, 'site', 'warm') };
const minimalCold = mediansOf(measurements, 'minimal', 'cold');
if (site.cold && minimalCold) {
  figures.push({
    label: `site cold / minimal Astro + MDX cold (${site.cold.wall} s vs ${minimalCold.wall} s)`,
    value: round(site.cold.wall / minimalCold.wall),
    unit: 'x',
  });
}
if (site.cold && site.warm) {
  const value = round(site.warm.wall / site.cold.wall);
  figures.push({ label: 'site warm / cold', value, unit: 'x', budget: '<= 0.6', ok: value <= 0.6 });
}
const loads = measurements.map((m) => m.loadBefore);
const load = `load average (1 min) before each build: median ${median(loads)}, min ${round(Math.min(...loads))}, max ${round(Math.max(...loads))}`;
figures.push({ label: load, value: median(loads), unit: '' });

const machine = await describeMachine();
const table = performanceTable(
  comparisons,
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}: ${count} articles, ${rounds} round${rounds === 1 ? '' : 's'}, medians; ${load}.`,
);
console.log(`\n${table}\n`);
if (only) {
  printTable([{ name: 'build', machine, measuredAt: new Date().toISOString(), figures }]);
  console.log(
    'Only some variants ran (--only): bench/results-build.json and docs/performance.md left as they were.',
  );
} else {
  await saveResult('build', figures, { document: false });
  writeMarkedBlock('docs/performance.md', 'build', table);
}
