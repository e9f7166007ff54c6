/**
 * `npm run check:content`: validates every article at once and prints each problem as
 * `file:line field: what is wrong and how to fix it`. Exits 1 when there is any, so CI and
 * pre-commit hooks can run it. CONTENT_DIR points it at another content folder.
 */

import { checkContentFolder } from '../src/integrations/content-checks.ts';
import { readArticles } from '../src/integrations/content-source.ts';
import { formatReport } from '../src/lib/content-check/problem.ts';
import { getConfig } from '../src/server/platform/config/config.ts';
import { contentDirectory } from '../src/server/platform/config/paths.ts';

const root = process.cwd();
const problems = checkContentFolder(root, { site: getConfig().SITE_URL });
if (problems.length) {
  console.error(formatReport(problems));
  process.exitCode = 1;
} else {
  const count = readArticles(contentDirectory(root), root).length;
  console.log(`All ${count} article${count === 1 ? '' : 's'} passed the content check.`);
}
