import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import type { AstroMarkdownOptions, MarkdownProcessor, MdxRenderResult } from 'astro/markdown';
import { afterAll, describe, expect, it } from 'vitest';
import { hashFiles } from '@/integrations/build-cache';
import { CompileCache } from '@/integrations/mdx-cache/cache';
import { cachedMdx } from '@/integrations/mdx-cache/index';

const scratch = mkdtempSync(join(tmpdir(), 'mdx-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// What Astro passes for this site's config (Prism highlighting, no source maps).
const shared: AstroMarkdownOptions = {
  syntaxHighlight: 'prism',
  shikiConfig: {},
  gfm: true,
  smartypants: true,
};
const mdxOptions = { optimize: false, sourcemap: false, srcDir: pathToFileURL(join(scratch, 'src/')) };

/** unified's MDX processor, counting the files it really compiles. */
function countingUnified(): { processor: MarkdownProcessor; compiled: string[] } {
  const base = unified({});
  const compiled: string[] = [];
  const processor: MarkdownProcessor = {
    ...base,
    async createMdxRenderer(options, mdx) {
      const renderer = await base.createMdxRenderer?.(options, mdx);
      if (!renderer) throw new Error('unified() lost its MDX renderer');
      return {
        process: (content, filePath, frontmatter) => {
          compiled.push(filePath);
          return renderer.process(content, filePath, frontmatter);
        },
      };
    },
  };
  return { processor, compiled };
}

/** Runs the integration's config hook as `astro build` would, with the cache under `cacheDir`. */
function configure(integration: AstroIntegration, cacheDir: string): void {
  const hook = integration.hooks['astro:config:done'];
  // Only the fields the hook reads; the rest of Astro's config does not matter here.
  const params = {
    config: { cacheDir: pathToFileURL(`${cacheDir}/`) },
    logger: { warn: () => {}, info: () => {} },
  } as unknown as Parameters<NonNullable<typeof hook>>[0];
  hook?.(params);
}

async function build(cacheDir: string, files: Record<string, string>) {
  const { processor, compiled } = countingUnified();
  const mdx = cachedMdx(processor);
  configure(mdx.integration, cacheDir);
  const renderer = await mdx.processor.createMdxRenderer?.(shared, mdxOptions);
  const outputs = await Promise.all(
    Object.entries(files).map(([path, content]) => renderer?.process(content, path, { title: path })),
  );
  return { compiled, outputs };
}

describe('cachedMdx', () => {
  it('compiles an article once; later builds read it back until its source changes', async () => {
    const cacheDir = join(scratch, 'builds');
    const first = await build(cacheDir, { '/a.mdx': '# A\n\nText', '/b.mdx': '# B' });
    expect(first.compiled.sort()).toEqual(['/a.mdx', '/b.mdx']);
    const second = await build(cacheDir, { '/a.mdx': '# A\n\nText', '/b.mdx': '# B, edited' });
    expect(second.compiled).toEqual(['/b.mdx']);
    expect(second.outputs[0]).toEqual(first.outputs[0]);
    expect(second.outputs[1]?.code).toContain('B, edited');
  });

  it('does not cache output that names component files resolved on disk', async () => {
    const cacheDir = join(scratch, 'islands');
    const island = 'import Counter from "../components/Counter.astro";\n\n<Counter server:defer />';
    await build(cacheDir, { '/island.mdx': island });
    expect((await build(cacheDir, { '/island.mdx': island })).compiled).toEqual(['/island.mdx']);
  });
});

describe('CompileCache', () => {
  const result: MdxRenderResult = {
    code: 'export default 1;',
    map: null,
    astroMetadata: {
      hydratedComponents: [],
      clientOnlyComponents: [],
      serverComponents: [],
      scripts: [],
      propagation: 'none',
      containsHead: false,
      pageOptions: {},
    },
  };

  it('gives back what was stored under the same inputs only', () => {
    const cache = new CompileCache(join(scratch, 'a'), 'salt');
    const key = cache.key(['/a.mdx', '# A', { title: 'A' }]);
    expect(cache.get(key)).toBeUndefined();
    expect(cache.set(key, result)).toBeUndefined();
    expect(cache.get(key)).toEqual(result);
    expect(cache.key(['/a.mdx', '# A', { title: 'B' }])).not.toBe(key);
    expect(cache.key(['/b.mdx', '# A', { title: 'A' }])).not.toBe(key);
    expect(
      new CompileCache(join(scratch, 'a'), 'other salt').key(['/a.mdx', '# A', { title: 'A' }]),
    ).not.toBe(key);
  });

  it('prunes the entries a build did not use and treats a damaged entry as a miss', () => {
    const dir = join(scratch, 'b');
    const first = new CompileCache(dir, 'salt');
    const kept = first.key(['kept']);
    const dropped = first.key(['dropped']);
    first.set(kept, result);
    first.set(dropped, result);
    const second = new CompileCache(dir, 'salt');
    expect(second.get(kept)).toEqual(result);
    expect(second.prune()).toBe(1);
    expect(readdirSync(dir)).toEqual([kept]);
    writeFileSync(join(dir, kept), 'not a serialized value');
    expect(second.get(kept)).toBeUndefined();
    // Another build's entry being written is not pruned.
    writeFileSync(join(dir, `${dropped}.999.tmp`), 'half');
    expect(second.prune()).toBe(0);
  });

  it('reports, rather than throws, an entry it cannot write', () => {
    const blocked = join(scratch, 'not-a-dir');
    writeFileSync(blocked, 'a file where the cache folder should be');
    const cache = new CompileCache(blocked, 'salt');
    expect(cache.set(cache.key(['x']), result)).toBeInstanceOf(Error);
  });

  it('salts with the contents of the files it is given', () => {
    const file = join(scratch, 'plugin.ts');
    writeFileSync(file, 'one');
    const before = hashFiles([file]);
    writeFileSync(file, 'two');
    expect(hashFiles([file])).not.toBe(before);
    expect(hashFiles([join(scratch, 'missing.ts')])).toMatch(/^[0-9a-f]{64}$/);
  });
});
