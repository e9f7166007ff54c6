import { spawn } from 'node:child_process';
import { once } from 'node:events';

/** Another process holding a SQLite file's write lock, as a long import or the CLI does. */
export interface LockHolder {
  /** Resolves when the holder has committed and let go of the lock. */
  released: Promise<void>;
  /** Ends the holder now (after a failed test); resolves once it has exited. */
  stop(): Promise<void>;
}

// The holder is a separate Node process with its own connection, so nothing the server does
// in-process can see or shorten its lock.
const HOLDER = `
const { DatabaseSync } = require('node:sqlite');
const [file, ms] = process.argv.slice(1);
const db = new DatabaseSync(file, { timeout: 10000 });
db.exec('BEGIN IMMEDIATE');
console.log('locked');
setTimeout(() => { db.exec('COMMIT'); db.close(); console.log('released'); }, Number(ms));
`;

/** Starts a process that takes the write lock on `filename` and holds it for `ms`; resolves once it holds it. */
export async function holdWriteLock(filename: string, ms: number): Promise<LockHolder> {
  const child = spawn(process.execPath, ['-e', HOLDER, filename, String(ms)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const seen = (word: string) =>
    new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => {
        if (output.includes(word)) resolve();
      });
      child.once('exit', (code) => {
        if (output.includes(word)) resolve();
        else reject(new Error(`the lock holder exited with ${code} before "${word}":\n${output}`));
      });
    });
  const released = seen('released');
  released.catch(() => {});
  await seen('locked');
  return {
    released,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await once(child, 'exit');
    },
  };
}
