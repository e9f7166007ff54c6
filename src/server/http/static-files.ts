import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.svg']);

interface StaticFile {
  path: string;
  /** Page-specific headers (the page's CSP), if any. */
  headers: Record<string, string>;
  type: string;
  etag: string;
  cacheControl: string;
  body: Buffer;
  gzip?: Buffer;
}

/** Hashed build assets never change under the same name; everything else revalidates. */
function cacheControlFor(urlPath: string): string {
  if (urlPath.startsWith('/_astro/')) return 'public, max-age=31536000, immutable';
  if (urlPath.endsWith('.html') || urlPath.endsWith('/')) return 'public, max-age=0, must-revalidate';
  return 'public, max-age=3600';
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/**
 * Serves the prerendered site from memory: the file list is read once at start, so a dynamic
 * request never waits on a disk lookup (the standalone adapter stats the disk for every one).
 */
export class StaticFiles {
  readonly #files = new Map<string, StaticFile>();

  constructor(root: string, pageHeaders: ReadonlyMap<string, Record<string, string>> = new Map()) {
    for (const file of walk(root)) {
      const urlPath = `/${relative(root, file).split(sep).join('/')}`;
      const body = readFileSync(file);
      const ext = extname(file);
      const pagePath = urlPath.endsWith('/index.html') ? urlPath.slice(0, -'index.html'.length) : urlPath;
      const entry: StaticFile = {
        path: urlPath,
        headers: pageHeaders.get(pagePath) ?? pageHeaders.get(pagePath.replace(/\.html$/, '/')) ?? {},
        type: TYPES[ext] ?? 'application/octet-stream',
        etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`,
        cacheControl: cacheControlFor(urlPath),
        body,
      };
      if (COMPRESSIBLE.has(ext) && body.length > 1024) entry.gzip = gzipSync(body, { level: 9 });
      this.#files.set(urlPath, entry);
      if (urlPath.endsWith('/index.html')) this.#files.set(urlPath.slice(0, -'index.html'.length), entry);
    }
    if (statSync(root).isDirectory() && this.#files.size === 0) throw new Error(`No static files in ${root}`);
  }

  /** Returns the file a GET or HEAD for this path would serve, if any. */
  lookup(pathname: string): StaticFile | undefined {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return undefined;
    }
    return this.#files.get(decoded);
  }

  /** Writes the file, honouring If-None-Match and Accept-Encoding. */
  send(req: IncomingMessage, res: ServerResponse, file: StaticFile, status = 200): void {
    for (const [name, value] of Object.entries(file.headers)) res.setHeader(name, value);
    res.setHeader('Content-Type', file.type);
    res.setHeader('Cache-Control', file.cacheControl);
    res.setHeader('ETag', file.etag);
    if (file.gzip) res.setHeader('Vary', 'Accept-Encoding');
    if (status === 200 && req.headers['if-none-match'] === file.etag) {
      res.writeHead(304).end();
      return;
    }
    const useGzip = file.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = useGzip && file.gzip ? file.gzip : file.body;
    if (useGzip) res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', body.length);
    res.writeHead(status);
    res.end(req.method === 'HEAD' ? undefined : body);
  }
}
