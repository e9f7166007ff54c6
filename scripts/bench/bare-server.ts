/**
 * The benchmarks' baseline: a bare node:http server answering one response from memory. With
 * BARE_RESPONSE (a JSON file of `headers` and a base64 `body`) it replays a response of the
 * measured server as it went over the wire, headers included, so the load generator does the
 * same work for both; otherwise it answers BARE_BYTES of HTML.
 */
import { readFileSync } from 'node:fs';
import { createServer, type OutgoingHttpHeaders } from 'node:http';

const file = process.env['BARE_RESPONSE'];
const recorded = file
  ? (JSON.parse(readFileSync(file, 'utf8')) as { headers: OutgoingHttpHeaders; body: string })
  : undefined;
const body = recorded
  ? Buffer.from(recorded.body, 'base64')
  : Buffer.from(`${'<p>'.padEnd(Number(process.env['BARE_BYTES'] ?? 2048) - 4, 'x')}</p>`);
const headers = { ...(recorded?.headers ?? { 'content-type': 'text/html' }), 'content-length': body.length };
const server = createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.listen(Number(process.env['PORT']), '127.0.0.1', () =>
  console.log(`listening on http://127.0.0.1:${process.env['PORT']}/`),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
