/**
 * Splits one `astro build` into phases from its log: each line is stamped with the seconds
 * since the build process started when it reached the benchmark (Astro writes its log
 * synchronously, so that is when it was written; Astro's own HH:MM:SS stamps are too coarse).
 */

/** One line of a build's output and when it arrived. */
export interface StampedLine {
  /** Seconds since the build process was started. */
  at: number;
  text: string;
}

/** One phase of a build and how long it took. */
export interface Phase {
  name: string;
  seconds: number;
}

/**
 * Each phase starts at the first line matching its marker after the previous phase's start;
 * the first starts with the process. Astro 7.3 says "static" or "server" entrypoints
 * depending on the adapter, and "generating" or "prerendering" static routes likewise.
 */
const phases: { name: string; marker: RegExp | null }[] = [
  { name: 'startup + content sync', marker: null },
  { name: 'vite bundling', marker: /\[build\] Building (static|server) entrypoints/ },
  { name: 'prerendering pages', marker: /^\s*(generating|prerendering) static routes\s*$/ },
  { name: 'optimizing images', marker: /^\s*generating optimized images\s*$/ },
  { name: 'post-build hooks + exit', marker: /\[build\] ✓ Completed in/ },
];

/** Names of the phases in the order a build goes through them. */
export const phaseNames: readonly string[] = phases.map((p) => p.name);

// biome-ignore lint/suspicious/noControlCharactersInRegex: matches the ANSI escape sequences of colour codes.
const ansi = /\x1b\[[0-9;]*m/g;

/**
 * Durations of the phases of one build ending at `end` seconds. A phase whose marker never
 * appears (a site with no images to optimize) is left out and its time stays with the phase
 * before it.
 */
export function splitPhases(lines: readonly StampedLine[], end: number): Phase[] {
  const starts: { name: string; at: number }[] = [];
  let from = 0;
  for (const { name, marker } of phases) {
    if (marker === null) {
      starts.push({ name, at: 0 });
      continue;
    }
    const index = lines.findIndex((line, i) => i >= from && marker.test(line.text.replace(ansi, '')));
    if (index < 0) continue;
    starts.push({ name, at: lines[index]?.at ?? 0 });
    from = index + 1;
  }
  return starts.map((start, i) => ({
    name: start.name,
    seconds: Math.round(((starts[i + 1]?.at ?? end) - start.at) * 100) / 100,
  }));
}
