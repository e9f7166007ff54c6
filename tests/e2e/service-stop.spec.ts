import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort, scratchSqliteUrl } from './support/server.ts';
import { startSlowRequest } from './support/slow-request.ts';

const root = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');

/** The documented unit's settings: WorkingDirectory, the ExecStart words and every Environment= pair. */
function readUnit(): { workingDirectory: string; execStart: string[]; environment: Record<string, string> } {
  const lines = readFileSync(join(root, 'deploy/blog.service'), 'utf8').split('\n');
  const values = (key: string) =>
    lines.filter((l) => l.startsWith(`${key}=`)).map((l) => l.slice(key.length + 1));
  const [workingDirectory] = values('WorkingDirectory');
  const [execStart] = values('ExecStart');
  if (!workingDirectory || !execStart)
    throw new Error('deploy/blog.service has no WorkingDirectory or ExecStart');
  const environment = Object.fromEntries(
    values('Environment').flatMap((line) =>
      line.split(/\s+/).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
    ),
  );
  return { workingDirectory, execStart: execStart.split(/\s+/), environment };
}

/** Whether any process is left in the process group `pgid`. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves once the process has printed `text`; rejects if it exits first. */
function printed(child: ChildProcess, text: string): Promise<void> {
  let output = '';
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(text)) resolve();
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before "${text}":\n${output}`)));
  });
}

/**
 * Starts `argv` in its own process group as a service manager would, sends SIGTERM to the
 * started process alone while a request is in flight, and checks the request is answered
 * and that no process of the group is left.
 */
async function stopWithRequestInFlight(argv: string[], env: Record<string, string>, port: number) {
  const [command, ...args] = argv;
  if (!command) throw new Error('no command');
  const child = spawn(command, args, { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pgid = child.pid ?? 0;
  try {
    await printed(child, 'listening on');
    const request = startSlowRequest(port);
    await request.headRead;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await expect
      .poll(() =>
        fetch(`http://127.0.0.1:${port}/`).then(
          () => 'open',
          () => 'refused',
        ),
      )
      .toBe('refused');
    request.finish();
    // The comment form without its fields: answered 422, by the server that was told to stop.
    expect(await request.status).toMatch(/^HTTP\/1\.1 422 /);
    await exited;
    await expect.poll(() => groupAlive(pgid), { timeout: 15_000 }).toBe(false);
  } finally {
    if (pgid && groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
  }
}

test('the systemd unit starts the server itself, so SIGTERM lets the in-flight request finish and leaves nothing running', async () => {
  test.setTimeout(60_000);
  const unit = readUnit();
  const port = await freePort();
  const cache = mkdtempSync(join(tmpdir(), 'blog-og-'));
  try {
    // The unit's own command line and environment, moved to this checkout, a free port and
    // scratch folders; systemd passes no other environment but PATH.
    const argv = unit.execStart.map((word) => word.replace(unit.workingDirectory, root));
    expect(argv[0]).toBe(join(root, 'node_modules/.bin/node'));
    await stopWithRequestInFlight(
      argv,
      {
        PATH: process.env['PATH'] ?? '/usr/bin:/bin',
        ...unit.environment,
        PORT: String(port),
        DATABASE_URL: scratchSqliteUrl(),
        OG_CACHE_DIR: cache,
        // The unit serves /srv/blog/current; here, the build global setup made.
        DIST_DIR: join(root, 'dist'),
      },
      port,
    );
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});

test('npm start passes SIGTERM to the server: the in-flight request finishes and nothing is left running', async () => {
  test.setTimeout(60_000);
  const port = await freePort();
  // DIST_DIR names the build global setup made, so npm start serves it without building.
  const env = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: scratchSqliteUrl(),
    DIST_DIR: join(root, 'dist'),
  } as Record<string, string>;
  await stopWithRequestInFlight(['npm', 'start'], env, port);
});
