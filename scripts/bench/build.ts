/**
 * `npm run bench:build [-- --count N] [-- --only id,id]`: builds N generated articles (default
 * 1,000) cold (caches removed, --force) then warm (again, on the cache) with this site
 * (unified + remark-gfm, as configured), this site with Sätteri, and a minimal Astro + MDX
 * site (minimal-project.ts), the baseline measured in the same run. Prints seconds per 1,000
 * articles, peak memory and where the seconds went, checks the site against the baseline, and
 * writes bench/results-build.json (only when every variant ran).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type Phase, phaseNames, type StampedLine, splitPhases } from './build-phases.ts';
import { generateContent } from './generate-articles.ts';
import { writeMinimalProject } from './minimal-project.ts';
import { describeMachine, type Figure, printTable, saveResult } from './results.ts';

const root = new URL('../../', import.meta.url).pathname;
// Scratch projects and their output live inside the repository: Astro imports the built
// chunks from outDir to prerender, and those chunks import astro and the integrations by
// name, which resolve only from a folder under this repository's node_modules.
const scratch = join(root, 'bench/.scratch');
const contentDir = join(scratch, 'content');
const astroBin = join(root, 'node_modules/astro/bin/astro.mjs');

interface Variant {
  /** Short name for --only. */
  id: string;
  name: string;
  /** True for this site: the budgets apply to it. */
  ours: boolean;
  env: Record<string, string>;
  /** Writes a fresh scratch project into the folder (absent for this site, built in place). */
  write?: (dir: string) => void;
}

const variants: Variant[] = [
  { id: 'unified', name: 'site, unified + remark-gfm', ours: true, env: {} },
  { id: 'satteri', name: 'site, satteri', ours: true, env: { MARKDOWN_PROCESSOR: 'satteri' } },
  { id: 'minimal', name: 'minimal Astro + MDX', ours: false, env: {}, write: writeMinimalProject },
];

interface Measurement {
  variant: Variant;
  cache: 'cold' | 'warm';
  seconds: number;
  secondsPer1000: number;
  peakMemoryMb: number | null;
  loadBefore: number;
  phases: Phase[];
}

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}

const count = Number(flag('--count') ?? 1000);
if (!Number.isInteger(count) || count < 1) throw new Error('--count needs a positive whole number');
const only = flag('--only')?.split(',');
const unknown = only?.filter((id) => !variants.some((v) => v.id === id)) ?? [];
if (only?.length === 0 || unknown.length > 0) {
  throw new Error(`--only takes a comma-separated list of ${variants.map((v) => v.id).join(', ')}`);
}
const selected = variants.filter((v) => !only || only.includes(v.id));

function projectRoot(variant: Variant): string {
  return variant.write ? join(scratch, variant.id) : root;
}

/** Removes every cache the variant's next build could reuse. */
function clearCaches(variant: Variant): void {
  rmSync(join(scratch, `cache-${variant.id}`), { recursive: true, force: true });
  // A scratch project keeps its caches in its own node_modules/.astro and .astro: a fresh copy
  // has none. This site's generated types go too, so content sync starts from nothing.
  if (variant.write) variant.write(projectRoot(variant));
  else rmSync(join(root, '.astro'), { recursive: true, force: true });
}

/**
 * The environment of this site's builds: one server-island key for the cold and the warm build.
 * Without ASTRO_KEY each build makes up its own, and Astro's incremental build then renders
 * again every page with a server island (every article) instead of reusing it. Production
 * builds set ASTRO_KEY too (README, "Several servers: ASTRO_KEY"); a new key per run keeps the
 * benchmark from depending on one. Scratch sites have no islands and keep Astro's default.
 */
function keyEnv(variant: Variant): Record<string, string> {
  return variant.ours ? { ASTRO_KEY: randomBytes(32).toString('base64') } : {};
}

