/**
 * `npm run jobs -- <command>`: the operators' job store commands.
 *   import <file-or-url> --format greenhouse|lever|ashby|json [--source NAME] [--company NAME]
 *   list [--all] [--limit N]
 *   add --title T --company C --apply-url URL [--location L] [--country C] [--remote [--region R]...] ...
 *   close <id>
 * Exit codes: 0 done, 1 failed or some records rejected, 2 wrong usage.
 */
import { parseArgs } from 'node:util';
import { FEED_FORMATS, FeedFormatError, isFeedFormat } from '../src/server/jobs/importers/index.ts';
import { closeJob } from '../src/server/jobs/job.service.ts';
import { importFeedFrom } from '../src/server/jobs/job-feed.ts';
import { formatSummary } from '../src/server/jobs/job-import-report.ts';
import { closeDb, getDb } from '../src/server/platform/db/database.ts';
import { ADD_OPTIONS, addJobFromFlags, listJobLines } from './jobs-commands.ts';

const USAGE = `usage:
  npm run jobs -- import <file-or-url> --format ${FEED_FORMATS.join('|')} [--source NAME] [--company NAME]
  npm run jobs -- list [--all] [--limit N]
  npm run jobs -- add --title TITLE --company COMPANY --apply-url URL --description HTML [--location PLACE]
                      [--country C] [--remote [--region R]...]
                      [--type FULL_TIME|PART_TIME|CONTRACTOR|TEMPORARY|INTERN|VOLUNTEER|PER_DIEM|OTHER]
                      [--department D] [--category SLUG]... [--salary-min N --salary-max N --currency GBP]
                      [--valid-through DATE] [--id EXTERNAL_ID]
  npm run jobs -- close <id>`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'import') {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { format: { type: 'string' }, source: { type: 'string' }, company: { type: 'string' } },
    });
    const location = positionals[0];
    if (!location || positionals.length > 1) throw new UsageError('import takes one file or URL');
    if (!isFeedFormat(values.format))
      throw new UsageError(`--format must be one of ${FEED_FORMATS.join(', ')}`);
    const summary = await importFeedFrom(await getDb(), {
      location,
      format: values.format,
      source: values.source,
      company: values.company,
    });
    for (const line of formatSummary(summary)) console.log(line);
    return summary.rejected.length > 0 ? 1 : 0;
  }
  if (command === 'list') {
    const { values } = parseArgs({
      args: rest,
      options: { all: { type: 'boolean' }, limit: { type: 'string' } },
    });
    const lines = await listJobLines(await getDb(), values.all ?? false, Number(values.limit ?? 100));
    for (const line of lines) console.log(line);
    return 0;
  }
  if (command === 'add') {
    const { values } = parseArgs({ args: rest, options: ADD_OPTIONS });
    const { id, warnings } = await addJobFromFlags(await getDb(), values);
    console.log(`added ${id}: /jobs/${id}/`);
    for (const warning of warnings) console.log(`  warning: ${warning}`);
    return 0;
  }
  if (command === 'close') {
    const id = rest[0];
    if (!id || rest.length > 1) throw new UsageError('close takes one job id');
    if (!(await closeJob(await getDb(), id))) {
      console.error(`[jobs] no open role has id ${id}`);
      return 1;
    }
    console.log(`closed ${id}`);
    return 0;
  }
  throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`[jobs] ${message}\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(
      `[jobs] ${error instanceof FeedFormatError ? 'feed rejected, nothing imported: ' : ''}${message}`,
    );
    process.exitCode = 1;
  }
} finally {
  await closeDb();
}
