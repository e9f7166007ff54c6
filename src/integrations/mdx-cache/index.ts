/**
 * A disk cache in front of the MDX compiler. Astro 7.3 compiles every .mdx file again on every
 * build; with this, a rebuild compiles only the articles that changed (docs/performance.md
 * gives the saving). It wraps the configured processor through the public processor interface
 * (`createMdxRenderer`, which third-party processors implement too): each result is keyed by
 * what Astro passes the renderer (settings, path, source, frontmatter) and a salt over the
 * lockfile and our Markdown plugins' source. `astro build --force` empties it.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { MarkdownProcessor, MdxRenderer, MdxRenderResult } from 'astro/markdown';
import { hashFiles, isForcedBuild, LOCKFILE } from '../build-cache.ts';
import { CompileCache } from './cache.ts';

/** Our remark and rehype plugins: editing any of them must recompile every article. */
const pluginDir = fileURLToPath(new URL('../../lib/markdown/', import.meta.url));

/** The processor for `markdown.processor` and the integration that places, empties and prunes its cache. */
export interface CachedMdx {
  processor: MarkdownProcessor;
  integration: AstroIntegration;
}

/**
 * Whether a result depends on its source alone. For components used with client:* or
 * server:defer, the compiler resolves their paths on disk and writes them into the output;
 * such results are not cached, since a renamed component file would leave the path stale.
 */
function isSelfContained(result: MdxRenderResult): boolean {
  const { hydratedComponents, clientOnlyComponents, serverComponents } = result.astroMetadata;
  return hydratedComponents.length + clientOnlyComponents.length + serverComponents.length === 0;
}

/** Wraps `base` (e.g. `unified(...)` from @astrojs/markdown-remark) with the compile cache. */
export function cachedMdx(base: MarkdownProcessor): CachedMdx {
  let cache: CompileCache | undefined;
  let warn: (message: string) => void = console.warn;
  let warned = false;

  async function createMdxRenderer(...args: Parameters<NonNullable<MarkdownProcessor['createMdxRenderer']>>) {
    if (!base.createMdxRenderer) throw new Error(`the ${base.name} processor cannot render .mdx`);
    const renderer: MdxRenderer = await base.createMdxRenderer(...args);
    // The settings as Astro passed them (srcDir, a URL, serializes as its href).
    const settings = JSON.stringify(args);
    return {
      async process(content, filePath, frontmatter) {
        const key = cache?.key([settings, filePath, content, frontmatter]);
        const cached = key === undefined ? undefined : cache?.get(key);
        if (cached) return cached;
        const result = await renderer.process(content, filePath, frontmatter);
        const failed = key !== undefined && isSelfContained(result) ? cache?.set(key, result) : undefined;
        if (failed && !warned)
          warn(`compiled MDX not cached (${failed.message}); the next build compiles again`);
        warned ||= failed !== undefined;
        return result;
      },
    } satisfies MdxRenderer;
  }

  const integration: AstroIntegration = {
    name: 'mdx-cache',
    hooks: {
      'astro:config:done': ({ config, logger }) => {
        warn = (message) => logger.warn(message);
        const plugins = readdirSync(pluginDir).map((name) => join(pluginDir, name));
        const salt = hashFiles([LOCKFILE, ...plugins]);
        cache = new CompileCache(fileURLToPath(new URL('mdx/', config.cacheDir)), salt);
        if (isForcedBuild()) {
          cache.clear();
          logger.info('MDX compile cache emptied (--force)');
        }
      },
      'astro:build:done': ({ logger }) => {
        const removed = cache?.prune() ?? 0;
        if (removed) logger.info(`removed ${removed} unused compiled MDX files from the cache`);
      },
    },
  };
  return { processor: { ...base, createMdxRenderer }, integration };
}
