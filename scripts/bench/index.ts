/**
 * `npm run bench`: runs every benchmark (`bench:*` scripts), writes bench/results.json and
 * prints one table of figures beside their budgets; `--readme` also writes the table into
 * README.md between the bench markers. `--skip name,name` leaves benchmarks out.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { type BenchResult, describeMachine, formatTable, readResult } from './results.ts';

const root = new URL('../../', import.meta.url).pathname;
const ORDER = ['build', 'og', 'weight', 'serve', 'comments', 'mail', 'lighthouse'];

const args = process.argv.slice(2);
const skipIndex = args.indexOf('--skip');
const skip = new Set(skipIndex >= 0 ? (args[skipIndex + 1] ?? '').split(',') : []);
const scripts = (
  JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { scripts: Record<string, string> }
).scripts;
const names = ORDER.filter((name) => `bench:${name}` in scripts && !skip.has(name));

const failed: string[] = [];
for (const name of names) {
  console.log(`\n=== bench:${name} ===`);
  const run = spawnSync('npm', ['run', `bench:${name}`], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed.push(name);
}

const results = names.map(readResult).filter((r): r is BenchResult => r !== undefined);
const machine = await describeMachine();
writeFileSync(`${root}bench/results.json`, `${JSON.stringify({ machine, results }, null, 2)}\n`);
const table = formatTable(results);
console.log(`\nMachine: ${machine}\n\n${table}\n`);

if (args.includes('--readme')) {
  const readme = readFileSync(`${root}README.md`, 'utf8');
  const block = `<!-- bench:start -->\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine}.\n\n${table}\n<!-- bench:end -->`;
  writeFileSync(`${root}README.md`, readme.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, block));
}
if (failed.length) {
  console.error(`benchmarks that failed: ${failed.join(', ')}`);
  process.exit(1);
}
