import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parseDatabaseUrl } from '../../src/server/platform/db/database-url.ts';
import { freePort, scratchSqliteUrl } from './support/server.ts';

const root = new URL('../../', import.meta.url).pathname;

/** Whether something accepts a TCP connection on the port right now. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts the server with `env` and probes its port until it exits: resolves with its exit
 * code, its output, and whether the port ever accepted a connection meanwhile.
 */
async function runUntilExit(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'src/server/http/serve.ts')], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let running = true;
  void exited.then(() => (running = false));
  let listened = false;
  try {
    while (running) listened = (await accepts(port)) || listened;
    return { code: await exited, output, listened };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

const cases = [
  {
    env: { COMMENTS_RATE_LIMIT: '5x' },
    says: ['COMMENTS_RATE_LIMIT="5x"', 'is not a whole number', 'expected a whole number from 1 to 10000'],
  },
  {
    env: { TRUST_PROXY: 'maybe' },
    says: ['TRUST_PROXY="maybe"', 'is not an on/off value', 'expected 1 or 0'],
  },
  {
    env: { JOBS_FEED_URL: 'https://boards.example.com/feed.json' },
    says: ['JOBS_FEED_FORMAT is required when JOBS_FEED_URL is set', 'expected'],
  },
];

for (const { env, says } of cases) {
  const [name, value] = Object.entries(env)[0] ?? [];
  test(`${name}=${value} stops the server before it listens, with exit code 1, saying what is wrong`, async () => {
    const databaseUrl = scratchSqliteUrl();
    const { code, output, listened } = await runUntilExit({ ...env, DATABASE_URL: databaseUrl });
    expect(code, output).toBe(1);
    expect(listened, 'the port accepted a connection').toBe(false);
    for (const part of says) expect(output).toContain(part);
    const target = parseDatabaseUrl(databaseUrl);
    // It stopped before anything started: not even the database file was created.
    expect(target.dialect === 'sqlite' && existsSync(target.filename)).toBe(false);
  });
}
