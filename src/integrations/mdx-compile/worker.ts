/**
 * An MDX compile worker: builds the same unified MDX renderer as the Astro config (from
 * src/lib/markdown/unified-options.ts) and compiles the files the main thread sends it.
 * Started by pool.ts; never imported by the site.
 */
import { parentPort } from 'node:worker_threads';
import { unified } from '@astrojs/markdown-remark';
import type { MdxRenderer } from 'astro/markdown';
import { unifiedOptions } from '../../lib/markdown/unified-options.ts';
import {
  type CompileRequest,
  type CompileResponse,
  type RendererSettings,
  serializeError,
} from './messages.ts';

const renderers = new Map<string, Promise<MdxRenderer>>();

/** One renderer per distinct settings (in practice one per build). */
function rendererFor(settings: RendererSettings): Promise<MdxRenderer> {
  const key = JSON.stringify(settings);
  let renderer = renderers.get(key);
  if (!renderer) {
    const { srcDir, ...mdx } = settings.mdx;
    const processor = unified(unifiedOptions);
    if (!processor.createMdxRenderer) throw new Error('unified() lost its MDX renderer');
    renderer = processor.createMdxRenderer(settings.shared, {
      ...mdx,
      ...(srcDir ? { srcDir: new URL(srcDir) } : {}),
    });
    renderers.set(key, renderer);
  }
  return renderer;
}

parentPort?.on('message', async (request: CompileRequest) => {
  let response: CompileResponse;
  try {
    const renderer = await rendererFor(request.settings);
    const result = await renderer.process(request.content, request.filePath, request.frontmatter);
    response = { id: request.id, result };
  } catch (error) {
    response = { id: request.id, error: serializeError(error) };
  }
  try {
    parentPort?.postMessage(response);
  } catch (error) {
    // A result that cannot be cloned still gets an answer, naming the file.
    parentPort?.postMessage({ id: request.id, error: serializeError(error) } satisfies CompileResponse);
  }
});
