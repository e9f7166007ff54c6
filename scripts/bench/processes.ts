/** Child servers for benchmarks: started pinned to one core, stopped by their own pid. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../free-port.ts';

/** The newest modification time under `path` (0 when it does not exist). */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

/** True when dist/ is missing or older than the sources it is built from. */
export function isStale(root: string): boolean {
  const stamp = join(root, 'dist/server/entry.mjs');
  const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  return (
    builtAt <
    Math.max(...['src', 'content', 'public', 'astro.config.mjs'].map((s) => newestMtime(join(root, s))))
  );
}

/** The production server's entry, which the benchmarks start as a child. */
export const SITE_SERVER = new URL('../../src/server/http/serve.ts', import.meta.url).pathname;

/** True when taskset can pin processes to cores (servers on CPU 0, load on CPU 1). */
export const canPin = spawnSync('taskset', ['--version']).status === 0;

/** Asks the OS for a free port, for a child's inspector. */
export const freeInspectorPort = freePort;

/**
 * Starts `node script` on a free port (on CPU 0 when taskset exists) and resolves with its
 * origin; `nodeArgs` go to Node before the script, after BENCH_NODE_ARGS.
 */
export async function startChild(
  script: string,
  env: Record<string, string>,
  children: ChildProcess[],
  nodeArgs: string[] = [],
): Promise<string> {
  const port = await freePort();
  const args = [
    process.execPath,
    ...(process.env['BENCH_NODE_ARGS']?.split(' ').filter(Boolean) ?? []),
    ...nodeArgs,
    script,
  ];
  const child = spawn(
    canPin ? 'taskset' : (args[0] ?? 'node'),
    canPin ? ['-c', '0', ...args] : args.slice(1),
    {
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return `http://127.0.0.1:${port}`;
}

/** Sends SIGTERM and waits for the child to exit. */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Resident memory of a process, in MB, from /proc; NaN where there is none. */
export function rssMb(pid: number | undefined): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** CPU time (user + system) a process has used, in ms, from /proc; NaN where there is none. */
export function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}
