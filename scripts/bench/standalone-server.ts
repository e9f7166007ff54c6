/**
 * The benchmark's @astrojs/node standalone server over a build made for middleware mode: the
 * server bundle exports the adapter's own `startServer()` (its `send`-based static handler in
 * front of Astro), so both ways of serving are measured on the same files. DIST_DIR names the
 * build; PORT and HOST are read by the adapter.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = process.env['DIST_DIR'] ?? 'dist';
const entry = (await import(pathToFileURL(join(dist, 'server/entry.mjs')).href)) as {
  startServer(): unknown;
};
entry.startServer();
const origin = `http://${process.env['HOST']}:${process.env['PORT']}/`;
for (let answered = false; !answered; ) {
  answered = await fetch(origin).then(
    () => true,
    () => new Promise<false>((resolve) => setTimeout(() => resolve(false), 100)),
  );
}
console.log(`listening on ${origin}`);
process.on('SIGTERM', () => process.exit(0));
