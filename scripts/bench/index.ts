/**
 * `npm run bench [-- --skip name,name] [-- --build-rounds R]`: runs every benchmark (`bench:*`
 * scripts) one after the other. Each writes its own figures into docs/performance.md; this
 * writes the summary block of README.md from this run only (figures a benchmark left from an
 * earlier run are deleted first), names every benchmark that failed or was skipped, and exits 1
 * when one failed or missed a budget. bench/results.json keeps every figure, for tools.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isStale } from './processes.ts';
import { type BenchResult, describeMachine, formatValue, readResult, writeMarkedBlock } from './results.ts';

const root = new URL('../../', import.meta.url).pathname;
const ORDER = ['build', 'og', 'weight', 'serve', 'comments', 'mail', 'lighthouse'];

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}

const skip = new Set(flag('--skip')?.split(',') ?? []);
const buildRounds = flag('--build-rounds');
const scripts = (
  JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { scripts: Record<string, string> }
).scripts;
const unknown = [...skip].filter((name) => !ORDER.includes(name));
if (unknown.length)
  throw new Error(`--skip takes names among ${ORDER.join(', ')}; not ${unknown.join(', ')}`);
const missing = ORDER.filter((name) => !(`bench:${name}` in scripts));
if (missing.length)
  throw new Error(`package.json has no script for ${missing.map((n) => `bench:${n}`).join(', ')}`);

// weight, serve, comments and lighthouse measure the site's own build in dist/.
if (isStale(root)) {
  console.log('[bench] building the site first');
  spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
}

type Outcome = { name: string; state: 'skipped' | 'failed' | 'over' | 'ok'; result?: BenchResult };
const outcomes: Outcome[] = [];
for (const name of ORDER) {
  rmSync(`${root}bench/results-${name}.json`, { force: true });
  if (skip.has(name)) {
    outcomes.push({ name, state: 'skipped' });
    continue;
  }
  console.log(`\n=== bench:${name} ===`);
  const extra = name === 'build' && buildRounds ? ['--', '--rounds', buildRounds] : [];
  const run = spawnSync('npm', ['run', `bench:${name}`, ...extra], { cwd: root, stdio: 'inherit' });
  const result = readResult(name);
  const over = run.status !== 0 || result?.figures.some((f) => f.ok === false);
  const state = !result ? 'failed' : over ? 'over' : 'ok';
  outcomes.push({ name, state, ...(result ? { result } : {}) });
}

/** One line per benchmark: its budgets met, and every figure over its budget. */
function summaryRow({ name, state, result }: Outcome): string {
  const link = `[bench:${name}](docs/performance.md#figures)`;
  if (!result) return `| ${link} | ${state === 'skipped' ? 'not run (--skip)' : 'FAILED: no figures'} | |`;
  const budgeted = result.figures.filter((f) => f.ok !== undefined);
  const over = budgeted.filter((f) => !f.ok).map((f) => `${f.label}: ${formatValue(f)} (budget ${f.budget})`);
  const met = `${budgeted.length - over.length} of ${budgeted.length} budgets met`;
  return `| ${link} | ${met} | ${over.join('; ')} |`;
}

const machine = await describeMachine();
const results = outcomes.flatMap((o) => (o.result ? [o.result] : []));
writeFileSync(`${root}bench/results.json`, `${JSON.stringify({ machine, results }, null, 2)}\n`);
const summary = [
  `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench\` on ${machine}.`,
  '',
  '| benchmark | budgets | over budget |',
  '| --- | --- | --- |',
  ...outcomes.map(summaryRow),
].join('\n');
writeMarkedBlock('README.md', 'summary', summary);
console.log(`\n${summary}\n`);

const failed = outcomes.filter((o) => o.state === 'failed' || o.state === 'over').map((o) => o.name);
if (failed.length) {
  console.error(`benchmarks that failed or missed a budget: ${failed.join(', ')}`);
  process.exit(1);
}
