/**
 * Turns the build benchmark's measurements into figures: medians per variant, and each part's
 * saving against the site measured in the same run, as bench/results-build.json figures and
 * as the table docs/performance.md shows.
 */
import { type BuildCost, round } from './build-run.ts';
import type { Variant } from './build-variants.ts';
import type { Figure } from './results.ts';

/** A cold build starts from empty caches (--force); a warm one follows it with nothing changed. */
export type Cache = 'cold' | 'warm';

/** One build of one variant. */
export interface Measurement extends BuildCost {
  variant: Variant;
  cache: Cache;
}

/** Medians of one variant's builds of one kind, in seconds (memory in MB). */
export interface Medians {
  wall: number;
  cpu: number;
  memory: number;
  /** Wall seconds of the phase asked for (0 when the build had no such phase). */
  phase: number;
}

/** A part's figures for one kind of build: the site with it, and the variant without it. */
export interface Comparison {
  variant: Variant;
  cache: Cache;
  with: Medians;
  without: Medians;
}

/** The median of some numbers, rounded to hundredths. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return round(value ?? 0);
}

/** Medians of a variant's builds of one kind; undefined when it did not run. */
export function mediansOf(
  all: readonly Measurement[],
  id: string,
  cache: Cache,
  phase?: string,
): Medians | undefined {
  const runs = all.filter((m) => m.variant.id === id && m.cache === cache);
  if (runs.length === 0) return undefined;
  return {
    wall: median(runs.map((m) => m.seconds)),
    cpu: median(runs.map((m) => m.cpuSeconds)),
    memory: median(runs.map((m) => m.peakMemoryMb ?? 0)),
    phase: median(runs.map((m) => m.phases.find((p) => p.name === phase)?.seconds ?? 0)),
  };
}

/** Every part whose variant and baseline both ran, cold and warm. */
export function compareParts(all: readonly Measurement[], selected: readonly Variant[]): Comparison[] {
  return selected.flatMap((variant) =>
    (['cold', 'warm'] as const).flatMap((cache) => {
      const without = mediansOf(all, variant.id, cache, variant.phase);
      const withPart = variant.baseline ? mediansOf(all, variant.baseline, cache, variant.phase) : undefined;
      return without && withPart ? [{ variant, cache, with: withPart, without }] : [];
    }),
  );
}

/** Figures for results-build.json: each saving with its baseline, and whether each part pays. */
export function partFigures(comparisons: readonly Comparison[], per1000: (s: number) => number): Figure[] {
  const figures: Figure[] = comparisons.map((c) => ({
    label: `saved by ${c.variant.part ?? c.variant.id}, ${c.cache} (wall ${c.with.wall} s with, ${c.without.wall} s without: ${round(c.with.wall / c.without.wall)}x; CPU ${c.with.cpu} s, ${c.without.cpu} s; ${c.variant.phase} ${c.with.phase} s, ${c.without.phase} s)`,
    value: per1000(c.without.wall - c.with.wall),
    unit: 's / 1,000 articles',
  }));
  for (const variant of new Set(comparisons.map((c) => c.variant))) {
    const savings = comparisons
      .filter((c) => c.variant === variant)
      .flatMap((c) => [
        c.without.wall - c.with.wall,
        c.without.cpu - c.with.cpu,
        c.without.phase - c.with.phase,
      ]);
    const value = per1000(Math.max(...savings));
    figures.push({
      label: `${variant.part ?? variant.id}: largest saving (cold or warm; wall, CPU or its phase)`,
      value,
      unit: 's / 1,000 articles',
      budget: '>= 1 s',
      ok: value >= 1,
    });
  }
  return figures;
}

/** The Markdown table of docs/performance.md. */
export function performanceTable(comparisons: readonly Comparison[], heading: string): string {
  const rows = comparisons.map((c) => {
    const cells = [
      c.variant.part ?? c.variant.id,
      `\`${c.variant.id}\``,
      c.cache,
      `${c.with.wall} s / ${c.with.cpu} s`,
      `${c.without.wall} s / ${c.without.cpu} s`,
      `${round(c.without.wall - c.with.wall)} s / ${round(c.without.cpu - c.with.cpu)} s`,
      `${round(c.with.wall / c.without.wall)}x`,
      `${c.variant.phase}: ${c.with.phase} s / ${c.without.phase} s (${round(c.without.phase - c.with.phase)} s)`,
    ];
    return `| ${cells.join(' | ')} |`;
  });
  return [
    heading,
    '',
    '| part | variant without it | build | site, wall / CPU | without the part, wall / CPU | saving, wall / CPU | site ÷ without (wall) | the phase it acts in: site / without (saving) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
