// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { contentChecks } from './src/integrations/content-checks.ts';
import { mailManifest } from './src/integrations/mail-manifest.ts';
import { cachedMdx } from './src/integrations/mdx-cache/index.ts';
import { onDemandRoutes } from './src/integrations/on-demand-routes.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { precompressBuild } from './src/integrations/precompress.ts';
import { siteIndex } from './src/integrations/site-index.ts';
import { readSitemapDates } from './src/integrations/sitemap-dates.ts';
import { rehypeAccessibleTaskLists } from './src/lib/markdown/rehype-accessible-task-lists.ts';
import { rehypeFocusableCode } from './src/lib/markdown/rehype-focusable-code.ts';
import { rehypeHeadingAnchors } from './src/lib/markdown/rehype-heading-anchors.ts';
import { remarkFigureImages } from './src/lib/markdown/remark-figure-images.ts';
import { remarkSmartPunctuation } from './src/lib/markdown/remark-smart-punctuation.ts';
import { isIndexablePath } from './src/lib/seo/sitemap-xml.ts';
import { socialCards } from './src/server/cards/card-integration.ts';
import { getConfig } from './src/server/platform/config/config.ts';
import { contentDirectory } from './src/server/platform/config/paths.ts';
import { siteAllowedDomains } from './src/server/platform/config/site-origin.ts';

const config = getConfig();

/** Canonical origin of the site; every absolute URL (canonical, feeds, sitemap) derives from it. */
const site = config.SITE_URL;

/**
 * Articles are rendered by unified (remark and rehype, with Astro's GitHub-flavoured Markdown)
 * and our plugins, behind a disk cache that lets a rebuild compile only the articles that
 * changed (src/integrations/mdx-cache/).
 */
const markdown = cachedMdx(
  unified({
    // Our string-based SmartyPants replaces Astro's retext one: same output, less time.
    smartypants: false,
    remarkPlugins: [remarkSmartPunctuation, remarkFigureImages],
    rehypePlugins: [rehypeAccessibleTaskLists, rehypeHeadingAnchors, rehypeFocusableCode],
  }),
);

/** lastmod of every article, category, author and listing page, from the articles' frontmatter. */
const sitemapDates = readSitemapDates(contentDirectory());

export default defineConfig({
  site,
  // The build benchmark gives each measured configuration its own cache, so measuring never
  // touches the project's cache in node_modules/.astro.
  ...(config.ASTRO_CACHE_DIR ? { cacheDir: config.ASTRO_CACHE_DIR } : {}),
  output: 'static',
  experimental: {
    // Article pages return a cacheKey (src/lib/page-cache-key.ts): a rebuild copies the pages
    // whose data and template are unchanged instead of rendering them again.
    incrementalBuild: true,
  },
  trailingSlash: 'always',
  // Middleware mode: the production server (src/server/http/serve.ts) serves the static files
  // with sirv and hands only the rest to Astro (`npm run bench:serve` compares it with standalone).
  adapter: node({ mode: 'middleware', staticHeaders: true }),
  // Every image is optimised at build; the on-request optimiser is replaced by a 404.
  image: { endpoint: { route: '/_image', entrypoint: './src/server/http/image-endpoint.ts' } },
  security: {
    checkOrigin: true,
    // The site's own origin (SITE_URL): behind the TLS proxy, Astro then takes the scheme from
    // X-Forwarded-Proto and a form post's Origin (https://…) matches the URL it builds. The
    // server drops forwarded headers unless TRUST_PROXY=1, so only the proxy can set them.
    allowedDomains: siteAllowedDomains(site),
    // Hashes for every inline script and style Astro emits (the server-island loader included).
    // With staticHeaders the policy of each prerendered page lands in dist/_headers.json and the
    // server sends it as a header, where frame-ancestors is honoured (a <meta> policy ignores it).
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ],
    },
  },
  // contentChecks first: a wrong article stops the build before anything is built.
  integrations: [
    contentChecks(),
    siteIndex(),
    // Article cards are drawn by the server on request; the build lists them in og-cards.json.
    socialCards(),
    // New articles are announced to subscribers from the list this writes (mail-manifest.json).
    mailManifest(),
    mdx(),
    markdown.integration,
    sitemap({
      filter: (page) => {
        const { pathname } = new URL(page);
        return isIndexablePath(pathname) && !sitemapDates.drafts.has(pathname);
      },
      serialize: (item) => {
        const lastmod = sitemapDates.lastmod.get(new URL(item.url).pathname);
        return lastmod ? { ...item, lastmod: lastmod.toISOString() } : item;
      },
      // The on-demand job pages are listed by their own sitemap, built per request.
      customSitemaps: [new URL('/sitemap-jobs.xml', site).href],
    }),
    // After the pages, so the index is built over the finished pages.
    pagefindIndex(),
    // Which slashless URLs the server redirects: the on-demand routes' patterns.
    onDemandRoutes(),
    // Last: brotli and gzip copies of every text file written above, Pagefind's included.
    precompressBuild(),
  ],
  markdown: {
    // Prism emits classes, not inline styles, so highlighted code works under a strict CSP.
    syntaxHighlight: 'prism',
    processor: markdown.processor,
  },
  vite: {
    plugins: [tailwindcss()],
    build: {
      rollupOptions: {
        // Every .mdx file triggers one MODULE_LEVEL_DIRECTIVE warning about Astro's own
        // "use astro:head-inject" marker (an open upstream issue); it drowns real warnings.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject'))
            return;
          warn(warning);
        },
      },
    },
  },
});
