/**
 * Writes `mail-manifest.json` beside `client/` and `server/`: the articles this build
 * publishes (id, title, description, categories) and the category names. The server reads it
 * when it starts to announce new articles to subscribers, and to name categories in mails.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { MAIL_MANIFEST_FILE, type MailManifest } from '../server/mail/mail-manifest.ts';
import { contentDirectory } from '../server/platform/config/paths.ts';
import { readNames, readPublishedArticles } from './published-articles.ts';

/** The manifest of the articles published at `now`, limited to the article pages built. */
export function buildMailManifest(
  contentDir: string,
  now: Date,
  builtPaths: readonly string[],
): MailManifest {
  const built = new Set(builtPaths.map((path) => path.replace(/^\/+|\/+$/g, '')));
  const articles = readPublishedArticles(contentDir, false, now)
    .filter((article) => built.has(`blog/${article.id}`))
    .map(({ id, title, description, categories }) => ({ id, title, description, categories }));
  return { version: 1, categories: Object.fromEntries(readNames(contentDir).categories), articles };
}

/** Writes the manifest after each build. */
export function mailManifest(): AstroIntegration {
  let outDir: URL | undefined;
  let root = process.cwd();
  return {
    name: 'mail-manifest',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ pages, logger }) => {
        if (!outDir) throw new Error('mail-manifest: the build folder is unknown');
        const manifest = buildMailManifest(
          contentDirectory(root),
          new Date(),
          pages.map((page) => page.pathname),
        );
        writeFileSync(new URL(MAIL_MANIFEST_FILE, outDir), `${JSON.stringify(manifest)}\n`);
        logger.info(`${manifest.articles.length} published articles listed for subscribers`);
      },
    },
  };
}
