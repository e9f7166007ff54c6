import { createServer, type Socket } from 'node:net';

/** A PostgreSQL address that accepts connections and never answers: a hung database. */
export interface HungDatabase {
  /** A DATABASE_URL pointing at it. */
  url: string;
  /** Connections accepted so far. */
  accepted(): number;
  /** Connections the client gave up on (closed) so far. */
  abandoned(): number;
  /** Stops listening and drops every connection. */
  close(): Promise<void>;
}

/** Starts a hung database on a free port; close() it in afterEach/afterAll. */
export async function startHungDatabase(): Promise<HungDatabase> {
  const sockets = new Set<Socket>();
  let abandoned = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.once('close', () => {
      if (sockets.delete(socket)) abandoned += 1;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let accepted = 0;
  server.on('connection', () => {
    accepted += 1;
  });
  return {
    url: `postgres://postgres@127.0.0.1:${port}/hung`,
    accepted: () => accepted,
    abandoned: () => abandoned,
    async close() {
      const open = [...sockets];
      sockets.clear();
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
