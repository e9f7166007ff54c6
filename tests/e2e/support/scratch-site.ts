import { type ChildProcess, type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './server.ts';

const root = new URL('../../../', import.meta.url).pathname;
const astro = join(root, 'node_modules/.bin/astro');

/**
 * A scratch project folder for builds of other content: inside node_modules so the built
 * server bundle still resolves the project's packages, and ignored by git and the linters.
 */
export function makeScratch(name: string): string {
  const parent = join(root, 'node_modules/.cache/editorial-e2e');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, `${name}-`));
}

/** Copies a fixture content folder (articles/, categories/, authors/) into `scratch`/content. */
export function copyContent(fixture: string, scratch: string): string {
  const contentDir = join(scratch, 'content');
  cpSync(join(root, fixture), contentDir, { recursive: true });
  return contentDir;
}

/** Runs a project script or CLI with CONTENT_DIR set; output is returned, never thrown. */
export function run(
  command: string,
  args: string[],
  contentDir: string,
  env: Record<string, string> = {},
): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: contentDir, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 240_000,
  });
}

/**
 * `astro build` of `contentDir` into `outDir`, with `env` added to the environment.
 * ASTRO_CACHE_DIR, where astro.config.mjs reads it, keeps the scratch content out of the
 * project's own content cache.
 */
export function buildSite(
  contentDir: string,
  outDir: string,
  env: Record<string, string> = {},
): SpawnSyncReturns<string> {
  return run(astro, ['build', '--outDir', outDir], contentDir, {
    ASTRO_CACHE_DIR: join(outDir, '..', 'cache'),
    ...env,
  });
}

/** `node <script>` with the project's Node. */
export function runScript(script: string, args: string[], contentDir: string): SpawnSyncReturns<string> {
  return run(process.execPath, [join(root, script), ...args], contentDir);
}

/** A running `astro dev` server of `contentDir`. */
export interface DevServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `astro dev` on a free loopback port and resolves once it answers. */
export async function startDevServer(contentDir: string): Promise<DevServer> {
  const port = await freePort();
  // --ignore-lock: run beside an editor's own `npm run dev` instead of refusing to start.
  const child = spawn(astro, ['dev', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: contentDir, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`astro dev exited with ${child.exitCode}:\n${output}`);
    const ready = await fetch(url).then(
      () => true,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`astro dev did not answer in 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Removes a scratch folder made by makeScratch. */
export function removeScratch(scratch: string): void {
  rmSync(scratch, { recursive: true, force: true });
}
