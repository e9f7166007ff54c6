/**
 * The builds `npm run bench:build` compares. Each part of the site's build-speed work has a
 * variant that leaves that one part out and nothing else, so its saving is the difference
 * from `site` measured in the same run. A variant is the site's own astro.config.mjs with
 * one change, written as a config file of its own (`astro build --config`): the site's
 * config carries no switches for the benchmark.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeMinimalProject } from './minimal-project.ts';

const root = new URL('../../', import.meta.url).pathname;

/** One build configuration the benchmark can run. */
export interface Variant {
  /** Short name for --only. */
  id: string;
  name: string;
  /** The variant this one is compared with; absent for `site` and the minimal reference. */
  baseline?: string;
  /** The part of the build-speed work this variant leaves out, for the saving's label. */
  part?: string;
  /**
   * The build phase (build-phases.ts) where the part does its work: its figure there is less
   * exposed to what other processes do to the rest of the build.
   */
  phase?: string;
  /** The body of a config file over the site's (`site` is its config); absent: the site's own. */
  config?: string;
  /** Run after the cold build, before the warm one, with the variant's cache folder. */
  beforeWarm?: (cacheDir: string) => void;
  /** Writes a fresh scratch project into the folder (absent for this site, built in place). */
  write?: (dir: string) => void;
}

/** Every variant, the site first. */
export const variants: Variant[] = [
  { id: 'site', name: 'site as configured' },
  {
    id: 'no-cache-key',
    name: 'site without the incremental build (cacheKey)',
    baseline: 'site',
    part: 'incremental build (cacheKey on article pages)',
    phase: 'prerendering pages',
    config: 'export default { ...site, experimental: { ...site.experimental, incrementalBuild: false } };',
  },
  {
    id: 'no-pagefind-reuse',
    name: 'site indexing every build (no Pagefind reuse)',
    baseline: 'site',
    part: 'search index reused when no page changed',
    phase: 'post-build hooks + exit',
    beforeWarm: (cacheDir) => rmSync(join(cacheDir, 'pagefind'), { recursive: true, force: true }),
  },
  {
    id: 'no-mdx-cache',
    name: 'site compiling every article on every build (no MDX compile cache)',
    baseline: 'site',
    part: 'MDX compile cache',
    phase: 'vite bundling',
    config: `import { unified } from '@astrojs/markdown-remark';
export default {
  ...site,
  integrations: site.integrations.filter((integration) => integration.name !== 'mdx-cache'),
  markdown: { ...site.markdown, processor: unified(site.markdown.processor.options) },
};`,
  },
  {
    id: 'remark-smartypants',
    name: "site with Astro's smartypants (remark-smartypants)",
    baseline: 'site',
    part: 'string SmartyPants instead of remark-smartypants',
    phase: 'vite bundling',
    config: `import { unified } from '@astrojs/markdown-remark';
import { cachedMdx } from '${root}src/integrations/mdx-cache/index.ts';
const { remarkPlugins, ...options } = site.markdown.processor.options;
const markdown = cachedMdx(unified({
  ...options,
  smartypants: true,
  remarkPlugins: remarkPlugins.filter((plugin) => plugin.name !== 'remarkSmartPunctuation'),
}));
export default {
  ...site,
  integrations: site.integrations.map((integration) => integration.name === 'mdx-cache' ? markdown.integration : integration),
  markdown: { ...site.markdown, processor: markdown.processor },
};`,
  },
  { id: 'minimal', name: 'minimal Astro + MDX', write: writeMinimalProject },
];

/** The config file of a variant with `config`, written under `dir`; its absolute path. */
export function writeVariantConfig(variant: Variant, dir: string): string | undefined {
  if (!variant.config) return undefined;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `astro.config.${variant.id}.mjs`);
  writeFileSync(file, `import site from '${root}astro.config.mjs';\n${variant.config}\n`);
  return file;
}
