/** The benchmark's baseline: a bare node:http server answering BARE_BYTES of HTML. */
import { createServer } from 'node:http';

const body = Buffer.from(`${'<p>'.padEnd(Number(process.env['BARE_BYTES'] ?? 2048) - 4, 'x')}</p>`);
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html', 'content-length': body.length });
  res.end(body);
});
server.listen(Number(process.env['PORT']), '127.0.0.1', () =>
  console.log(`listening on http://127.0.0.1:${process.env['PORT']}/`),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
