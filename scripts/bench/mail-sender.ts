/**
 * The measured side of `npm run bench:mail`, run as its own process so its memory is its own:
 * `drain` sends the outbox of DATABASE_URL to SMTP_URL as the server's sender does; `raw`
 * (the same-run baseline) sends COUNT copies of one mail straight through the same pooled
 * transport, with no database. Prints one JSON line: seconds, messages, peak RSS and heap,
 * and (run with --expose-gc) the peak of what stays alive after a full collection, which is
 * what would grow if the sender held on to subscribers or messages.
 */
import { readMailConfig } from '../../src/server/mail/mail.config.ts';
import { namesFrom } from '../../src/server/mail/mail-manifest.ts';
import { drainOutbox } from '../../src/server/mail/mail-sender.ts';
import { createSmtpTransport } from '../../src/server/mail/mail-transport.ts';
import { getConfig } from '../../src/server/platform/config/config.ts';
import { closeDb, getDb } from '../../src/server/platform/db/database.ts';

const mode = process.argv[2];
const smtpUrl = getConfig().SMTP_URL;
if (!smtpUrl || (mode !== 'drain' && mode !== 'raw'))
  throw new Error('usage: SMTP_URL=… node mail-sender.ts drain|raw [count]');

let peakRss = 0;
let peakHeap = 0;
let peakRetained = 0;
const sample = () => {
  const memory = process.memoryUsage();
  peakRss = Math.max(peakRss, memory.rss);
  peakHeap = Math.max(peakHeap, memory.heapUsed);
};
const sampler = setInterval(sample, 20);
const collect = (globalThis as { gc?: () => void }).gc;
const retained = () => {
  if (!collect) return;
  collect();
  const memory = process.memoryUsage();
  peakRetained = Math.max(peakRetained, memory.heapUsed + memory.external);
};
const collector = setInterval(retained, 500);
const transport = createSmtpTransport(smtpUrl);
const db = mode === 'drain' ? await getDb() : undefined;
sample();
const idleRss = peakRss;
const started = performance.now();
let messages = 0;
if (db) {
  const summary = await drainOutbox(db, { config: readMailConfig(), transport, names: namesFrom(undefined) });
  messages = summary.sent;
  if (summary.failed + summary.retried > 0)
    throw new Error(`the drain did not send everything: ${JSON.stringify(summary)}`);
} else {
  const count = Number(process.argv[3] ?? 1000);
  const mail = {
    from: 'bench@example.com',
    subject: 'New Backend roles',
    text: 'Role\n'.repeat(40),
    html: `<p>${'Role<br>'.repeat(40)}</p>`,
    headers: {},
  };
  // As many in flight as the sender has (one batch), so the pool is as busy.
  for (let start = 0; start < count; start += 50)
    await Promise.all(
      Array.from({ length: Math.min(50, count - start) }, (_, i) =>
        transport.send({
          ...mail,
          to: `reader${start + i}@example.com`,
          messageId: `<raw-${start + i}@bench>`,
        }),
      ),
    );
  messages = count;
}
const seconds = (performance.now() - started) / 1000;
sample();
clearInterval(sampler);
clearInterval(collector);
transport.close();
await closeDb();
console.log(
  JSON.stringify({
    seconds,
    messages,
    idleRssMb: idleRss / 2 ** 20,
    peakRssMb: peakRss / 2 ** 20,
    peakHeapMb: peakHeap / 2 ** 20,
    retainedMb: peakRetained / 2 ** 20,
  }),
);
