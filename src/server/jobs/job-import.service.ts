import { queueRoleAlerts } from '../mail/role-alerts.service.ts';
import type { Db } from '../platform/db/database.ts';
import { type CategoryMapping, matchCategories } from './category-mapping.ts';
import type { CompanyProfile } from './company-profiles.ts';
import {
  closeJobs,
  extendJobs,
  findCategoriesForJobs,
  findJobsBySource,
  insertJob,
  replaceJobCategories,
  updateJob,
} from './job.repository.ts';
import { newJobId } from './job.service.ts';
import type { Job } from './job.ts';
import { type DepartmentReport, reportUnmappedDepartments } from './job-departments.ts';
import type { FeedParseResult, RecordWarning, RejectedRecord } from './job-input.ts';
import { toJob, toRowFields } from './job-row.ts';
import { validityDays, validThroughFor } from './job-validity.ts';

/** What an import did. `unchanged` roles were already stored exactly as the feed has them. */
export interface ImportSummary {
  source: string;
  /** The roles the import added, as stored. */
  added: Job[];
  updated: number;
  unchanged: number;
  /** The roles the import closed because their feed no longer lists them. */
  closed: Job[];
  rejected: RejectedRecord[];
  /** Records the feed marks as unlisted. */
  skipped: number;
  /** What the importer guessed or could not place in the records it took. */
  warnings: RecordWarning[];
  /** Departments no rule of content/jobs-mapping.yml lists, with a suggested category. */
  unmappedDepartments: DepartmentReport[];
}

/** How to import: the mapping, the source's profile, the clock and what else joins the transaction. */
export interface ImportOptions {
  mapping: CategoryMapping;
  /** The source's company profile: its links go on the roles of its company. */
  profile?: CompanyProfile;
  now?: Date;
  /** The validity window for roles whose feed states no expiry (default JOBS_VALID_DAYS). */
  validityDays?: number;
  /**
   * Runs inside the import's transaction once the source is synced, with what it did: work
   * that must commit or roll back with the import (such as queueing mail about `added` roles).
   */
  withinTransaction?: (trx: Db, summary: ImportSummary) => Promise<void>;
}

/**
 * Syncs one source with a parsed feed in a single transaction: adds new roles, updates changed
 * ones (re-opening any that come back), extends the validity of those still listed, and closes
 * the source's open roles the feed no longer lists. Roles whose records were rejected are left
 * as they are. Running it twice at the same instant changes nothing.
 */
export async function importFeed(
  db: Db,
  source: string,
  feed: FeedParseResult,
  options: ImportOptions,
): Promise<ImportSummary> {
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const days = options.validityDays ?? validityDays();
  const summary: ImportSummary = {
    source,
    added: [],
    updated: 0,
    unchanged: 0,
    closed: [],
    rejected: feed.rejected,
    skipped: feed.skipped,
    warnings: feed.warnings,
    unmappedDepartments: [],
  };
  const categoriesOf = feed.records.map(
    (record) => record.categories ?? matchCategories(record, options.mapping),
  );
  summary.unmappedDepartments = reportUnmappedDepartments(feed.records, categoriesOf, options.mapping);
  await db.transaction().execute(async (trx) => {
    const existing = await findJobsBySource(trx, source);
    const byExternalId = new Map(existing.map((row) => [row.external_id, row]));
    const storedCategories = await findCategoriesForJobs(
      trx,
      existing.map((row) => row.id),
    );
    const extend = new Map<string, string[]>();
    for (const [index, record] of feed.records.entries()) {
      const categories = categoriesOf[index] ?? [];
      const fields = toRowFields(record, options.profile);
      const validThrough = validThroughFor(record, now, days);
      const row = byExternalId.get(record.externalId);
      if (!row) {
        const added = { id: newJobId(), source, ...fields, valid_through: validThrough, closed_at: null };
        await insertJob(trx, { ...added, created_at: at, updated_at: at });
        await replaceJobCategories(trx, added.id, categories);
        summary.added.push(toJob({ ...added, created_at: at, updated_at: at }, categories, now));
        continue;
      }
      byExternalId.delete(record.externalId);
      const sameCategories = (storedCategories.get(row.id) ?? []).join('\n') === categories.join('\n');
      const same = Object.entries(fields).every(([key, value]) => row[key as keyof typeof fields] === value);
      if (row.closed_at === null && sameCategories && same) {
        summary.unchanged += 1;
        if (row.valid_through !== validThrough)
          extend.set(validThrough, [...(extend.get(validThrough) ?? []), row.id]);
        continue;
      }
      await updateJob(trx, row.id, {
        ...fields,
        valid_through: validThrough,
        closed_at: null,
        updated_at: at,
      });
      if (!sameCategories) await replaceJobCategories(trx, row.id, categories);
      summary.updated += 1;
    }
    for (const [validThrough, ids] of extend) await extendJobs(trx, ids, validThrough);
    // A rejected record is still in the feed: its stored role stays as it was, open or not.
    const stillListed = new Set(feed.rejected.map((r) => r.externalId).filter((id) => id !== null));
    const gone = [...byExternalId.values()].filter(
      (row) => row.closed_at === null && !stillListed.has(row.external_id),
    );
    await closeJobs(
      trx,
      gone.map((row) => row.id),
      at,
    );
    summary.closed = gone.map((row) =>
      toJob({ ...row, closed_at: at, updated_at: at }, storedCategories.get(row.id) ?? [], now),
    );
    // Subscribers' mails are queued in this transaction: they exist exactly when the roles do.
    await queueRoleAlerts(trx, summary.added, now);
    await options.withinTransaction?.(trx, summary);
  });
  return summary;
}
