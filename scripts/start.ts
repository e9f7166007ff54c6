/**
 * `npm start`: builds when dist/ is missing or older than the sources, then serves.
 * The quick start runs on a fresh database, so it asks for the demo roles (JOBS_DEMO=1)
 * unless the environment says otherwise.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../', import.meta.url).pathname;
const stamp = join(root, 'dist/server/entry.mjs');
const sources = ['src', 'content', 'public', 'astro.config.mjs', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

function run(script: string, env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync('npm', ['run', script], { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changedAt = Math.max(...sources.map((s) => newestMtime(join(root, s))));
if (builtAt < changedAt) {
  console.log(
    builtAt ? '[start] sources changed since the last build: rebuilding' : '[start] no build yet: building',
  );
  run('build');
}
run('serve', { JOBS_DEMO: '1', ...process.env });
