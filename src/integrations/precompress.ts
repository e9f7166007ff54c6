/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text file of the client build,
 * as SvelteKit's adapter-node does, so the production server (sirv) sends compressed bytes
 * without compressing anything per request. Runs after the build, Pagefind included: list it
 * last among the integrations.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';

/** Extensions of the files browsers fetch as text; images, fonts and Pagefind's files are compressed already. */
export const COMPRESSIBLE = new Set([
  '.html',
  '.css',
  '.js',
  '.mjs',
  '.json',
  '.xml',
  '.txt',
  '.svg',
  '.webmanifest',
]);
/** Below this, a compressed copy saves less than its headers and a lookup cost. */
const MIN_BYTES = 1024;
/**
 * Brotli quality 5: at 1,000 generated articles (1,326 files, 37 MB) every file compresses in
 * ~1 s, 9% smaller than gzip -9. Quality 11 saved 11% more and took 81 s on the same machine.
 */
const BROTLI_QUALITY = 5;
/** Files in flight at once: enough to keep libuv's four threads busy. */
const CONCURRENCY = 8;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Every file under `dir` that gets compressed copies. */
export function compressibleFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((file) => COMPRESSIBLE.has(extname(file)) && statSync(file).size >= MIN_BYTES);
}

async function compressFile(file: string): Promise<void> {
  const body = readFileSync(file);
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    gzipAsync(body, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gz);
}

/** Writes `.br` and `.gz` beside every compressible file of `dir`; returns how many files. */
export async function precompress(dir: string): Promise<number> {
  const queue = compressibleFiles(dir);
  const count = queue.length;
  const worker = async () => {
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) await compressFile(file);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return count;
}

/** The integration: compresses the client build once everything is written. */
export function precompressBuild(): AstroIntegration {
  return {
    name: 'precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const count = await precompress(fileURLToPath(dir));
        logger.info(`compressed ${count} files (br, gz) in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
