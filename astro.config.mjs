// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig, envField } from 'astro/config';
import remarkGfm from 'remark-gfm';
import { rehypeAccessibleTaskLists } from './src/lib/markdown/rehype-accessible-task-lists.ts';

/** Canonical origin of the site; every absolute URL (canonical, feeds, sitemap) derives from it. */
const site = process.env.SITE_URL ?? 'http://localhost:4321';

/**
 * MARKDOWN_PROCESSOR=satteri renders with Astro's default processor instead of unified +
 * remark-gfm. Only the build benchmark sets it, to compare the two on the same articles.
 */
const useSatteri = process.env.MARKDOWN_PROCESSOR === 'satteri';

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'always',
  // Middleware mode: our own node:http server (src/server/http/serve.ts) serves static files
  // itself and hands only dynamic requests to Astro, which measured faster than standalone.
  adapter: node({ mode: 'middleware', staticHeaders: true }),
  security: {
    checkOrigin: true,
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
  integrations: [mdx(), sitemap()],
  markdown: {
    // Prism emits classes, not inline styles, so highlighted code works under a strict CSP.
    syntaxHighlight: 'prism',
    ...(useSatteri
      ? {}
      : {
          processor: unified({
            gfm: false,
            remarkPlugins: [remarkGfm],
            rehypePlugins: [rehypeAccessibleTaskLists],
          }),
        }),
  },
  env: {
    schema: {
      DATABASE_URL: envField.string({ context: 'server', access: 'secret', default: 'file:./data/site.db' }),
    },
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
