import { type NewRole, queueRoleAlerts } from '../mail/role-alerts.ts';
import type { Db } from '../platform/db/database.ts';
import { type CategoryMapping, isDepartmentMapped, matchCategories } from './category-mapping.ts';
import type { FeedParseResult, RejectedRecord } from './importers/index.ts';
import {
  closeJobs,
  findCategoriesForJobs,
  findJobsBySource,
  insertJob,
  replaceJobCategories,
  updateJob,
} from './job.repository.ts';
import { newJobId, toRowFields } from './job.service.ts';

/** What an import did. `unchanged` roles were already stored exactly as the feed has them. */
export interface ImportSummary {
  source: string;
  added: number;
  updated: number;
  unchanged: number;
  closed: number;
  rejected: RejectedRecord[];
  /** Records the feed marks as unlisted. */
  skipped: number;
  /** Departments in the feed that content/jobs-mapping.yml does not list, sorted. */
  unmappedDepartments: string[];
}

const COMPARED = [
  'title',
  'company',
  'location',
  'remote',
  'remote_regions',
  'employment_type',
  'department',
  'team',
  'salary_min',
  'salary_max',
  'salary_currency',
  'salary_unit',
  'description_html',
  'apply_url',
  'posted_at',
  'valid_through',
] as const;

/**
 * Syncs one source with a parsed feed in a single transaction: adds new roles, updates changed
 * ones (re-opening any that come back), and closes the source's open roles the feed no longer
 * lists. Roles whose records were rejected are left as they are. Running it twice changes nothing.
 */
export async function importFeed(
  db: Db,
  source: string,
  feed: FeedParseResult,
  mapping: CategoryMapping,
  now = new Date(),
): Promise<ImportSummary> {
  const at = now.toISOString();
  const summary: ImportSummary = {
    source,
    added: 0,
    updated: 0,
    unchanged: 0,
    closed: 0,
    rejected: feed.rejected,
    skipped: feed.skipped,
    unmappedDepartments: [],
  };
  const unmapped = new Set<string>();
  const addedRoles: NewRole[] = [];
  await db.transaction().execute(async (trx) => {
    const existing = await findJobsBySource(trx, source);
    const byExternalId = new Map(existing.map((row) => [row.external_id, row]));
    const storedCategories = await findCategoriesForJobs(
      trx,
      existing.map((row) => row.id),
    );
    for (const record of feed.records) {
      if (record.department && !isDepartmentMapped(record.department, mapping))
        unmapped.add(record.department);
      const categories = record.categories ?? matchCategories(record, mapping);
      const fields = toRowFields(record);
      const row = byExternalId.get(record.externalId);
      if (!row) {
        const id = newJobId();
        await insertJob(trx, { id, source, ...fields, closed_at: null, created_at: at, updated_at: at });
        await replaceJobCategories(trx, id, categories);
        addedRoles.push({ id, ...fields, categories });
        summary.added += 1;
        continue;
      }
      byExternalId.delete(record.externalId);
      const sameCategories = (storedCategories.get(row.id) ?? []).join('\n') === categories.join('\n');
      if (row.closed_at === null && sameCategories && COMPARED.every((key) => row[key] === fields[key])) {
        summary.unchanged += 1;
        continue;
      }
      await updateJob(trx, row.id, { ...fields, closed_at: null, updated_at: at });
      if (!sameCategories) await replaceJobCategories(trx, row.id, categories);
      summary.updated += 1;
    }
    // A rejected record is still in the feed: its stored role stays as it was, open or not.
    const stillListed = new Set(feed.rejected.map((r) => r.externalId).filter((id) => id !== null));
    const gone = [...byExternalId.values()].filter(
      (row) => row.closed_at === null && !stillListed.has(row.external_id),
    );
    summary.closed = await closeJobs(
      trx,
      gone.map((row) => row.id),
      at,
    );
    // Subscribers' mails are queued in this transaction: they exist exactly when the roles do.
    await queueRoleAlerts(trx, addedRoles, now);
  });
  summary.unmappedDepartments = [...unmapped].sort((a, b) => a.localeCompare(b));
  return summary;
}
