/**
 * `npm start`: builds when dist/ is missing or older than the sources, then serves.
 * The quick start runs on a fresh database, so it asks for the demo roles (JOBS_DEMO=1)
 * unless the environment says otherwise.
 *
 * The server runs in this process (imported, not spawned), so the SIGTERM or Ctrl-C that
 * npm passes on reaches the server itself, which finishes its in-flight requests and exits:
 * a server in a child process was left running, orphaned, when only its parent was stopped.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getConfig } from '../src/server/platform/config/config.ts';
import { distDirectory, projectRoot } from '../src/server/platform/config/paths.ts';

const sources = ['src', 'content', 'public', 'astro.config.mjs', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

/**
 * Runs `npm run build` in its own process group and passes SIGTERM and SIGINT on to the whole
 * group (npm, its shell and astro), so stopping `npm start` mid-build leaves nothing running;
 * exits with the build's code if it fails.
 */
async function build(): Promise<void> {
  const child = spawn('npm', ['run', 'build'], {
    cwd: projectRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const forward = (signal: NodeJS.Signals) => {
    if (child.pid) process.kill(-child.pid, signal);
  };
  process.on('SIGTERM', forward).on('SIGINT', forward);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  process.off('SIGTERM', forward).off('SIGINT', forward);
  if (code !== 0) process.exit(code ?? 1);
}

process.env['JOBS_DEMO'] ??= '1';
// A wrong setting stops here, before a build that would take a minute for nothing.
const config = (() => {
  try {
    return getConfig();
  } catch (error) {
    console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
})();
// DIST_DIR names a build made elsewhere: serve it as it is.
if (!config.DIST_DIR) {
  const stamp = join(distDirectory(), 'server/entry.mjs');
  const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const changedAt = Math.max(...sources.map((s) => newestMtime(join(projectRoot, s))));
  if (builtAt < changedAt) {
    console.log(
      builtAt ? '[start] sources changed since the last build: rebuilding' : '[start] no build yet: building',
    );
    await build();
  }
}
await import('../src/server/http/serve.ts');
