/**
 * Starts compiling the articles before Vite asks for them. Astro spends the first seconds of a
 * build syncing content and generating types on the main thread while the compile workers
 * wait; the articles are known by then (CONTENT_DIR/articles), so they can be compiled in that
 * time. Vite's requests then find the result compiled or compiling.
 *
 * The renderer settings are derived from the Astro config as @astrojs/mdx derives them. They
 * are part of every cache key, so a wrong guess costs only wasted work, never a wrong result.
 */
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import type { AstroConfig } from 'astro';
import type { RendererSettings } from './messages.ts';

/** What the MDX vite plugin will pass for this config (no mdx() options, no source maps). */
export function expectedSettings(
  config: AstroConfig,
  processor: { gfm?: boolean; smartypants?: unknown },
): RendererSettings {
  const { markdown } = config;
  // The resolved config's types allow `undefined` where the renderer's types omit the key
  // (exactOptionalPropertyTypes); the values are the very objects @astrojs/mdx passes on.
  type Shared = RendererSettings['shared'];
  const shared = {
    syntaxHighlight: markdown.syntaxHighlight,
    shikiConfig: markdown.shikiConfig,
    gfm: processor.gfm ?? markdown.gfm,
    smartypants: processor.smartypants ?? markdown.smartypants,
  } as Shared;
  return {
    shared,
    mdx: { optimize: false, sourcemap: Boolean(config.vite.build?.sourcemap), srcDir: config.srcDir.href },
  };
}

/** One .mdx article as the MDX vite plugin will see it: path, body and parsed frontmatter. */
export interface PendingFile {
  filePath: string;
  content: string;
  frontmatter: Record<string, unknown>;
}

/** The .mdx articles (`entry` relative to `articlesDir`) as the MDX plugin will parse them. */
export function toPendingFiles(
  articlesDir: string,
  articles: readonly { entry: string; source: string }[],
): PendingFile[] {
  return articles
    .filter(({ entry }) => entry.endsWith('.mdx'))
    .flatMap(({ entry, source }) => {
      try {
        const { frontmatter, content } = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
        return [{ filePath: join(articlesDir, entry), content, frontmatter }];
      } catch {
        // A broken file is left for the build to report, with its position.
        return [];
      }
    });
}
