import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../scripts/free-port.ts';

export { freePort };

/** A running production server (`npm run serve`) on a free port. */
export interface RunningServer {
  url: string;
  port: number;
  process: ChildProcess;
  /** Everything the server has printed so far (stdout and stderr). */
  output(): string;
  /** Resolves once the server has printed `text` (what it logs when something happened). */
  printed(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Stops it with SIGTERM (SIGKILL if it has not exited within 15 s) and waits for it to exit. */
  stop(): Promise<void>;
}

const root = new URL('../../../', import.meta.url).pathname;

/**
 * What the helpers made, undone when the test process exits however the tests ended: a test
 * that fails before its own `stop()` leaves no server running and no temp folder behind.
 */
const started = new Set<ChildProcess>();
const folders = new Set<string>();
process.once('exit', () => {
  for (const child of started) child.kill('SIGKILL');
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A temp folder removed when the test process exits. */
export function scratchFolder(prefix = 'blog-e2e-'): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.add(folder);
  return folder;
}

/** A DATABASE_URL for a fresh SQLite file in a temp folder (removed when the test process exits). */
export function scratchSqliteUrl(): string {
  return `file:${join(scratchFolder(), 'site.db')}`;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Stops a child with SIGTERM, then SIGKILL if it is still running after `graceMs`. */
async function stopChild(child: ChildProcess, graceMs = 15_000): Promise<void> {
  const done = exited(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await done;
  clearTimeout(timer);
  started.delete(child);
}

/**
 * Starts the built server with the given environment and resolves once it listens; a server
 * that does not is stopped before the error is thrown. The build must exist (global setup
 * builds it once).
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'src/server/http/serve.ts')], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: scratchSqliteUrl(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  let output = '';
  const waiting = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const check of waiting) check();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const printed = (text: string | RegExp, timeoutMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const found = () => (typeof text === 'string' ? output.includes(text) : text.test(output));
      const check = () => {
        if (!found()) return;
        cleanup();
        resolve();
      };
      const fail = () => {
        cleanup();
        reject(new Error(`the server exited before printing ${text}:\n${output}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`the server did not print ${text} in ${timeoutMs} ms:\n${output}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiting.delete(check);
        child.off('exit', fail);
      };
      waiting.add(check);
      child.once('exit', fail);
      check();
      if (child.exitCode !== null && !found()) fail();
    });
  try {
    await printed('listening on');
  } catch (error) {
    await stopChild(child, 1_000);
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    process: child,
    output: () => output,
    printed,
    stop: () => stopChild(child),
  };
}
