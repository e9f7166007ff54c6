import { connect } from 'node:net';
import { expect, test } from '@playwright/test';
import { startServer } from './support/server.ts';

/** Sends a raw HTTP request in two parts so it is still in flight when the server is told to stop. */
function startSlowRequest(port: number): { finish: () => void; response: Promise<string> } {
  const socket = connect(port, '127.0.0.1');
  const body = 'comment=hello';
  socket.write(
    `POST /api/echo-nothing HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n`,
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
