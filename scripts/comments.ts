/**
 * `npm run comments -- <command>`: moderation and privacy requests from the command line.
 *   list [pending|approved|spam]     the queue (default pending), one comment per line
 *   approve|spam|unapprove|delete <id>...
 *   export --email X                 everything stored about an email, as JSON on stdout
 *                                    (comments and reply notifications; subscriptions: `npm run mail`)
 *   erase --email X                  deletes every comment and reply notification stored with that email
 *   purge                            clears address hashes older than 30 days, expired sessions
 *                                    and failed logins that no longer count
 */

import { purgeAdminRecords } from '../src/server/admin/admin-auth.service.ts';
import type { CommentStatus } from '../src/server/comments/comment.table.ts';
import { clearExpiredAddressHashes } from '../src/server/comments/comment-housekeeping.ts';
import {
  eraseByEmail,
  exportByEmail,
  getModerationQueue,
  MODERATION_ACTIONS,
  moderateComments,
} from '../src/server/comments/comment-moderation.service.ts';
import { eraseReplyFollows, exportReplyFollows } from '../src/server/mail/comment-mail.service.ts';
import { closeDb, getDb } from '../src/server/platform/db/database.ts';

const USAGE =
  'usage: npm run comments -- list [pending|approved|spam] | approve|spam|unapprove|delete <id>... | export --email X | erase --email X | purge';

function emailArgument(args: string[]): string {
  const index = args.indexOf('--email');
  const email = index >= 0 ? args[index + 1] : undefined;
  if (!email?.includes('@')) throw new UsageError('give the address with --email name@example.com');
  return email;
}

class UsageError extends Error {}

async function run(command: string | undefined, args: string[]): Promise<void> {
  const db = await getDb();
  if (command === 'list') {
    const status = (args[0] ?? 'pending') as CommentStatus;
    if (!['pending', 'approved', 'spam'].includes(status)) throw new UsageError(`unknown status "${status}"`);
    const { comments, counts } = await getModerationQueue(db, status, 1000);
    for (const c of comments) {
      const text = c.body.replace(/\s+/g, ' ').slice(0, 80);
      console.log(`${c.id}  ${c.created_at}  ${c.article_id}  ${c.author_name} <${c.author_email}>  ${text}`);
      if (c.signals.length) console.log(`    signals: ${c.signals.join('; ')}`);
    }
    console.error(
      `[comments] ${comments.length} ${status}; pending ${counts.pending}, approved ${counts.approved}, spam ${counts.spam}`,
    );
  } else if (MODERATION_ACTIONS.some((action) => action === command)) {
    if (args.length === 0) throw new UsageError(`${command} needs at least one comment id`);
    const changed = await moderateComments(db, args, command as (typeof MODERATION_ACTIONS)[number]);
    console.error(`[comments] ${command}: ${changed} of ${args.length} comment(s) changed`);
    if (changed < args.length) process.exitCode = 1;
  } else if (command === 'export') {
    const email = emailArgument(args).trim().toLowerCase();
    const comments = await exportByEmail(db, email);
    console.log(
      JSON.stringify({ email, comments, replyNotifications: await exportReplyFollows(db, email) }, null, 2),
    );
    console.error(`[comments] email subscriptions and mails sent: npm run mail -- export --email ${email}`);
  } else if (command === 'erase') {
    const email = emailArgument(args).trim().toLowerCase();
    const erased = await eraseByEmail(db, email);
    const follows = await eraseReplyFollows(db, email);
    console.error(
      `[comments] erased ${erased} comment(s) and ${follows} reply notification(s) stored with ${email}`,
    );
    console.error(
      `[comments] to erase its email subscription and mails too: npm run mail -- erase --email ${email}`,
    );
  } else if (command === 'purge') {
    const cleared = await clearExpiredAddressHashes(db);
    await purgeAdminRecords(db);
    console.error(`[comments] cleared ${cleared} client-address hash(es) older than 30 days`);
  } else {
    throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
}

const [command, ...args] = process.argv.slice(2);
try {
  await run(command, args);
} catch (error) {
  console.error(`[comments] ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof UsageError) console.error(USAGE);
  process.exitCode = error instanceof UsageError ? 2 : 1;
} finally {
  await closeDb();
}
