import { connect } from 'node:net';
import { expect, test } from '@playwright/test';
import { createDatabase } from '../../src/server/platform/db/database.ts';
import { COMMENTS_PAGE } from './support/comments.ts';
import { fetchToken, storedBodies } from './support/posting.ts';
import { scratchSqliteUrl, startServer } from './support/server.ts';

/** A raw request whose body is held back, so it is still in flight when the server is told to stop. */
interface SlowRequest {
  /** Resolves once the server has read the request's headers (it answered `100 Continue`). */
  received: Promise<void>;
  /** Sends the body. */
  finish(): void;
  /** Everything the server sent back, once it closes the connection. */
  response: Promise<string>;
}

/**
 * Sends the head of a form POST to the comments page (whose handler waits for the body) with
 * `Expect: 100-continue`. Node's server answers `100 Continue` once it has parsed the headers
 * and handed the request on: from then on the request is in flight, without guessing how long
 * that takes.
 */
function startSlowRequest(port: number, body = 'comment=hello'): SlowRequest {
  const headers = {
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
    Origin: `http://127.0.0.1:${port}`,
  };
  const socket = connect(port, '127.0.0.1');
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.write(
    `POST ${COMMENTS_PAGE} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${head.join('')}Expect: 100-continue\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
  );
  let data = '';
  let onContinue: () => void = () => {};
  const received = new Promise<void>((resolve) => (onContinue = resolve));
  const response = new Promise<string>((resolve, reject) => {
    socket.on('data', (chunk) => {
      data += chunk.toString();
      if (data.startsWith('HTTP/1.1 100 Continue\r\n\r\n')) onContinue();
    });
    socket.on('close', () => resolve(data.replace('HTTP/1.1 100 Continue\r\n\r\n', '')));
    socket.on('error', reject);
  });
  return { received, finish: () => socket.end(body), response };
}

/** Whether a new connection to the port is refused. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

test('SIGTERM lets the in-flight request finish, refuses new connections and exits cleanly', async () => {
  const server = await startServer();
  try {
    const inFlight = startSlowRequest(server.port);
    await inFlight.received;
    const exited = new Promise<number | null>((resolve) => server.process.once('exit', resolve));
    server.process.kill('SIGTERM');
    await server.printed('SIGTERM: finishing in-flight requests');
    await expect.poll(() => refused(server.port)).toBe(true);

    inFlight.finish();
    const raw = await inFlight.response;
    expect(raw).toMatch(/^HTTP\/1\.1 \d{3} /);
    expect(raw).not.toMatch(/^HTTP\/1\.1 5\d\d /);
    expect(await exited).toBe(0);
  } finally {
    await server.stop();
  }
});

test('SIGTERM during a comment post still answers it and stores it', async () => {
  const databaseUrl = scratchSqliteUrl();
  const server = await startServer({ DATABASE_URL: databaseUrl, COMMENTS_MIN_SECONDS: '0' });
  try {
    const body = new URLSearchParams({
      comment: 'Posted while the server was stopping.',
      name: 'Sam',
      email: 'sam@example.com',
      token: await fetchToken(server.url),
    }).toString();
    const inFlight = startSlowRequest(server.port, body);
    await inFlight.received;
    const exited = new Promise<number | null>((resolve) => server.process.once('exit', resolve));
    server.process.kill('SIGTERM');
    await server.printed('SIGTERM: finishing in-flight requests');
    inFlight.finish();
    expect(await inFlight.response).toMatch(/^HTTP\/1\.1 201 /);
    expect(await exited).toBe(0);
  } finally {
    await server.stop();
  }
  const db = createDatabase(databaseUrl);
  expect(await storedBodies(db).finally(() => db.destroy())).toEqual([
    'Posted while the server was stopping.',
  ]);
});

test('SIGTERM does not wait forever for a client that never finishes its request', async () => {
  const server = await startServer();
  try {
    // Headers sent, body never: only the shutdown deadline ends this connection.
    const stalled = startSlowRequest(server.port);
    await stalled.received;
    const exited = new Promise<number | null>((resolve) => server.process.once('exit', resolve));
    server.process.kill('SIGTERM');
    await server.printed('shutdown timed out; closing remaining connections');
    expect(await exited).toBe(0);
    expect(await stalled.response).not.toMatch(/^HTTP\/1\.1 2/);
  } finally {
    await server.stop();
  }
});
