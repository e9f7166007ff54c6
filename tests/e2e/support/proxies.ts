/**
 * Runs the shipped proxy configurations (deploy/nginx.conf, deploy/Caddyfile) in front of a
 * test server: the files are read as the docs include them, and only what is specific to a
 * machine (ports, certificate, upstream, host name) is replaced. Every replacement must
 * find its text, so a change to a shipped file that this no longer understands fails loudly
 * instead of testing something else.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { findTool } from '../../../scripts/test-tools.ts';
import { freePort } from './server.ts';
import { type Certificate, SITE_HOST } from './tls.ts';

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

/** Reads a shipped file and applies each replacement, failing if one finds nothing to replace. */
export function adaptShippedFile(file: string, replacements: [string, string][]): string {
  let text = readFileSync(join(root, file), 'utf8');
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`${file} no longer contains ${JSON.stringify(from)}`);
    text = text.replaceAll(from, to);
  }
  return text;
}

function tool(command: string): string {
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

/** Starts `command`, resolves once `port` accepts connections; rejects (and stops it) if it exits first. */
async function runUntilListening(command: string, args: string[], env: NodeJS.ProcessEnv, port: number) {
  const child: ChildProcess = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
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

/** Runs Debian's nginx as this user with deploy/nginx.conf, everything it writes kept in `scratch`. */
export async function startNginx(
  scratch: string,
  upstreamPort: number,
  tls: Certificate,
): Promise<RunningProxy> {
  const [httpsPort, httpPort] = [await freePort(), await freePort()];
  const site = adaptShippedFile('deploy/nginx.conf', [
    ['/etc/letsencrypt/live/blog.example.com/fullchain.pem', tls.cert],
    ['/etc/letsencrypt/live/blog.example.com/privkey.pem', tls.key],
    ['blog.example.com', SITE_HOST],
    ['127.0.0.1:4321', `127.0.0.1:${upstreamPort}`],
    ['listen 80;', `listen 127.0.0.1:${httpPort};`],
    ['listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`],
    // Loopback IPv4 only: a test machine may have no IPv6.
    ['listen [::]:80;', ''],
    ['listen [::]:443 ssl http2;', ''],
  ]);
  for (const folder of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(scratch, folder));
  writeFileSync(join(scratch, 'site.conf'), site);
  writeFileSync(
    join(scratch, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      // As root, nginx would run its workers as www-data, which cannot use the scratch folder.
      process.getuid?.() === 0 ? 'user root root;' : '',
      `pid ${join(scratch, 'nginx.pid')};`,
      `error_log ${join(scratch, 'error.log')} warn;`,
      'events { worker_connections 64; }',
      'http {',
      `  access_log ${join(scratch, 'access.log')};`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
        (kind) => `  ${kind}_temp_path ${join(scratch, kind)};`,
      ),
      `  include ${join(scratch, 'site.conf')};`,
      '}',
    ].join('\n'),
  );
  const args = ['-e', join(scratch, 'error.log'), '-p', scratch, '-c', join(scratch, 'nginx.conf')];
  const running = await runUntilListening(tool('nginx'), args, process.env, httpsPort);
  return {
    httpsPort,
    httpPort,
    output: () => `${running.output()}${readFileSync(join(scratch, 'error.log'), 'utf8')}`,
    stop: running.stop,
  };
}

/** Runs Caddy with deploy/Caddyfile, its state and certificates kept in `scratch`. */
export async function startCaddy(
  scratch: string,
  upstreamPort: number,
  tls: Certificate,
): Promise<RunningProxy> {
  const httpsPort = await freePort();
  const site = adaptShippedFile('deploy/Caddyfile', [
    // The shipped site address gets a certificate from Let's Encrypt; here, the test's own.
    [
      'blog.example.com {',
      `https://${SITE_HOST}:${httpsPort} {\n\tbind 127.0.0.1\n\ttls ${tls.cert} ${tls.key}`,
    ],
    ['127.0.0.1:4321', `127.0.0.1:${upstreamPort}`],
  ]);
  const global = [
    '{',
    '\tadmin off',
    '\tauto_https disable_redirects',
    `\tstorage file_system ${scratch}`,
    '}',
    '',
  ];
  const caddyfile = join(scratch, 'Caddyfile');
  writeFileSync(caddyfile, [...global, site].join('\n'));
  // Caddy keeps its data and an autosaved configuration under these; never in the real home.
  const env = { ...process.env, HOME: scratch, XDG_DATA_HOME: scratch, XDG_CONFIG_HOME: scratch };
  const args = ['run', '--adapter', 'caddyfile', '--config', caddyfile];
  const running = await runUntilListening(tool('caddy'), args, env, httpsPort);
  return { httpsPort, httpPort: undefined, ...running };
}
