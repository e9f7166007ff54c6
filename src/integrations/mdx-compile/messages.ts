/** What the main thread sends the MDX compile workers (see src/server/worker-pool.ts). */
import type { AstroMarkdownOptions, MdxRendererOptions } from 'astro/markdown';

/** The renderer's settings as structured-clone data (`srcDir` as an href, not a URL). */
export interface RendererSettings {
  shared: AstroMarkdownOptions;
  mdx: Omit<MdxRendererOptions, 'srcDir'> & { srcDir?: string };
}

/** One file to compile. */
export interface CompileRequest {
  settings: RendererSettings;
  content: string;
  filePath: string;
  frontmatter: Record<string, unknown>;
}
