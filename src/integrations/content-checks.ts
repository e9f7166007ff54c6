/**
 * Runs the editors' content check inside Astro: `astro build` stops before building anything
 * when an article is wrong, with the same `file:line field: message` lines as
 * `npm run check:content`; `astro dev` prints them as warnings and again after every edit, so
 * a broken article never stops the preview of the others.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { checkArticles } from '../lib/content-check/check-articles.ts';
import { formatReport, type Problem } from '../lib/content-check/problem.ts';
import { contentDirectory } from '../server/platform/config/paths.ts';
import { fileExistsFrom, readArticles, readContentIndex } from './content-source.ts';

/** Options of one check run; by default CONTENT_DIR (or content/) checked at the current time. */
export interface CheckRun {
  now?: Date;
  site?: string;
  contentDir?: string;
}

/** Checks the content folder of the project at `root`; every problem, nothing thrown. */
export function checkContentFolder(root: string, options: CheckRun = {}): Problem[] {
  const contentDir = options.contentDir ?? contentDirectory(root);
  return checkArticles(readArticles(contentDir, root), readContentIndex(contentDir), {
    now: options.now ?? new Date(),
    exists: fileExistsFrom(root),
    ...(options.site ? { site: options.site } : {}),
  });
}

/** Logs the dev-time report; says so once when the last problem is fixed. Returns the count. */
function report(
  root: string,
  site: string | undefined,
  logger: AstroIntegrationLogger,
  before: number,
): number {
  const problems = checkContentFolder(root, site ? { site } : {});
  if (problems.length) logger.warn(`\n${formatReport(problems)}`);
  else if (before > 0) logger.info('Content check passed: every problem is fixed.');
  return problems.length;
}

/** The Astro integration; add it to `integrations` in astro.config.mjs. */
export function contentChecks(): AstroIntegration {
  let root = process.cwd();
  let site: string | undefined;
  let problemCount = 0;
  return {
    name: 'content-checks',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        root = fileURLToPath(config.root);
        site = config.site;
        if (command === 'build') {
          const problems = checkContentFolder(root, site ? { site } : {});
          if (problems.length)
            // An AstroError is printed with its hint under the report, in Astro's own error format.
            throw new AstroError(
              `The articles have problems.\n\n${formatReport(problems)}`,
              'Fix them and build again; npm run check:content lists them without building.',
            );
        }
        if (command === 'dev') problemCount = report(root, site, logger, 0);
      },
      'astro:server:setup': ({ server, logger }) => {
        const contentDir = contentDirectory(root);
        let timer: ReturnType<typeof setTimeout> | undefined;
        server.watcher.on('all', (_event, path) => {
          if (!path.startsWith(contentDir)) return;
          clearTimeout(timer);
          // Editors' saves come in bursts (format-on-save, several files); report once.
          timer = setTimeout(() => {
            problemCount = report(root, site, logger, problemCount);
          }, 200);
        });
      },
    },
  };
}
