/**
 * Compiles the articles' MDX on worker threads and caches the output on disk. Astro runs the
 * unified MDX pipeline on the main thread and again on every build; this processor gives the
 * same output (the workers build their pipeline from the same options module) while a cold
 * build uses every core and a warm build compiles only the articles that changed.
 *
 * `MDX_WORKERS=0` compiles in process (still cached); `astro build --force` empties the cache.
 */
import { existsSync, realpathSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import type {
  AstroMarkdownOptions,
  MarkdownProcessor,
  MdxRenderer,
  MdxRendererOptions,
  MdxRenderResult,
} from 'astro/markdown';
import { unifiedOptions } from '../../lib/markdown/unified-options.ts';
import { contentDirectory } from '../../server/platform/config/paths.ts';
import { hashFiles, isForcedBuild, LOCKFILE } from '../build-cache.ts';
import { readArticles } from '../content-source.ts';
import { CompileCache } from './cache.ts';
import type { RendererSettings } from './messages.ts';
import { CompilePool } from './pool.ts';
import { expectedSettings, type PendingFile, toPendingFiles } from './prefetch.ts';

/** The processor for `markdown.processor` and the integration that manages its cache. */
export interface MdxCompiler {
  processor: MarkdownProcessor;
  integration: AstroIntegration;
}

/**
 * Files whose change must recompile every article: the lockfile, and the source of our own
 * Markdown plugins and of this compiler.
 */
const saltFiles = [
  LOCKFILE,
  ...[
    '../../lib/markdown/unified-options.ts',
    '../../lib/markdown/rehype-accessible-task-lists.ts',
    '../../lib/markdown/rehype-focusable-code.ts',
    '../../lib/markdown/rehype-heading-anchors.ts',
    '../../lib/markdown/remark-figure-images.ts',
    '../../lib/markdown/remark-smart-punctuation.ts',
    '../../lib/markdown/smart-punctuation.ts',
    './worker.ts',
  ].map((path) => fileURLToPath(new URL(path, import.meta.url))),
];

function workerCount(): number {
  const configured = process.env['MDX_WORKERS'];
  if (configured === undefined || configured === '') return availableParallelism();
  const count = Number(configured);
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`MDX_WORKERS must be a whole number, got "${configured}"`);
  return count;
}

/**
 * Whether a result depends on its source alone. For components used with client:* or
 * server:defer, the compiler resolves their paths on disk (extension, index file, package
 * imports) and writes them into the output; such results are not cached, since a renamed
 * component file would leave the cached path stale.
 */
function isSelfContained(result: MdxRenderResult): boolean {
  const { hydratedComponents, clientOnlyComponents, serverComponents } = result.astroMetadata;
  return hydratedComponents.length + clientOnlyComponents.length + serverComponents.length === 0;
}

/** Creates the cached, parallel unified processor and its integration. */
export function mdxCompiler(): MdxCompiler {
  const base = unified(unifiedOptions);
  let cache: CompileCache | undefined;
  // Workers only for builds: the dev server compiles one file at a time as pages are visited,
  // where workers would only add start-up. Started when the config is resolved.
  let pool: CompilePool | undefined;
  let command: 'dev' | 'build' | 'preview' | 'sync' = 'build';
  // Compiles under way (prefetched or asked for), by cache key: each file is compiled once.
  const inFlight = new Map<string, Promise<MdxRenderResult>>();
  // What the prefetch assumed the MDX plugin would pass (JSON); checked when it really calls.
  let prefetched: string | undefined;
  let warn: (message: string) => void = console.warn;
  const warned = new Set<string>();
  const warnOnce = (message: string) => {
    if (!warned.has(message)) warn(message);
    warned.add(message);
  };

  /**
   * The result for these inputs: from the cache, from a compile under way, or compiled now
   * (on the workers, or by `local` when there are none).
   */
  function compile(
    settings: RendererSettings,
    file: PendingFile,
    local?: Promise<MdxRenderer>,
  ): Promise<MdxRenderResult> {
    const key = cache?.key([file.filePath, file.content, file.frontmatter, settings]);
    const cached = key ? cache?.get(key) : undefined;
    if (cached) return Promise.resolve(cached);
    const running = key ? inFlight.get(key) : undefined;
    if (running) return running;
    const started = (async () => {
      const result = pool
        ? await pool.compile({ settings, ...file })
        : await (await (local ?? Promise.reject(new Error('no MDX renderer')))).process(
            file.content,
            file.filePath,
            file.frontmatter,
          );
      if (key && isSelfContained(result)) {
        const failed = cache?.set(key, result);
        if (failed) warnOnce(`compiled MDX not cached (${failed.message}); the next build compiles again`);
      }
      return result;
    })();
    if (key) {
      inFlight.set(key, started);
      started.finally(() => inFlight.delete(key)).catch(() => {});
    }
    return started;
  }

  async function createMdxRenderer(
    shared: AstroMarkdownOptions,
    mdx: MdxRendererOptions,
  ): Promise<MdxRenderer> {
    if (!base.createMdxRenderer) throw new Error('unified() has no MDX renderer');
    const local = pool ? undefined : base.createMdxRenderer(shared, mdx);
    const settings: RendererSettings = {
      shared,
      mdx: {
        optimize: mdx.optimize,
        sourcemap: mdx.sourcemap ?? false,
        ...(mdx.srcDir ? { srcDir: mdx.srcDir.href } : {}),
      },
    };
    if (prefetched && prefetched !== JSON.stringify(settings)) {
      warn('MDX renderer settings differ from the ones the prefetch assumed: its work was wasted');
      prefetched = undefined;
    }
    return {
      process: (content, filePath, frontmatter) =>
        compile(settings, { filePath, content, frontmatter }, local),
    };
  }

  const processor: MarkdownProcessor = { ...base, createMdxRenderer };
  const integration: AstroIntegration = {
    name: 'mdx-compile',
    hooks: {
      'astro:config:setup': ({ command: current }) => {
        command = current;
      },
      'astro:config:done': ({ config, logger }) => {
        warn = (message) => logger.warn(message);
        // Astro's own benchmark switch drops GFM, highlighting and heading ids from the pipeline.
        const salt = hashFiles(saltFiles) + (process.env['ASTRO_PERFORMANCE_BENCHMARK'] ? ':benchmark' : '');
        cache = new CompileCache(fileURLToPath(new URL('mdx/', config.cacheDir)), salt);
        if (command !== 'build') return;
        // A forced build starts from an empty cache.
        if (isForcedBuild()) {
          cache.clear();
          logger.info('MDX compile cache emptied (--force)');
        }
        const workers = workerCount();
        if (workers === 0) return;
        pool = new CompilePool(workers);
        const settings = expectedSettings(config, base.options);
        prefetched = JSON.stringify(settings);
        // Vite names files by their real path; a symlinked CONTENT_DIR would miss every prefetch.
        const contentDir = contentDirectory(fileURLToPath(config.root));
        if (!existsSync(contentDir)) return;
        const realDir = realpathSync(contentDir);
        const files = toPendingFiles(join(realDir, 'articles'), readArticles(realDir));
        for (const file of files) compile(settings, file).catch(() => {});
      },
      'astro:build:done': async ({ logger }) => {
        await pool?.close();
        pool = undefined;
        const removed = cache?.prune() ?? 0;
        if (removed) logger.info(`removed ${removed} unused compiled MDX files from the cache`);
      },
    },
  };
  return { processor, integration };
}
