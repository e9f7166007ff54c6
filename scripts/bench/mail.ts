/**
 * `npm run bench:mail`: confirmed subscribers of Backend, one import of 5 new Backend roles,
 * then the sender (its own process) drains the outbox to a real SMTP server in this process.
 * Measured at 1,000 and 10,000 subscribers on SQLite: the import's time (the fan-out happens
 * inside its transaction), the seconds until the SMTP server has accepted every mail,
 * messages per second, and the sender's peak memory, which must stay flat as subscribers
 * grow. The same-run baseline: the same pooled transport sending pre-rendered mails with no
 * database. Saves bench/results-mail.json.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCategoryMapping } from '../../src/server/jobs/category-mapping.ts';
import type { JobInput } from '../../src/server/jobs/job.ts';
import { importFeed } from '../../src/server/jobs/job-import.service.ts';
import { createDatabase } from '../../src/server/platform/db/database.ts';
import { migrateToLatest } from '../../src/server/platform/db/migrate.ts';
import { feedOf, fixtureRole } from '../../tests/support/job-fixtures.ts';
import { addManySubscribers } from '../../tests/support/mail-rows.ts';
import { startSmtpServer } from '../../tests/support/smtp.ts';
import { type Figure, saveResult } from './results.ts';

const root = new URL('../../', import.meta.url).pathname;
const SIZES = [1_000, 10_000];
const ROLES = 5;

interface SenderRun {
  seconds: number;
  messages: number;
  idleRssMb: number;
  peakRssMb: number;
  peakHeapMb: number;
  retainedMb: number;
}

function role(n: number): JobInput {
  return fixtureRole(`bench-${n}`, {
    title: `Backend Engineer ${n}`,
    company: 'Initech (benchmark)',
    where: { label: 'Leeds, UK', remote: true, remoteRegions: ['United Kingdom'] },
    salary: { min: 60_000, max: 90_000, currency: 'GBP', unit: 'YEAR' },
    descriptionHtml: '<p>A benchmark role.</p>',
    postedAt: new Date().toISOString(),
    categories: ['backend'],
  });
}

/** Runs the sender process; asynchronously, since the SMTP server it talks to lives in this process. */
function runSender(env: Record<string, string>, args: string[]): Promise<SenderRun> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', join(root, 'scripts/bench/mail-sender.ts'), ...args],
    {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the sender failed:\n${stderr}`));
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as SenderRun);
    });
  });
}

const smtp = await startSmtpServer({ keep: false });
const figures: Figure[] = [];
const runs = new Map<number, SenderRun>();
try {
  const rawSmall = await runSender({ SMTP_URL: smtp.url }, ['raw', '1000']);
  const raw = await runSender({ SMTP_URL: smtp.url }, ['raw', '10000']);
  console.log(
    `baseline: pooled SMTP alone sent ${raw.messages} pre-rendered mails in ${raw.seconds.toFixed(2)} s`,
  );
  for (const size of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-mail-'));
    const url = `file:${join(dir, 'site.db')}`;
    try {
      const db = createDatabase(url);
      await migrateToLatest(db);
      await addManySubscribers(db, size, 'backend');
      const importStart = performance.now();
      const summary = await importFeed(
        db,
        'bench',
        feedOf(...Array.from({ length: ROLES }, (_, i) => role(i))),
        { mapping: loadCategoryMapping('content') },
      );
      const importSeconds = (performance.now() - importStart) / 1000;
      await db.destroy();
      if (summary.added.length !== ROLES)
        throw new Error(`the import added ${summary.added.length} roles, not ${ROLES}`);
      const before = smtp.accepted();
      const run = await runSender({ DATABASE_URL: url, SMTP_URL: smtp.url }, ['drain']);
      const accepted = smtp.accepted() - before;
      if (accepted !== size) throw new Error(`the SMTP server accepted ${accepted} mails, not ${size}`);
      runs.set(size, run);
      const label = size.toLocaleString('en');
      console.log(
        `${label} subscribers: import ${importSeconds.toFixed(2)} s, ${accepted} mails in ${run.seconds.toFixed(2)} s, peak RSS ${run.peakRssMb.toFixed(0)} MB`,
      );
      figures.push(
        {
          label: `${label} subscribers: import of ${ROLES} roles with its fan-out`,
          value: importSeconds,
          unit: 's',
        },
        {
          label: `${label} subscribers: seconds until every mail was accepted`,
          value: run.seconds,
          unit: 's',
        },
        {
          label: `${label} subscribers: messages per second`,
          value: run.messages / run.seconds,
          unit: 'msg/s',
        },
        { label: `${label} subscribers: sender peak RSS`, value: run.peakRssMb, unit: 'MB' },
        { label: `${label} subscribers: sender peak heap`, value: run.peakHeapMb, unit: 'MB' },
        {
          label: `${label} subscribers: sender peak live memory after GC`,
          value: run.retainedMb,
          unit: 'MB',
        },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const small = runs.get(SIZES[0] ?? 0);
  const large = runs.get(SIZES[1] ?? 0);
  if (small && large) {
    const live = large.retainedMb / small.retainedMb;
    figures.push(
      {
        label: 'sender live memory after GC, 10,000 ÷ 1,000 subscribers',
        value: live,
        unit: '×',
        budget: '<= 1.25',
        ok: live <= 1.25,
      },
      {
        label: 'sender peak RSS, 10,000 ÷ 1,000 subscribers',
        value: large.peakRssMb / small.peakRssMb,
        unit: '×',
      },
      {
        label: 'baseline: pooled SMTP alone, peak RSS 10,000 ÷ 1,000 mails',
        value: raw.peakRssMb / rawSmall.peakRssMb,
        unit: '×',
      },
      {
        label: 'baseline: pooled SMTP alone (10,000 pre-rendered mails)',
        value: raw.messages / raw.seconds,
        unit: 'msg/s',
      },
      {
        label: 'outbox sender ÷ pooled SMTP alone, 10,000 mails',
        value: large.messages / large.seconds / (raw.messages / raw.seconds),
        unit: '×',
      },
    );
  }
  await saveResult('mail', figures);
} finally {
  await smtp.stop();
}
