/**
 * Runs the shipped proxy configurations (deploy/nginx.conf, deploy/Caddyfile) in front of a
 * test server, everything they write kept in a scratch folder.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { adaptShippedFile, type RunningProxy, runUntilListening, tool } from './proxy-process.ts';
import { freePort } from './server.ts';
import { type Certificate, SITE_HOST } from './tls.ts';

export type { RunningProxy } from './proxy-process.ts';

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
  const nginx = await runUntilListening(tool('nginx'), args, process.env, httpsPort);
  return {
    httpsPort,
    httpPort,
    output: () => `${nginx.output()}${readFileSync(join(scratch, 'error.log'), 'utf8')}`,
    stop: nginx.stop,
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
  const caddy = await runUntilListening(tool('caddy'), args, env, httpsPort);
  return { httpsPort, httpPort: undefined, ...caddy };
}
