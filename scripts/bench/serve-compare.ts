/**
 * Same-run comparison for `npm run bench:serve`: the targets take turns for N rounds, so a
 * burst of other work on the machine hits them alike, and their medians are compared. Each
 * run follows a 2 s warm-up of the same target: while the others run, a server's caches age
 * (island answers are kept 25 s), and a run is meant to measure it serving steadily, not
 * filling them again.
 */
import { loadavg } from 'node:os';
import { measure, type Plan, type Result } from './load.ts';

const seconds = Number(process.env['BENCH_DURATION'] ?? 8);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 5);

/** A named load against one server process. */
export type Target = [name: string, plan: Plan, pid: number | undefined];

/** The 1-, 5- and 15-minute load averages, for the report (the machine is shared). */
export function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');
}

function print(name: string, result: Result): void {
  console.log(
    `${name.padEnd(36)} ${result.rps.toFixed(0).padStart(6)} req/s   p50 ${result.p50} ms   p99 ${result.p99} ms   cpu ${result.cpuUs.toFixed(0)} µs/req   ${result.bytesPerRequest.toFixed(0)} B/req${result.errors ? `   errors ${result.errors}` : ''}`,
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Runs every target `rounds` times in turn, each run after a 2 s warm-up; returns their medians. */
export function compare(title: string, targets: Target[], roundCount = rounds): Result[] {
  console.log(`\n[bench] ${title}: ${roundCount} rounds of ${seconds} s (load average ${loadAverage()})`);
  const runs = targets.map((): Result[] => []);
  for (let round = 1; round <= roundCount; round++) {
    targets.forEach(([name, plan, pid], i) => {
      measure({ ...plan, seconds: 2 }, pid);
      const result = measure({ ...plan, seconds }, pid);
      runs[i]?.push(result);
      print(`${name} (round ${round})`, result);
    });
  }
  return runs.map((list, i) => {
    const summary: Result = {
      rps: median(list.map((r) => r.rps)),
      p50: median(list.map((r) => r.p50)),
      p99: median(list.map((r) => r.p99)),
      cpuUs: median(list.map((r) => r.cpuUs)),
      bytesPerRequest: median(list.map((r) => r.bytesPerRequest)),
      errors: list.reduce((sum, r) => sum + r.errors, 0),
    };
    print(`${targets[i]?.[0]} median`, summary);
    return summary;
  });
}
