/**
 * Runs one `astro build` for the build benchmark under /usr/bin/time -v (wall time, CPU time,
 * peak memory), stamping each line of its output as it arrives to split it into phases.
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { relative } from 'node:path';
import { createInterface } from 'node:readline';
import { type Phase, type StampedLine, splitPhases } from './build-phases.ts';

const astroBin = new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url).pathname;

/** What to build and where. */
export interface BuildRequest {
  root: string;
  outDir: string;
  /** A config file other than the project's own. */
  config?: string | undefined;
  cold: boolean;
  env: Record<string, string>;
  /** Where the stamped log is written. */
  logFile: string;
}

/** What one build cost. */
export interface BuildCost {
  seconds: number;
  /** User + system CPU seconds (NaN without /usr/bin/time). */
  cpuSeconds: number;
  peakMemoryMb: number | null;
  /** One-minute load average when the build started. */
  loadBefore: number;
  phases: Phase[];
}

function timeField(lines: readonly StampedLine[], name: string): number {
  const pattern = new RegExp(`${name}: ([\\d.]+)`);
  const match = lines.map((l) => pattern.exec(l.text)).find(Boolean);
  return match ? Number(match[1]) : Number.NaN;
}

/** Builds once; throws with the end of the log when the build fails. */
export async function runBuild(request: BuildRequest): Promise<BuildCost> {
  const args = [
    astroBin,
    'build',
    ...['--root', request.root, '--outDir', request.outDir],
    // Astro resolves --config from the root.
    ...(request.config ? ['--config', relative(request.root, request.config)] : []),
    // A cold build: Astro and our integrations drop what they kept from earlier builds.
    ...(request.cold ? ['--force'] : []),
  ];
  const useTime = existsSync('/usr/bin/time');
  const loadBefore = loadavg()[0] ?? 0;
  const started = performance.now();
  const since = () => (performance.now() - started) / 1000;
  const child = spawn(
    useTime ? '/usr/bin/time' : process.execPath,
    useTime ? ['-v', process.execPath, ...args] : args,
    { cwd: request.root, env: { ...process.env, ...request.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: StampedLine[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (text) => lines.push({ at: since(), text }));
  }
  const status = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const seconds = since();
  const log = lines.map((l) => `[${l.at.toFixed(2).padStart(7)}] ${l.text}`).join('\n');
  writeFileSync(request.logFile, `${log}\n`);
  if (status !== 0)
    throw new Error(`build failed (exit ${status}), log in ${request.logFile}:\n${log.slice(-3000)}`);
  const rssKb = timeField(lines, 'Maximum resident set size \\(kbytes\\)');
  return {
    seconds: round(seconds),
    cpuSeconds: round(
      timeField(lines, 'User time \\(seconds\\)') + timeField(lines, 'System time \\(seconds\\)'),
    ),
    peakMemoryMb: Number.isNaN(rssKb) ? null : Math.round(rssKb / 1024),
    loadBefore,
    phases: splitPhases(lines, seconds),
  };
}

/** Rounds to hundredths. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
