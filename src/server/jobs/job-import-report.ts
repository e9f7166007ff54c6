import type { ImportSummary } from './job-import.service.ts';

const record = (index: number, externalId: string | null) =>
  `record ${index}${externalId ? ` (id ${externalId})` : ''}`;

/**
 * The import report, one line per fact, for the CLI and the server log: the counts, then every
 * role added and closed, every problem of each rejected record, what the importer guessed (or
 * how many guesses, for the background sync), and the departments the mapping does not list
 * with the category their roles suggest.
 */
export function formatSummary(
  summary: ImportSummary,
  options: { warnings: 'list' | 'count' } = { warnings: 'list' },
): string[] {
  const counts = [
    `${summary.added.length} added`,
    `${summary.updated} updated`,
    `${summary.unchanged} unchanged`,
    `${summary.closed.length} closed`,
    `${summary.rejected.length} rejected`,
    ...(summary.skipped ? [`${summary.skipped} unlisted skipped`] : []),
  ];
  const lines = [`${summary.source}: ${counts.join(', ')}`];
  for (const job of summary.added)
    lines.push(`  added ${job.title} (id ${job.externalId}): /jobs/${job.id}/`);
  for (const job of summary.closed)
    lines.push(`  closed ${job.title} (id ${job.externalId}): /jobs/${job.id}/`);
  for (const r of summary.rejected) {
    lines.push(`  rejected ${record(r.index, r.externalId)}: ${r.problems.join('; ')}`);
  }
  if (options.warnings === 'list') {
    for (const w of summary.warnings) lines.push(`  warning, ${record(w.index, w.externalId)}: ${w.message}`);
  } else if (summary.warnings.length > 0) {
    // The sync repeats the same guesses every run: a count keeps the log readable.
    lines.push(`  ${summary.warnings.length} warnings: \`npm run jobs -- import\` of the feed lists them`);
  }
  for (const d of summary.unmappedDepartments) {
    const advice = d.suggestion
      ? `its roles' titles suggest adding it under ${d.suggestion}`
      : 'no role title suggests a category';
    lines.push(
      `  department "${d.name}" (${d.roles} role${d.roles === 1 ? '' : 's'}) is not in content/jobs-mapping.yml: ${advice}`,
    );
  }
  return lines;
}
