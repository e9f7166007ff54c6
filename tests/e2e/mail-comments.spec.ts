import { spawnSync } from 'node:child_process';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { databaseKinds } from '../support/databases.ts';
import { COMMENTS_PAGE, fillComment, logInAsModerator, newClient } from './support/comments.ts';
import { MODERATOR, useMailSite } from './support/mail.ts';

const root = new URL('../../', import.meta.url).pathname;

for (const kind of databaseKinds) {
  test.describe(`comment mails on ${kind}`, () => {
    const site = useMailSite(kind);
    const contexts: BrowserContext[] = [];
    test.afterEach(async () => {
      await Promise.all(contexts.splice(0).map((context) => context.close()));
    });
    const commentId = async (body: string) =>
      (await site.db.selectFrom('comments').select('id').where('body', '=', body).executeTakeFirstOrThrow())
        .id;
    const post = async (
      page: Page,
      fields: { comment: string; name: string; email: string },
      follow = false,
    ) => {
      await fillComment(page, fields);
      if (follow) await page.getByRole('checkbox', { name: 'Email me when someone replies' }).check();
      await page.getByRole('button', { name: 'Post Comment' }).click();
    };
    const cli = (script: string, ...args: string[]) => {
      const run = spawnSync(process.execPath, [`${root}scripts/${script}`, ...args], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: site.databaseUrl },
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      return run;
    };

    test('moderators hear of held comments, followers of replies, and only a proven address is auto-approved', async ({
      browser,
    }) => {
      test.setTimeout(120_000);
      const open = async (javaScript = false) => {
        const context = await newClient(browser, site.url, javaScript);
        contexts.push(context);
        return context.newPage();
      };
      const author = `author-${kind}@example.com`;
      const first = `First comment from the author on ${kind}.`;
      const reader = await open();
      await reader.goto(COMMENTS_PAGE);
      await post(reader, { comment: first, name: 'Ada Author', email: author }, true);
      await expect(reader.getByRole('status')).toContainText('held for moderation');

      // The moderators' mail lists it, with approve and spam links to the admin.
      await site.smtp.waitFor(() => site.smtp.to(MODERATOR).length === 1);
      const notice = site.smtp.to(MODERATOR)[0];
      expect(notice?.subject).toBe('1 comment held for moderation');
      expect(notice?.text).toContain(first);
      const firstId = await commentId(first);
      const approve = site.linkIn(notice?.text ?? '', '/admin/moderate/');
      expect(approve).toContain(`id=${firstId}&action=approve`);
      expect(notice?.text).toContain(`id=${firstId}&action=spam`);

      // "Email me when someone replies" is confirmed once, from the mail.
      await site.smtp.waitFor(() => site.smtp.to(author).length === 1);
      const confirmation = site.smtp.to(author)[0];
      expect(confirmation?.subject).toBe('Confirm your email address');
      await reader.goto(site.local(site.linkIn(confirmation?.text ?? '', '/mail/confirm/')));
      await reader.getByRole('button', { name: 'Confirm' }).click();
      await expect(reader.getByRole('status')).toContainText('You will hear of replies');

      // The approve link asks for the login, then for a click.
      const moderator = await open(true);
      await moderator.goto(site.local(approve));
      await expect(moderator).toHaveURL(/\/admin\/login\//);
      await logInAsModerator(moderator);
      await moderator.goto(site.local(approve));
      await moderator.getByRole('button', { name: 'Approve' }).click();
      await expect(moderator.getByRole('status')).toHaveText('1 comment approved.');

      // Someone replies; the moderator approves the reply; the author hears of it.
      const reply = `A reply to the author on ${kind}.\n\nWith a second paragraph.`;
      const replier = await open();
      await replier.goto(`${COMMENTS_PAGE}?replyTo=${firstId}`);
      await post(replier, { comment: reply, name: 'Bea Replier', email: `replier-${kind}@example.com` });
      await expect(replier.getByRole('status')).toContainText('held for moderation');
      // Held within ten minutes of the first notice: the next notice waits for the interval.
      const notices = await site.db
        .selectFrom('mail_outbox')
        .select('next_attempt_at')
        .where('kind', '=', 'moderation')
        .execute();
      expect(notices.map((n) => Date.parse(n.next_attempt_at) > Date.now() + 5 * 60_000)).toEqual([
        false,
        true,
      ]);
      await moderator.goto('/admin/?status=pending');
      await moderator.getByRole('button', { name: 'Approve the comment by Bea Replier' }).click();
      await site.smtp.waitFor(() => site.smtp.to(author).length === 2);
      const replyMail = site.smtp.to(author)[1];
      expect(replyMail?.subject).toMatch(/^Bea Replier replied to your comment on “.+”$/);
      expect(replyMail?.text).toContain('With a second paragraph.');
      expect(replyMail?.text).toContain(
        `/blog/backend-development-engineering-2026/comments/#comment-${await commentId(reply)}`,
      );
      expect(replyMail?.unsubscribeUrl).toMatch(/\/mail\/one-click\/\?s=.+&list=replies$/);

      // The author's browser proved the address: their next comment is published at once…
      await reader.goto(COMMENTS_PAGE);
      await post(reader, {
        comment: `Second comment from the author on ${kind}.`,
        name: 'Ada Author',
        email: author,
      });
      await expect(reader.getByRole('status')).toContainText('Your comment is published');
      // …while someone else typing the same address is held.
      const impostor = await open();
      await impostor.goto(COMMENTS_PAGE);
      await post(impostor, {
        comment: `Not really the author on ${kind}.`,
        name: 'Ada Author',
        email: author,
      });
      await expect(impostor.getByRole('status')).toContainText('held for moderation');

      // Export and erase cover subscriptions and reply follows.
      const exported = JSON.parse(cli('mail.ts', 'export', '--email', author).stdout) as {
        replyFollows: { comment_id: string; confirmed_at: string | null }[];
        messages: unknown[];
      };
      expect(exported.replyFollows.map((f) => [f.comment_id, f.confirmed_at !== null])).toEqual([
        [firstId, true],
      ]);
      expect(exported.messages.length).toBeGreaterThanOrEqual(2);
      const comments = JSON.parse(cli('comments.ts', 'export', '--email', author).stdout) as {
        replyNotifications: unknown[];
      };
      expect(comments.replyNotifications).toHaveLength(1);
      cli('mail.ts', 'erase', '--email', author);
      const erased = JSON.parse(cli('mail.ts', 'export', '--email', author).stdout) as {
        address: unknown;
        messages: unknown[];
      };
      expect([erased.address, erased.messages]).toEqual([null, []]);
    });
  });
}
