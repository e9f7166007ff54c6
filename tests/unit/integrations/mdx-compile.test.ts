import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import type { AstroMarkdownOptions, MdxRenderResult } from 'astro/markdown';
import { afterAll, describe, expect, it } from 'vitest';
import { hashFiles } from '@/integrations/build-cache';
import { CompileCache } from '@/integrations/mdx-compile/cache';
import type { RendererSettings } from '@/integrations/mdx-compile/messages';
import { CompilePool } from '@/integrations/mdx-compile/pool';
import { toPendingFiles } from '@/integrations/mdx-compile/prefetch';
import { unifiedOptions } from '@/lib/markdown/unified-options';

const root = new URL('../../../', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'mdx-compile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// What Astro passes for this site's config (Prism highlighting, no source maps).
const shared: AstroMarkdownOptions = {
  syntaxHighlight: 'prism',
  shikiConfig: {},
  gfm: true,
  smartypants: true,
};
const srcDir = pathToFileURL(join(root, 'src/'));
const settings: RendererSettings = {
  shared,
  mdx: { optimize: false, sourcemap: false, srcDir: srcDir.href },
};

function article(file: string): { content: string; frontmatter: Record<string, unknown> } {
  const source = readFileSync(join(root, 'content/articles', file), 'utf8');
  const [, frontmatter = '', content = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
  return { content, frontmatter: { raw: frontmatter } };
}

describe('CompilePool', () => {
  it('compiles every article exactly as the in-process renderer does', async () => {
    const local = await unified(unifiedOptions).createMdxRenderer?.(shared, {
      optimize: false,
      sourcemap: false,
      srcDir,
    });
    const pool = new CompilePool(2);
    try {
      const files = readdirSync(join(root, 'content/articles')).filter((file) => file.endsWith('.mdx'));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const { content, frontmatter } = article(file);
        const filePath = join(root, 'content/articles', file);
        const [fromPool, inProcess] = await Promise.all([
          pool.compile({ settings, content, filePath, frontmatter }),
          local?.process(content, filePath, frontmatter),
        ]);
        expect(fromPool.code, file).toBe(inProcess?.code);
        expect(fromPool.astroMetadata, file).toEqual(inProcess?.astroMetadata);
      }
      // Our typography (src/lib/markdown/remark-smart-punctuation.ts) runs in the workers too.
      const typography = await pool.compile({
        settings,
        content: `It's "here" -- now`,
        filePath: join(scratch, 't.mdx'),
        frontmatter: {},
      });
      expect(typography.code).toContain('It’s “here” — now');
    } finally {
      await pool.close();
    }
  });

  it('rejects a broken file with the position the MDX plugin reports', async () => {
    const pool = new CompilePool(1);
    try {
      const filePath = join(scratch, 'broken.mdx');
      const failure = pool.compile({
        settings,
        content: '# Title\n\nText <Callout\n',
        filePath,
        frontmatter: {},
      });
      await expect(failure).rejects.toThrow(/Unexpected end of file/);
      await expect(failure).rejects.toMatchObject({ line: 3, column: expect.any(Number) });
      // The worker survives a failed file.
      const next = await pool.compile({ settings, content: '# Fine\n', filePath, frontmatter: {} });
      expect(next.code).toContain('Fine');
    } finally {
      await pool.close();
    }
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

describe('toPendingFiles', () => {
  it('reads the .mdx articles as the MDX plugin does, and leaves broken ones to the build', () => {
    const files = toPendingFiles('/articles', [
      { entry: 'one.mdx', source: '---\ntitle: One\n---\n\n# Body\n' },
      { entry: 'two.md', source: '---\ntitle: Two\n---\n\nText\n' },
      { entry: 'broken.mdx', source: '---\ntitle: [unclosed\n---\n\nText\n' },
    ]);
    expect(files).toEqual([
      // Frontmatter becomes spaces, so positions in the body stay those of the file.
      {
        filePath: '/articles/one.mdx',
        content: `${' '.repeat(3)}\n${' '.repeat(10)}\n${' '.repeat(3)}\n\n# Body\n`,
        frontmatter: { title: 'One' },
      },
    ]);
  });
});

describe('CompilePool when a worker dies', () => {
  const unreliable = new URL('../../fixtures/mdx-compile/unreliable-worker.ts', import.meta.url);
  const file = (content: string) => ({
    settings,
    content,
    filePath: `/articles/${content}.mdx`,
    frontmatter: {},
  });

  it('fails the file that kills its worker, naming it, and compiles the others', async () => {
    const pool = new CompilePool(1, unreliable);
    try {
      const others = [pool.compile(file('SLOW-one')), pool.compile(file('two'))];
      const killer = pool.compile(file('EXIT-now'));
      const more = pool.compile(file('SLOW-three'));
      await expect(killer).rejects.toThrow(
        /\/articles\/EXIT-now\.mdx: the MDX compile worker exited with code 3/,
      );
      expect((await Promise.all([...others, more])).map((r) => r.code)).toEqual([
        'SLOW-one',
        'two',
        'SLOW-three',
      ]);
      expect((await pool.compile(file('after'))).code).toBe('after');
    } finally {
      await pool.close();
    }
  });

  it('gives up after repeated crashes instead of hanging', async () => {
    const pool = new CompilePool(1, unreliable);
    try {
      const results = await Promise.allSettled(
        ['THROW-1', 'THROW-2', 'THROW-3', 'THROW-4', 'THROW-5', 'THROW-6'].map((name) =>
          pool.compile(file(name)),
        ),
      );
      expect(results.every((r) => r.status === 'rejected')).toBe(true);
      await expect(pool.compile(file('later'))).rejects.toThrow(/no MDX compile worker left/);
    } finally {
      await pool.close();
    }
  });

  it('fails a file whose settings cannot be sent, and only that file', async () => {
    const pool = new CompilePool(1, unreliable);
    try {
      const bad = { ...file('bad'), frontmatter: { transform: () => 1 } };
      await expect(pool.compile(bad)).rejects.toThrow(/could not be cloned/);
      expect((await pool.compile(file('good'))).code).toBe('good');
    } finally {
      await pool.close();
    }
  });
});
