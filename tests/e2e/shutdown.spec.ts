import { connect } from 'node:net';
import { expect, test } from '@playwright/test';
import { createDatabase } from '../../src/server/platform/db/database.ts';
import { COMMENTS_PAGE } from './support/comments.ts';
import { fetchToken, storedBodies } from './support/posting.ts';
import { scratchSqliteUrl, startServer } from './support/server.ts';

/** Sends a raw HTTP request in two parts so it is still in flight when the server is told to stop. */
function startSlowRequest(
  port: number,
  path = '/api/echo-nothing',
  body = 'comment=hello',
  headers: Record<string, string> = { 'Content-Type': 'text/plain' },
): { finish: () => void; response: Promise<string> } {
  const socket = connect(port, '127.0.0.1');
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${head.join('')}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
  );
  let data = '';
  const response = new Promise<string>((resolve, reject) => {
    socket.on('data', (chunk) => {
      data += chunk.toString();
    });
    socket.on('end', () => resolve(data));
    socket.on('close', () => resolve(data));
    socket.on('error', reject);
  });
  return { finish: () => socket.end(body), response };
}

test('SIGTERM lets the in-flight request finish, refuses new connections and exits within 10 s', async () => {
  const server = await startServer();
  const inFlight = startSlowRequest(server.port);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const started = Date.now();
  const exited = new Promise<number | null>((resolve) =>
    server.process.once('exit', (code) => resolve(code)),
  );
  server.process.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 300));

  await expect(fetch(`${server.url}/`)).rejects.toThrow();

  inFlight.finish();
  const raw = await inFlight.response;
  expect(raw).toMatch(/^HTTP\/1\.1 \d{3} /);
  expect(raw).not.toMatch(/^HTTP\/1\.1 5\d\d /);

  expect(await exited).toBe(0);
  expect(Date.now() - started).toBeLessThan(10_000);
});

test('SIGTERM during a comment post still answers it and stores it', async () => {
  const databaseUrl = scratchSqliteUrl();
  const server = await startServer({ DATABASE_URL: databaseUrl, COMMENTS_MIN_SECONDS: '0' });
  const body = new URLSearchParams({
    comment: 'Posted while the server was stopping.',
    name: 'Sam',
    email: 'sam@example.com',
    token: await fetchToken(server.url),
  }).toString();
  const inFlight = startSlowRequest(server.port, COMMENTS_PAGE, body, {
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
    Origin: server.url,
  });
  await new Promise((resolve) => setTimeout(resolve, 200));
  const exited = new Promise<number | null>((resolve) => server.process.once('exit', resolve));
  server.process.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 300));
  inFlight.finish();
  expect(await inFlight.response).toMatch(/^HTTP\/1\.1 201 /);
  expect(await exited).toBe(0);
  const db = createDatabase(databaseUrl);
  expect(await storedBodies(db).finally(() => db.destroy())).toEqual([
    'Posted while the server was stopping.',
  ]);
});

test('SIGTERM does not wait forever for a client that never finishes its request', async () => {
  test.setTimeout(30_000);
  const server = await startServer();
  // Headers sent, body never: only the shutdown deadline ends this connection.
  const stalled = startSlowRequest(server.port);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const started = Date.now();
  const exited = new Promise<number | null>((resolve) => server.process.once('exit', resolve));
  server.process.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(Date.now() - started).toBeLessThan(10_000);
  await stalled.response;
});
