/**
 * Worker thread that draws cards for og-worker-pool.ts, so the ~45 ms of satori and resvg per
 * card never blocks the server's event loop. One job at a time: { id, input } in,
 * { id, output: png } or { id, error } out (the protocol of ../worker-pool.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { OgCardInput } from '../../lib/seo/og-card.ts';
import { drawOgPng, loadOgFonts } from './og-draw.ts';

const port = parentPort;
if (!port) throw new Error('og-draw.worker.ts runs as a worker thread');
const fonts = loadOgFonts((workerData as { fontDir: string }).fontDir);

port.on('message', async ({ id, input }: { id: number; input: OgCardInput }) => {
  try {
    // A copy with its own ArrayBuffer, handed over without a second copy.
    const png = new Uint8Array(await drawOgPng(input, fonts));
    port.postMessage({ id, output: png }, [png.buffer]);
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