/** Runs one build under /usr/bin/time -v, stamping each line of its output as it arrives. */
async function build(
  variant: Variant,
  cache: 'cold' | 'warm',
  key: Record<string, string>,
): Promise<Measurement> {
  const args = [
    astroBin,
    'build',
    ...['--root', projectRoot(variant), '--outDir', join(scratch, `dist-${variant.id}`)],
    ...(cache === 'cold' ? ['--force'] : []),
  ];
  const useTime = existsSync('/usr/bin/time');
  const loadBefore = loadavg()[0] ?? 0;
  const started = performance.now();
  const since = () => (performance.now() - started) / 1000;
  const child = spawn(
    useTime ? '/usr/bin/time' : process.execPath,
    useTime ? ['-v', process.execPath, ...args] : args,
    {
      cwd: projectRoot(variant),
      env: {
        ...process.env,
        ...variant.env,
        ...key,
        CONTENT_DIR: contentDir,
        ASTRO_CACHE_DIR: join(scratch, `cache-${variant.id}`),
        // Social cards are cached by content hash; a cold build must draw them all again.
        OG_CACHE_DIR: join(scratch, `cache-${variant.id}`, 'og'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: StampedLine[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (text) => lines.push({ at: since(), text }));
  }
  const status = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const seconds = since();
  const log = lines.map((l) => `[${l.at.toFixed(2).padStart(7)}] ${l.text}`).join('\n');
  writeFileSync(join(scratch, `build-${variant.id}-${cache}.log`), `${log}\n`);
  if (status !== 0) throw new Error(`${variant.name} build failed (exit ${status}):\n${log.slice(-3000)}`);
  const rss = lines.map((l) => /Maximum resident set size \(kbytes\): (\d+)/.exec(l.text)).find(Boolean);
  return {
    variant,
    cache,
    seconds: round(seconds),
    secondsPer1000: round((seconds * 1000) / count),
    peakMemoryMb: rss ? Math.round(Number(rss[1]) / 1024) : null,
    loadBefore,
    phases: splitPhases(lines, seconds),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

mkdirSync(scratch, { recursive: true });
console.log(`Generating ${count} articles into ${contentDir} …`);
generateContent(contentDir, count);

const measurements: Measurement[] = [];
for (const variant of selected) {
  clearCaches(variant);
  const key = keyEnv(variant);
  for (const cache of ['cold', 'warm'] as const) {
    console.log(`Building ${variant.name} (${cache}) …`);
    const m = await build(variant, cache, key);
    measurements.push(m);
    console.log(
      `  ${m.seconds} s, peak ${m.peakMemoryMb ?? 'n/a'} MB, load average ${m.loadBefore.toFixed(2)} before\n` +
        m.phases.map((p) => `    ${p.name.padEnd(24)} ${p.seconds.toFixed(2).padStart(7)} s`).join('\n'),
    );
  }
}

console.log(`\n${count} articles, seconds per phase (whole build, not per 1,000):`);
console.table(
  measurements.map((m) => ({
    variant: m.variant.name,
    cache: m.cache,
    total: m.seconds,
    ...Object.fromEntries(m.phases.map((p) => [p.name, p.seconds])),
  })),
  ['variant', 'cache', 'total', ...phaseNames],
);

const find = (id: string, cache: 'cold' | 'warm') =>
  measurements.find((m) => m.variant.id === id && m.cache === cache);
const baselineCold = find('minimal', 'cold');
const warmToCold = (v: Variant) => {
  const cold = find(v.id, 'cold');
  const warm = find(v.id, 'warm');
  return cold && warm ? round(warm.seconds / cold.seconds) : 0;
};
const loads = measurements.map((m) => m.loadBefore);
const figures: Figure[] = [
  ...measurements.map((m) => ({
    label: `${m.variant.name}, ${m.cache}`,
    value: m.secondsPer1000,
    unit: 's / 1,000 articles',
    ...(m.variant.ours && m.cache === 'cold' && baselineCold
      ? {
          budget: `<= minimal cold (${baselineCold.secondsPer1000} s)`,
          ok: m.secondsPer1000 <= baselineCold.secondsPer1000,
        }
      : {}),
  })),
  ...measurements.map((m) => ({
    label: `${m.variant.name}, ${m.cache}, peak memory`,
    value: m.peakMemoryMb ?? 0,
    unit: 'MB',
  })),
  ...selected.map((v) => {
    const value = warmToCold(v);
    return {
      label: `${v.name}, warm / cold`,
      value,
      unit: 'x',
      ...(v.ours ? { budget: '<= 0.6', ok: value <= 0.6 } : {}),
    };
  }),
  {
    label: 'load average before each build (1 min, mean)',
    value: round(loads.reduce((a, b) => a + b, 0) / loads.length),
    unit: '',
  },
];
if (only) {
  printTable([
    { name: 'build', machine: await describeMachine(), measuredAt: new Date().toISOString(), figures },
  ]);
  console.log('Only some variants ran (--only), so bench/results-build.json was left as it was.');
} else {
  await saveResult('build', figures);
}
