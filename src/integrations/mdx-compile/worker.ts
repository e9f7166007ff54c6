/**
 * An MDX compile worker: builds the same unified MDX renderer as the Astro config (from
 * src/lib/markdown/unified-options.ts) and compiles the files the main thread sends it.
 * Started by pool.ts (the protocol of src/server/worker-pool.ts); never imported by the site.
 */
import { parentPort } from 'node:worker_threads';
import { unified } from '@astrojs/markdown-remark';
import type { MdxRenderer, MdxRenderResult } from 'astro/markdown';
import { unifiedOptions } from '../../lib/markdown/unified-options.ts';
import { serializeError, type WorkerReply } from '../../server/worker-pool.ts';
import type { CompileRequest, RendererSettings } from './messages.ts';

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

parentPort?.on('message', async ({ id, input }: { id: number; input: CompileRequest }) => {
  let reply: WorkerReply<MdxRenderResult>;
  try {
    const renderer = await rendererFor(input.settings);
    reply = { id, output: await renderer.process(input.content, input.filePath, input.frontmatter) };
  } catch (error) {
    reply = { id, error: serializeError(error) };
  }
  try {
    parentPort?.postMessage(reply);
  } catch (error) {
    // A result that cannot be cloned still gets an answer.
    parentPort?.postMessage({ id, error: serializeError(error) } satisfies WorkerReply<MdxRenderResult>);
  }
});
