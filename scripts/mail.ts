/**
 * `npm run mail -- <command>`: the operators' mail commands.
 *   send                 queues due digests and sends everything due now (SMTP_URL, else keeps it)
 *   list [--limit N]     the newest messages with their status and failures, and the counts
 *   export --email X     everything stored about an address, as JSON on stdout
 *   erase --email X      deletes the address, its subscription, reply follows and messages
 * Exit codes: 0 done, 1 failed, 2 wrong usage.
 */
import { parseArgs } from 'node:util';
import { queueDueDigests } from '../src/server/mail/digest.ts';
import { readMailConfig } from '../src/server/mail/mail.config.ts';
import { namesFrom, readMailManifest } from '../src/server/mail/mail-manifest.ts';
import { eraseMailData, exportMailData } from '../src/server/mail/mail-privacy.ts';
import { drainOutbox } from '../src/server/mail/mail-sender.ts';
import { createSmtpTransport } from '../src/server/mail/mail-transport.ts';
import { countOutbox, listOutbox } from '../src/server/mail/outbox.repository.ts';
import { distDirectory } from '../src/server/platform/config/paths.ts';
import { closeDb, getDb } from '../src/server/platform/db/database.ts';

const USAGE = 'usage: npm run mail -- send | list [--limit N] | export --email X | erase --email X';

class UsageError extends Error {}

function emailOption(args: string[]): string {
  const { values } = parseArgs({ args, options: { email: { type: 'string' } } });
  if (!values.email?.includes('@')) throw new UsageError('give the address with --email name@example.com');
  return values.email;
}

async function main(command: string | undefined, args: string[]): Promise<number> {
  const db = await getDb();
  if (command === 'send') {
    const config = readMailConfig();
    const transport = config.smtpUrl ? createSmtpTransport(config.smtpUrl) : undefined;
    try {
      const digests = await queueDueDigests(db, config);
      const names = namesFrom(readMailManifest(distDirectory()));
      const summary = await drainOutbox(db, { config, transport, names });
      console.log(
        `[mail] ${digests} digest messages queued; ${summary.sent} sent, ${summary.kept} kept for the Outbox page, ${summary.skipped} skipped, ${summary.retried} to retry, ${summary.failed} failed`,
      );
      return summary.failed > 0 ? 1 : 0;
    } finally {
      transport?.close();
    }
  }
  if (command === 'list') {
    const { values } = parseArgs({ args, options: { limit: { type: 'string' } } });
    const limit = Number(values.limit ?? 50);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a whole number');
    for (const row of await listOutbox(db, { limit })) {
      console.log(
        `${row.created_at}  ${row.status.padEnd(7)}  ${row.kind.padEnd(10)}  ${row.recipient}  ${row.subject ?? ''}  (attempts ${row.attempts})`,
      );
      if (row.last_error) console.log(`    last error: ${row.last_error}`);
    }
    const counts = await countOutbox(db);
    console.error(
      `[mail] ${Object.entries(counts)
        .map(([status, n]) => `${status} ${n}`)
        .join(', ')}`,
    );
    return 0;
  }
  if (command === 'export') {
    console.log(JSON.stringify(await exportMailData(db, emailOption(args)), null, 2));
    return 0;
  }
  if (command === 'erase') {
    const email = emailOption(args);
    const erased = await eraseMailData(db, email);
    console.error(
      `[mail] erased ${email}: ${erased.address ? 'its address, subscription, reply follows and links' : 'no address was stored'}; ${erased.messages} message(s)`,
    );
    return 0;
  }
  throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
}

const [command, ...args] = process.argv.slice(2);
try {
  process.exitCode = await main(command, args);
} catch (error) {
  const usage =
    error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  console.error(`[mail] ${error instanceof Error ? error.message : String(error)}`);
  if (usage) console.error(USAGE);
  process.exitCode = usage ? 2 : 1;
} finally {
  await closeDb();
}
