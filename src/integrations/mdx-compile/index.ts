/**
 * Compiles the articles' MDX on worker threads and caches the output on disk. Astro runs the
 * unified MDX pipeline on the main thread and again on every build; this processor gives the
 * same output (the workers build their pipeline from the same options module) while a cold
 * build uses every core and a warm build compiles only the articles that changed.
 *
 * `MDX_WORKERS=0` compiles in process (still cached); `astro build --force` empties the cache.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import type {
  AstroMarkdownOptions,
  MarkdownProcessor,
  MdxRenderer,
  MdxRendererOptions,
} from 'astro/markdown';
import { unifiedOptions } from '../../lib/markdown/unified-options.ts';
import { CompileCache, compileSalt } from './cache.ts';
import type { RendererSettings } from './messages.ts';
import { CompilePool } from './pool.ts';

/** The processor for `markdown.processor` and the integration that manages its cache. */
export interface MdxCompiler {
  processor: MarkdownProcessor;
  integration: AstroIntegration;
}

/** Files whose change must recompile every article (see compileSalt). */
const saltFiles = [
  '../../../package-lock.json',
  '../../lib/markdown/unified-options.ts',
  '../../lib/markdown/rehype-accessible-task-lists.ts',
  '../../lib/markdown/rehype-focusable-code.ts',
  '../../lib/markdown/rehype-heading-anchors.ts',
  '../../lib/markdown/remark-figure-images.ts',
  '../../lib/markdown/remark-smart-punctuation.ts',
  '../../lib/markdown/smart-punctuation.ts',
  './worker.ts',
].map((path) => fileURLToPath(new URL(path, import.meta.url)));

function workerCount(): number {
  const configured = process.env['MDX_WORKERS'];
  if (configured === undefined || configured === '') return availableParallelism();
  const count = Number(configured);
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`MDX_WORKERS must be a whole number, got "${configured}"`);
  return count;
}

/** Creates the cached, parallel unified processor and its integration. */
export function mdxCompiler(): MdxCompiler {
  const base = unified(unifiedOptions);
  let cache: CompileCache | undefined;
  let pool: CompilePool | undefined;
  let command: 'dev' | 'build' | 'preview' | 'sync' = 'build';

  async function createMdxRenderer(
    shared: AstroMarkdownOptions,
    mdx: MdxRendererOptions,
  ): Promise<MdxRenderer> {
    if (!base.createMdxRenderer) throw new Error('unified() has no MDX renderer');
    const local = base.createMdxRenderer(shared, mdx);
    const settings: RendererSettings = {
      shared,
      mdx: {
        optimize: mdx.optimize,
        sourcemap: mdx.sourcemap ?? false,
        ...(mdx.srcDir ? { srcDir: mdx.srcDir.href } : {}),
      },
    };
    // The dev server compiles one file at a time as pages are visited: workers would only add start-up.
    const workers = command === 'build' ? workerCount() : 0;
    if (workers > 0 && !pool) pool = new CompilePool(workers);
    return {
      async process(content, filePath, frontmatter) {
        const key = cache?.key([filePath, content, frontmatter, settings]);
        const cached = key ? cache?.get(key) : undefined;
        if (cached) return cached;
        const result = pool
          ? await pool.compile({ settings, content, filePath, frontmatter })
          : await (await local).process(content, filePath, frontmatter);
        if (key) cache?.set(key, result);
        return result;
      },
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
        cache = new CompileCache(fileURLToPath(new URL('mdx/', config.cacheDir)), compileSalt(saltFiles));
        // Astro has no hook argument for --force; a forced build must start from an empty cache.
        if (command === 'build' && process.argv.includes('--force')) {
          cache.clear();
          logger.info('MDX compile cache emptied (--force)');
        }
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
