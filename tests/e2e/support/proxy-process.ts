/** What running a proxy in front of a test server takes: its shipped file, its program, its process. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { findTool } from '../../../scripts/test-tools.ts';

const root = new URL('../../../', import.meta.url).pathname;

/** A proxy running in front of a test server. */
export interface RunningProxy {
  /** The HTTPS port (the browser reaches it as https://SITE_HOST). */
  httpsPort: number;
  /** The plain HTTP port, when the configuration listens on one. */
  httpPort: number | undefined;
  /** Everything the proxy printed. */
  output(): string;
  /** Stops it and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Reads a shipped file as the docs include it and replaces what is specific to a machine
 * (ports, certificate, upstream, host name). Every replacement must find its text, so a change
 * to a shipped file that this no longer understands fails loudly instead of testing something else.
 */
export function adaptShippedFile(file: string, replacements: [string, string][]): string {
  let text = readFileSync(join(root, file), 'utf8');
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`${file} no longer contains ${JSON.stringify(from)}`);
    text = text.replaceAll(from, to);
  }
  return text;
}

/** The path of a program the tests need, or an error saying how `npm test` installs it. */
export function tool(command: string): string {
  const found = findTool(command);
  if (!found)
    throw new Error(`${command} is not installed (npm test installs it: see scripts/ensure-test-tools.ts)`);
  return found;
}

/** Whether the port accepts a connection now. */
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

/** Proxies still running: killed when the test process exits, even after a test that timed out. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts `command`, resolves once `port` accepts connections; rejects (and stops it) if it exits first. */
export async function runUntilListening(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
) {
  const child: ChildProcess = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  running.add(child);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      resolve();
    }),
  );
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 20_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`${command} did not start listening on ${port}:\n${output}`);
    }
  }
  return { output: () => output, stop };
}
