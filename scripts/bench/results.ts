import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** One measured figure, printed beside its budget. */
export interface Figure {
  label: string;
  value: number;
  unit: string;
  /** Human-readable budget, e.g. "<= 20 KB" (absent when the figure is informative only). */
  budget?: string;
  /** Whether the figure meets its budget (absent when there is none). */
  ok?: boolean;
}

/** One benchmark's output, saved as bench/results-<name>.json and read back by `npm run bench`. */
export interface BenchResult {
  name: string;
  machine: string;
  measuredAt: string;
  figures: Figure[];
}

const root = new URL('../../', import.meta.url).pathname;

/** Describes this machine in one line (cores, memory, Node). */
export async function describeMachine(): Promise<string> {
  const os = await import('node:os');
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} cores (${cpu.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/**
 * Writes a benchmark's figures to bench/results-<name>.json, prints them, and writes them into
 * docs/performance.md's `bench:<name>` block unless `document` is false (a benchmark that
 * writes a table of its own there). Benchmarks call it last, so one that fails writes nothing.
 */
export async function saveResult(
  name: string,
  figures: Figure[],
  { document = true }: { document?: boolean } = {},
): Promise<BenchResult> {
  const result: BenchResult = {
    name,
    machine: await describeMachine(),
    measuredAt: new Date().toISOString(),
    figures,
  };
  const file = `${root}bench/results-${name}.json`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  printTable([result]);
  if (document) {
    const heading = `Measured ${result.measuredAt.slice(0, 10)} on ${result.machine}.`;
    writeMarkedBlock('docs/performance.md', name, `${heading}\n\n${formatTable([result], false)}`);
  }
  return result;
}

/** Reads a benchmark's last saved figures, if it has run. */
export function readResult(name: string): BenchResult | undefined {
  try {
    return JSON.parse(readFileSync(`${root}bench/results-${name}.json`, 'utf8')) as BenchResult;
  } catch {
    return undefined;
  }
}

/** A figure's value as printed: whole numbers as they are, others to two decimals. */
export function formatValue(f: Figure): string {
  return `${Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(2)} ${f.unit}`.trim();
}

/** A figure's verdict against its budget: "ok", "OVER", or empty when it has none. */
export function verdictOf(f: Figure): string {
  return f.ok === undefined ? '' : f.ok ? 'ok' : 'OVER';
}

/** Formats results as a Markdown table, with a benchmark column when `named`. */
export function formatTable(results: BenchResult[], named = true): string {
  const rows = results.flatMap((r) =>
    r.figures.map((f) => {
      const cells = [f.label, formatValue(f), f.budget ?? '', verdictOf(f)];
      return `| ${(named ? [r.name, ...cells] : cells).join(' | ')} |`;
    }),
  );
  const columns = [...(named ? ['benchmark'] : []), 'figure', 'value', 'budget', 'verdict'];
  return [`| ${columns.join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`, ...rows].join('\n');
}

/**
 * Replaces the block between `<!-- bench:<name>:start -->` and `<!-- bench:<name>:end -->` in
 * `file` (relative to the repository) with `text`: how a benchmark writes its own figures
 * into a document, so no figure there is pasted by hand.
 */
export function writeMarkedBlock(file: string, name: string, text: string): void {
  const path = `${root}${file}`;
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const current = readFileSync(path, 'utf8');
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} has no ${start} … ${end} block`);
  writeFileSync(path, `${current.slice(0, from)}${start}\n${text}\n${current.slice(to)}`);
}

/** Prints results as a table. */
export function printTable(results: BenchResult[]): void {
  console.log(`\n${formatTable(results)}\n`);
}
